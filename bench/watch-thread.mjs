// The watch of bench/watch.mjs, in a thread of its own: `factmark watch` runs in a process of
// its own, and the browser's driver, in the bench's thread, must not share its event loop.
// Reports each build with the time it was announced, on the clock every thread shares.
import { performance } from 'node:perf_hooks'
import { parentPort, workerData } from 'node:worker_threads'
import { startWatch } from '../lib/watch/watch.js'

const now = () => performance.timeOrigin + performance.now()
const watching = await startWatch({
  cwd: workerData.cwd,
  port: 0,
  onBuild: ({ outcome, milliseconds }) =>
    parentPort.postMessage({ kind: 'build', ok: outcome.ok, milliseconds, announcedAt: now() })
})
parentPort.postMessage({ kind: 'url', url: watching.url })
parentPort.on('message', async (message) => {
  if (message === 'settled') {
    await watching.settled()
    parentPort.postMessage({ kind: 'settled' })
  } else if (message === 'close') {
    await watching.close()
    parentPort.close()
  }
})
