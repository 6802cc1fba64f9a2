// The Node server as its own process for the SIGKILL test: DATA_DIR, PORT and the test deployment
// (TEST_WINDOWS, written by the parent, whose envelopes are sealed to its keys) from the environment.
import { join } from 'node:path'
import { startNodeServerFromFile } from '../server/helpers/node-server'

const dataDir = process.env.DATA_DIR!
const server = await startNodeServerFromFile(process.env.TEST_WINDOWS!, { PORT: Number(process.env.PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: join(dataDir, 'no-dist'), SLOT_WEEKS: 1 })
console.log(`ready ${server.url}`)
