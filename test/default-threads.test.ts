import { describe, expect, test } from 'vitest'
import { threadsFor } from '../src/build/default-threads.js'

const MB = 1024 * 1024
const GB = 1024 * MB

// prettier-ignore
const cases: Array<[string, number, number, number]> = [
  ['a core each on a machine of plenty', 2, 24 * GB, 2],
  ['16 cores in 1 GB: as many as the memory holds', 16, GB, 10],
  ['32 cores in 2 GB', 32, 2 * GB, 23],
  ['16 cores in 512 MB', 16, 512 * MB, 4],
  ['4 cores in 384 MB', 4, 384 * MB, 2],
  ['at least one, however little the memory', 8, 200 * MB, 1],
  ['280 MB holds one', 8, 280 * MB, 1],
  ['one core, much memory', 1, 64 * GB, 1]
]

describe('the threads a build compiles on when not told', () => {
  test.each(cases)('%s', (_name, cores, memory, expected) => {
    expect(threadsFor(cores, memory)).toBe(expected)
  })
})
