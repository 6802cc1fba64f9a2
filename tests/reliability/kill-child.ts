// The Node server as its own process for the SIGKILL test: DATA_DIR and PORT from the environment.
import { join } from 'node:path'
import { startNodeServer } from '../../src/server/node'

const dataDir = process.env.DATA_DIR!
const server = await startNodeServer({ PORT: Number(process.env.PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: join(dataDir, 'no-dist'), SLOT_WEEKS: 1 })
console.log(`ready ${server.url}`)
