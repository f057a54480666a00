import { getHeapStatistics, setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

// Once the reports are compiled, this thread makes the site from summaries read one at a time and
// from groups of facts let go one after another: nearly all it allocates is garbage at once. V8
// lets a heap grow to as much as four times what its last full collection kept before it collects
// again, and at 10,000 reports that took a build to 1.5 GB while it held under 200 MB. Growing by
// a quarter at most keeps the peak near what is held, for a little more time collecting: at
// 10,000 reports the site's own files peaked at 479 MB growing by half, and at 439 MB by a
// quarter, in builds that took the same time and CPU (536 and 539 s, 852 and 856 s).
const sitePercent = 25
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

let collector: (() => void) | undefined

/** Room for V8's young generation, over what a ceiling lets the rest of the heap grow to. */
const youngRoom = 48 * 1024 * 1024

/**
 * A ceiling on the heap through a step made of many parts, such as the groups of facts of the rules
 * across reports: called after each part, it collects the whole heap (see collectNow) once V8's
 * heap has grown to half as much again as the last such collection left, plus room for the young
 * generation. At 10,000 reports with a district each, the rules of a rebuild peaked at 383 to 394
 * MB of RSS with this ceiling (two collections, 0.2 s in all), and of a build compiling every
 * report at 410 MB, where they had reached 388 to 460 MB without it. A ceiling of a quarter over
 * the heap collected 92 times, in 6.5 s, for a peak of 374 MB.
 */
export function heapCeiling(heap: HeapReadings = { size: heapSize, collect: collectNow }): () => void {
  let held = 0
  return () => {
    const { total, used } = heap.size()
    if (held === 0) held = used
    if (total <= held * 1.5 + youngRoom) return
    heap.collect()
    held = heap.size().used
  }
}

/** How a heap's size is read and how it is collected: V8's own, but for a test. */
export interface HeapReadings {
  size: () => { total: number; used: number }
  collect: () => void
}

function heapSize(): { total: number; used: number } {
  const { total_heap_size: total, used_heap_size: used } = getHeapStatistics()
  return { total, used }
}

/**
 * Collect the whole heap at once, between two steps of a site too large to hold. V8 sizes its heap
 * from what its last full collection kept, and a collection made while a step allocates keeps
 * what that step let go meanwhile: at 10,000 reports with a district each, V8 counted 170 to 190
 * MB held through the table of every fact, where a heap snapshot found 110 to 130, and the heap
 * grew from the larger figure. With a collection before the catalog and series, before the table
 * and before the record, the RSS of those steps in rebuilds stayed within 321 to 367 MB, where it
 * had reached 409 to 442 MB (in builds that compiled every report, 357 MB once, and 438 MB in the
 * catalog and series once); each collection took 0.1 to 0.2 s.
 * A process started with --expose-gc is given its own `gc`; any other exposes it for a moment, to
 * a context of its own, as a flag set before the context is made.
 */
export function collectNow(): void {
  collector ??= exposedGc()
  collector()
}

function exposedGc(): () => void {
  const own: unknown = Reflect.get(globalThis, 'gc')
  if (typeof own === 'function') return own as () => void
  setFlagsFromString('--expose-gc')
  try {
    return runInNewContext('gc') as () => void
  } finally {
    setFlagsFromString('--no-expose-gc')
  }
}
