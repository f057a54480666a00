import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests of the command line, the README and killed builds run lib/: compile it from src/ when it is older.
    globalSetup: ['test/setup/compiled-lib.ts'],
    testTimeout: 30_000
  }
})
