import { setFlagsFromString } from 'node:v8'

// Once the reports are compiled, this thread makes the site from summaries read one at a time and
// from groups of facts let go one after another: nearly all it allocates is garbage at once. V8
// lets a heap grow to as much as four times what its last full collection kept before it collects
// again, and at 10,000 reports that took a build to 1.5 GB while it held under 200 MB. Growing by
// a quarter at most keeps the peak near what is held, for a little more time collecting: at
// 10,000 reports the site's own files peaked at 479 MB growing by half, and at 439 MB by a
// quarter, in builds that took the same time and CPU (536 and 539 s, 852 and 856 s). Later, in
// rebuilds of 10,000 copies of the seed that made the rules, the site's files and the table again,
// a growth of a quarter peaked at 444 MB (117 and 120 s of CPU), of a tenth at 391 MB (121 s), and
// of a twentieth at 381 MB (137 s): a step that allocates this fast keeps much of what it let go
// while the heap was being marked, and a collection that comes sooner keeps less of it.
const sitePercent = 10
const flag = '--heap-growing-percent'

/**
 * Let V8 grow a heap by at most `percent` of what its last full collection kept, until the
 * returned function puts back its own rule. The flag is read at each collection, so it takes
 * effect at once; it is the process's, so it holds for any thread started meanwhile too. A process
 * started with a growth of its own (a program that builds with factmark's library, say) keeps it.
 */
export function tightHeap(percent: number = sitePercent): () => void {
  if (growthSetBy(process.execArgv, process.env['NODE_OPTIONS'])) return () => undefined
  setFlagsFromString(`${flag}=${percent}`)
  // 0 is V8's default: a factor of its own, from how fast it collects and allocates.
  return () => setFlagsFromString(`${flag}=0`)
}

/** Whether node's arguments or NODE_OPTIONS set the heap's growth. */
export function growthSetBy(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  const named = (argument: string) => argument.replaceAll('_', '-').startsWith(flag)
  return execArgv.some(named) || (nodeOptions ?? '').split(/\s+/).some(named)
}
