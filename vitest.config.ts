import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests of the command line, the README and killed builds run lib/: compile it from src/ when it is older.
    // The tests keep factmark's cache in a folder of their own, not the user's.
    globalSetup: ['test/setup/compiled-lib.ts', 'test/setup/own-cache.ts'],
    testTimeout: 30_000,
    // Vitest runs a file on each core but one: one at a time on two cores, while many of these
    // files spend their time waiting on a browser or a build in another process. Two at once ran
    // the suite in 406 s against 476 s on a shared machine of two cores.
    maxWorkers: Math.max(2, availableParallelism() - 1)
  }
})
