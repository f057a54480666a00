import { execFileSync } from 'node:child_process'
import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

/** The seed of the properties (see test/setup/fuzz-seed.ts): from the commit checked out, when git can tell it. */
function commitSeed(): string | undefined {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    return String(Number.parseInt(head.slice(0, 8), 16) | 0)
  } catch {
    return undefined
  }
}

const seed = process.env['FACTMARK_FUZZ_SEED'] ?? commitSeed()
if (seed !== undefined) process.env['FACTMARK_FUZZ_SEED'] = seed

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests of the command line, the README and killed builds run lib/: compile it from src/ when it is older.
    // The tests keep factmark's cache in a folder of their own, not the user's.
    globalSetup: ['test/setup/compiled-lib.ts', 'test/setup/own-cache.ts'],
    setupFiles: ['test/setup/fuzz-seed.ts'],
    testTimeout: 30_000,
    // Vitest runs a file on each core but one: one at a time on two cores, while many of these
    // files spend their time waiting on a browser or a build in another process. Two at once ran
    // the suite in 406 s against 476 s on a shared machine of two cores.
    maxWorkers: Math.max(2, availableParallelism() - 1)
  }
})
