import { connect as connectTcp, type Socket } from 'node:net'
import { connect as connectTls, type TLSSocket } from 'node:tls'
import { randomUUID } from 'node:crypto'
import type { Notice, NoticeSender } from './new-request-notice'

export interface SmtpOptions {
  host: string
  port: number
  /** tls: TLS from the first byte (port 465); starttls: upgrade, and refuse a server that cannot; none: plain (a relay on the same host only). */
  security: 'tls' | 'starttls' | 'none'
  from: string
  to: string[]
  user?: string
  pass?: string
  /** The name given in EHLO. */
  helo?: string
  timeoutMs?: number
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')

/** A plain-text UTF-8 message with the subject in RFC 2047 and the body in base64: no 8-bit line ever reaches the relay. */
export function mimeMessage(notice: Notice, from: string, to: string[], date = new Date()): string {
  const domain = from.split('@')[1] ?? 'localhost'
  const body = b64(notice.text).replace(/.{1,76}/g, '$&\r\n')
  return [
    `From: ${from}`,
    `To: ${to.join(', ')}`,
    `Subject: =?UTF-8?B?${b64(notice.subject)}?=`,
    `Date: ${date.toUTCString()}`,
    `Message-ID: <${randomUUID()}@${domain}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    body,
  ].join('\r\n')
}

/** One SMTP conversation over a socket: send a line, wait for the whole (possibly multi-line) reply. */
function conversation(socket: Socket | TLSSocket, timeoutMs: number) {
  let buffer = ''
  let waiting: { resolve: (reply: { code: number; lines: string[] }) => void; reject: (e: Error) => void } | null = null
  let failure: Error | null = null
  const tryReply = () => {
    if (!waiting) return
    const lines = buffer.split('\r\n')
    const last = lines.findIndex((line) => /^\d{3} /.test(line) || /^\d{3}$/.test(line))
    if (last < 0) return
    const reply = lines.slice(0, last + 1)
    buffer = lines.slice(last + 1).join('\r\n')
    const done = waiting
    waiting = null
    done.resolve({ code: Number(reply[last]!.slice(0, 3)), lines: reply.map((l) => l.slice(4)) })
  }
  const onData = (chunk: Buffer) => {
    buffer += chunk.toString('utf8')
    if (buffer.length > 65_536) socket.destroy(new Error('SmtpReplyTooLong'))
    tryReply()
  }
  const onError = (error: Error) => {
    failure = error
    waiting?.reject(error)
    waiting = null
  }
  socket.on('data', onData)
  socket.on('error', onError)
  socket.on('close', () => onError(failure ?? Object.assign(new Error('SMTP connection closed'), { name: 'SmtpClosed' })))
  socket.setTimeout(timeoutMs, () => socket.destroy(Object.assign(new Error('SMTP timeout'), { name: 'SmtpTimeout' })))
  const reply = () =>
    new Promise<{ code: number; lines: string[] }>((resolve, reject) => {
      if (failure) return reject(failure)
      waiting = { resolve, reject }
      tryReply()
    })
  return {
    async expect(code: number, line?: string) {
      if (line !== undefined) socket.write(`${line}\r\n`)
      const answer = await reply()
      if (answer.code !== code) throw Object.assign(new Error(`SMTP ${answer.code}`), { name: `Smtp${answer.code}` })
      return answer.lines
    },
    detach() {
      socket.off('data', onData)
      socket.off('error', onError)
    },
  }
}

function open(options: SmtpOptions): Promise<Socket | TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket =
      options.security === 'tls'
        ? connectTls({ host: options.host, port: options.port, servername: options.host }, () => resolve(socket))
        : connectTcp({ host: options.host, port: options.port }, () => resolve(socket))
    socket.once('error', reject)
  })
}

function upgrade(socket: Socket, host: string): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const secure = connectTls({ socket, servername: host }, () => resolve(secure))
    secure.once('error', reject)
  })
}

/** SMTP with node:net and node:tls only (no package): EHLO, STARTTLS, AUTH PLAIN, MAIL, RCPT, DATA, QUIT. */
export function smtpSender(options: SmtpOptions): NoticeSender {
  const timeoutMs = options.timeoutMs ?? 15_000
  const helo = options.helo ?? 'tsunagu.localhost'
  return {
    async send(notice) {
      let socket: Socket | TLSSocket = await open(options)
      try {
        let smtp = conversation(socket, timeoutMs)
        await smtp.expect(220)
        const features = await smtp.expect(250, `EHLO ${helo}`)
        if (options.security === 'starttls') {
          if (!features.some((f) => /^STARTTLS\b/i.test(f))) throw Object.assign(new Error('no STARTTLS'), { name: 'SmtpNoStartTls' })
          await smtp.expect(220, 'STARTTLS')
          smtp.detach()
          socket = await upgrade(socket as Socket, options.host)
          smtp = conversation(socket, timeoutMs)
          await smtp.expect(250, `EHLO ${helo}`)
        }
        if (options.user !== undefined) {
          // Credentials only over TLS: a relay without it gets no password.
          if (options.security === 'none') throw Object.assign(new Error('AUTH without TLS'), { name: 'SmtpAuthWithoutTls' })
          await smtp.expect(235, `AUTH PLAIN ${b64(`\0${options.user}\0${options.pass ?? ''}`)}`)
        }
        await smtp.expect(250, `MAIL FROM:<${options.from}>`)
        for (const to of options.to) await smtp.expect(250, `RCPT TO:<${to}>`)
        await smtp.expect(354, 'DATA')
        const message = mimeMessage(notice, options.from, options.to).replace(/^\./gm, '..')
        await smtp.expect(250, `${message}\r\n.`)
        await smtp.expect(221, 'QUIT').catch(() => undefined)
      } finally {
        socket.destroy()
      }
    },
  }
}
