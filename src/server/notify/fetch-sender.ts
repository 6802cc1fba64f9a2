import type { NoticeSender } from './new-request-notice'

/**
 * Workers cannot open SMTP connections to arbitrary hosts, so there the notice goes to an HTTPS
 * hook the deployment runs or buys (a small relay, an e-mail API): POST JSON
 * `{ from, to, subject, text }` with `Authorization: Bearer <NOTIFY_WEBHOOK_TOKEN>`. The body is
 * the same fixed sentence and link as over SMTP.
 */
export function fetchSender(options: { url: string; token: string; from: string; to: string[] }, fetcher: typeof fetch = fetch): NoticeSender {
  return {
    async send(notice) {
      const response = await fetcher(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
        body: JSON.stringify({ from: options.from, to: options.to, subject: notice.subject, text: notice.text }),
      })
      if (!response.ok) throw Object.assign(new Error(`hook ${response.status}`), { name: `NoticeHook${response.status}` })
    },
  }
}
