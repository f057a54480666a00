import { parentPort } from 'node:worker_threads'
import type { TableTask } from './table-task.js'
import { carryingErrors } from './thread-errors.js'

/**
 * The entry of the thread that writes a build's facts.parquet while the build's own thread
 * makes the site's series (see tableThread in unit-pool.ts). The writer is loaded as the thread
 * starts, before the first task comes; each task's outcome is posted back in turn.
 */
const writer = import('./site-dataset-files.js')

parentPort?.on('message', (task: TableTask) => {
  void carryingErrors(async () => (await writer).writeKeptParquet(task)).then((done) => parentPort?.postMessage(done))
})
