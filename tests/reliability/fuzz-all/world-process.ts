import { fork } from 'node:child_process'
import { join } from 'node:path'
import { snapshotOf, type World, type WorldData } from './world'

/**
 * startWorld in a child process (node with the tsx loader): the server answers on its own core
 * while this process generates and sends. Rows are read from the same SQLite file here.
 */
export async function startWorldProcess(name: World['name']): Promise<World> {
  const child = fork(join(import.meta.dirname, 'world-child.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, FUZZ_WORLD: name },
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  })
  let errors = ''
  child.stderr!.on('data', (chunk: Buffer) => (errors += String(chunk)))
  const data = await new Promise<WorldData>((done, fail) => {
    child.once('message', (message) => done((message as { ready: WorldData }).ready))
    child.once('exit', (code) => fail(new Error(`fuzz server ${name} exited ${code}: ${errors.slice(-2000)}`)))
  })
  child.removeAllListeners('exit')
  return {
    ...data,
    snapshot: () => snapshotOf(data.dataDir),
    close: () =>
      new Promise<void>((done) => {
        child.once('exit', () => done())
        child.send('close')
      }),
    serverLog: () => errors,
  }
}
