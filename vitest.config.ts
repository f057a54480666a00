import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests of the command line, the README and killed builds run lib/: compile it from src/ when it is older.
    globalSetup: ['test/setup/compiled-lib.ts'],
    testTimeout: 30_000,
    // Vitest runs one file at a time on a machine of two cores (a core less than it has), and many
    // of these files spend their time waiting on a browser or a build in another process: two at
    // once ran the suite in 406 s against 476 s, on a shared machine.
    maxWorkers: 2
  }
})
