// The floor the scale bench compares a build with: remark-parse and
// remark-directive over every report of a folder, one after another, in this
// process, on one core. Nothing is kept but a count, so memory stays flat.
// With --threads N the files are shared among N worker threads (file i to
// thread i mod N), each parsing its share as the single thread does: what the
// machine's cores give the same work when nothing but parsing runs on them.
// Run by bench/build.mjs: node bench/parse-floor.mjs <folder> [--threads N]
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import remarkDirective from 'remark-directive'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

/** Parse the files of `folder` whose place in name order, modulo `of`, is `share`; the top-level nodes they hold. */
function parseShare(folder, share, of) {
  const processor = unified().use(remarkParse).use(remarkDirective)
  const names = readdirSync(folder)
    .filter((file) => file.endsWith('.md'))
    .sort()
  let nodes = 0
  for (let index = share; index < names.length; index += of) {
    const tree = processor.parse(readFileSync(path.join(folder, names[index]), 'utf8'))
    nodes += tree.children.length
  }
  return nodes
}

if (isMainThread) {
  const [folder, flag, value] = process.argv.slice(2)
  const threads = flag === '--threads' ? Number(value) : 1
  if (!folder || !Number.isInteger(threads) || threads < 1) {
    throw new Error('usage: node bench/parse-floor.mjs <folder> [--threads N]')
  }
  const counts =
    threads === 1
      ? [parseShare(folder, 0, 1)]
      : await Promise.all(
          Array.from(
            { length: threads },
            (_, share) =>
              new Promise((resolve, reject) => {
                const worker = new Worker(new URL(import.meta.url), { workerData: { folder, share, of: threads } })
                worker.once('message', resolve)
                worker.once('error', reject)
              })
          )
        )
  const nodes = counts.reduce((sum, count) => sum + count, 0)
  console.log(`parsed on ${threads} thread${threads === 1 ? '' : 's'}, ${nodes} top-level nodes`)
} else {
  parentPort.postMessage(parseShare(workerData.folder, workerData.share, workerData.of))
}
