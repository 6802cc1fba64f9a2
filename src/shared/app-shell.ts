/**
 * The page shell for URLs that are not pre-rendered (booking, status, map, unknown pages): the
 * build writes it, and the Node server, the worker and the service worker fall back to it.
 */
export const APP_SHELL_FILE = 'app-shell.html'
