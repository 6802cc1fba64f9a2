import rawDeployment from '../shared/config/deployment.json' with { type: 'json' }
import { createWorker } from './worker-app'

export type { WorkerEnv } from './worker-app'

export default createWorker(rawDeployment)
