// One fuzzed server as its own process (world-process.ts), so the server and the fuzzer each have a core.
import { startWorld, type World } from './world'

const world: World = await startWorld(process.env.FUZZ_WORLD as World['name'])
const { snapshot: _snapshot, close, ...data } = world
process.send!({ ready: data })
process.on('message', async () => {
  await close()
  process.exit(0)
})
