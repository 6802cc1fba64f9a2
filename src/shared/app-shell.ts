/**
 * The page shell for URLs that are not pre-rendered (booking, status, map, unknown pages): the
 * build writes it, and the Node server, the worker and the service worker fall back to it.
 */
export const APP_SHELL_FILE = 'app-shell.html'

/** The shell's URL on Workers static assets, which serve `x.html` at `/x` (and redirect `/x.html` there). */
export const APP_SHELL_PATH = `/${APP_SHELL_FILE.slice(0, -'.html'.length)}`
