import { availableCores } from './available-cores.js'
import { availableMemory } from './available-memory.js'

const MB = 1024 * 1024

// Cold builds of 1,000 copies of the seed peaked at 300 MB on one thread, 336 MB on two, 449 MB on
// three and 555 MB on four: about 200 MB for the build's own thread and 100 MB for each thread
// that compiles. A little more of each leaves room for reports larger than the seed.
const buildMb = 256
const threadMb = 128

/**
 * How many threads compile when the command line does not say (see jobsOf): one for each core,
 * and no more than the memory allows (see threadsFor).
 */
export function defaultThreads(): number {
  return threadsFor(availableCores(), availableMemory())
}

/**
 * One thread for each of `cores`, and no more than `memory` bytes hold, the build's own thread's
 * share taken out: a container of 16 CPUs limited to 1 GB compiles on 6 threads, not 16 that would
 * take it past its limit. At least 1.
 */
export function threadsFor(cores: number, memory: number): number {
  const byMemory = Math.floor((memory / MB - buildMb) / threadMb)
  return Math.max(1, Math.min(cores, byMemory))
}
