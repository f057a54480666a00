import { describe, expect, test } from 'vitest'
import { threadsFor } from '../src/build/default-threads.js'

const MB = 1024 * 1024
const GB = 1024 * MB

// prettier-ignore
const cases: Array<[string, number, number, number]> = [
  ['a core each on a machine of plenty', 2, 24 * GB, 2],
  ['16 cores in 1 GB: as many as the memory holds', 16, GB, 6],
  ['16 cores in 2 GB', 16, 2 * GB, 14],
  ['4 cores in 512 MB', 4, 512 * MB, 2],
  ['at least one, however little the memory', 8, 256 * MB, 1],
  ['one core, much memory', 1, 64 * GB, 1]
]

describe('the threads a build compiles on when not told', () => {
  test.each(cases)('%s', (_name, cores, memory, expected) => {
    expect(threadsFor(cores, memory)).toBe(expected)
  })
})
