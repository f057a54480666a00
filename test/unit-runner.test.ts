import { expect, test } from 'vitest'
import { unitRunner } from '../src/build/unit-pool.js'

// Threads pay for their start only with enough reports to compile; one thread asked for is a worker
// thread all the same, whose heap is held as the others' are.
test.each([
  ['a few reports, by default', 3, undefined, { inThisThread: true, threads: 1 }],
  ['a few reports, two threads asked for', 3, 2, { inThisThread: false, threads: 2 }],
  ['a few reports, one thread asked for', 7, 1, { inThisThread: true, threads: 1 }],
  ['many reports, one thread asked for', 8, 1, { inThisThread: false, threads: 1 }],
  ['many reports, none asked for', 8, 0, { inThisThread: true, threads: 1 }],
  ['more threads asked for than reports', 8, 16, { inThisThread: false, threads: 8 }]
])('%s: %i tasks, threads %j', async (_name, tasks, threads, expected) => {
  const runner = unitRunner(tasks, threads === undefined ? {} : { threads })
  try {
    expect({ inThisThread: runner.inThisThread, threads: runner.threads }).toEqual(expected)
  } finally {
    await runner.close()
  }
})
