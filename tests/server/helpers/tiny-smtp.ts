import { createServer, type Socket } from 'node:net'

export interface ReceivedMail {
  from: string
  to: string[]
  /** The DATA section as sent, dot-stuffing undone. */
  data: string
  /** Every line the client sent, AUTH included. */
  transcript: string[]
}

/** A minimal SMTP server (RFC 5321 happy path, no TLS) that keeps what it receives, for tests. */
export async function startTinySmtp() {
  const mails: ReceivedMail[] = []
  const waiters: Array<() => void> = []
  const sockets = new Set<Socket>()
  const server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    let buffer = ''
    let inData = false
    let current: ReceivedMail = { from: '', to: [], data: '', transcript: [] }
    const reply = (line: string) => socket.write(`${line}\r\n`)
    reply('220 tiny-smtp ready')
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8')
      let end: number
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        current.transcript.push(line)
        if (inData) {
          if (line === '.') {
            inData = false
            mails.push(current)
            current = { from: '', to: [], data: '', transcript: [] }
            reply('250 queued')
            waiters.splice(0).forEach((wake) => wake())
          } else current.data += `${line.startsWith('..') ? line.slice(1) : line}\r\n`
          continue
        }
        const verb = line.slice(0, 4).toUpperCase()
        const address = /<(.*)>/.exec(line)?.[1] ?? ''
        if (verb === 'EHLO') {
          socket.write('250-tiny-smtp\r\n250 8BITMIME\r\n')
        } else if (verb === 'MAIL') {
          current.from = address
          reply('250 ok')
        } else if (verb === 'RCPT') {
          current.to.push(address)
          reply('250 ok')
        } else if (verb === 'DATA') {
          inData = true
          reply('354 go ahead')
        } else if (verb === 'QUIT') {
          reply('221 bye')
          socket.end()
        } else {
          reply('502 not here')
        }
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    mails,
    /** Resolves when `count` mails have arrived. */
    async waitFor(count: number, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs
      while (mails.length < count) {
        if (Date.now() > deadline) throw new Error(`only ${mails.length} of ${count} mails arrived`)
        await new Promise<void>((resolve) => {
          waiters.push(resolve)
          setTimeout(resolve, 200)
        })
      }
      return mails
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
