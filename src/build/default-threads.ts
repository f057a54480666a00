import { availableCores } from './available-cores.js'
import { availableMemory } from './available-memory.js'

const MB = 1024 * 1024

// Node sizes each heap from the memory the control groups allow, and collects garbage more often
// the less there is: cold builds of 1,000 copies of the seed in a control group limited to 280 MB
// completed on 1, 2 and 3 threads and were killed on 4; limited to 384 MB they completed on 4
// threads and were killed on 6; on 4 threads in 512 MB and on 10 in 1 GB they completed, the ten
// at a peak of 767 MB; 8 threads in 512 MB were killed. The shares below give 1, 2, 4 and 10
// threads for those limits.
const buildMb = 160
const threadMb = 80

/**
 * How many threads compile when the command line does not say (see jobsOf): one for each core,
 * and no more than the memory allows (see threadsFor).
 */
export function defaultThreads(): number {
  return threadsFor(availableCores(), availableMemory())
}

/**
 * One thread for each of `cores`, and no more than `memory` bytes hold, the build's own thread's
 * share taken out: a container of 16 CPUs limited to 512 MB compiles on 4 threads, not 16 that
 * would take it past its limit. At least 1.
 */
export function threadsFor(cores: number, memory: number): number {
  const byMemory = Math.floor((memory / MB - buildMb) / threadMb)
  return Math.max(1, Math.min(cores, byMemory))
}
