import { describe, expect, test } from 'vitest'
import { jobsOf, jobsWarning } from '../src/cli/jobs-option.js'

const refused = (by: string, given: string) => ({
  ok: false,
  error: `factmark: ${by} takes a whole number of threads, 1 or more, not "${given}"\n`
})

// prettier-ignore
const cases: Array<[string | undefined, string | undefined, unknown]> = [
  [undefined, undefined, { ok: true, value: undefined }],
  ['3', undefined, { ok: true, value: 3 }],
  ['1', '4', { ok: true, value: 1 }],
  [undefined, '4', { ok: true, value: 4 }],
  [undefined, '', { ok: true, value: undefined }],
  [' 2 ', undefined, { ok: true, value: 2 }],
  ['0', undefined, refused('--jobs', '0')],
  ['-1', undefined, refused('--jobs', '-1')],
  ['2.5', undefined, refused('--jobs', '2.5')],
  ['', undefined, refused('--jobs', '')],
  ['1e3', undefined, refused('--jobs', '1e3')],
  ['99999999999999999999', undefined, refused('--jobs', '99999999999999999999')],
  [undefined, 'max', refused('FACTMARK_JOBS', 'max')],
  ['2', 'max', { ok: true, value: 2 }]
]

describe('--jobs and FACTMARK_JOBS', () => {
  test.each(cases)('--jobs %j, FACTMARK_JOBS %j', (jobs, environment, expected) => {
    expect(jobsOf({ jobs }, environment === undefined ? {} : { FACTMARK_JOBS: environment })).toEqual(expected)
  })
})

const MB = 1024 * 1024
const warned = (by: string, threads: number, megabytes: string, held: number) =>
  `factmark: ${by} allows ${threads} threads, more than the ${megabytes} MB of memory this process may use are counted to hold (${held}): compiling as many reports at once, factmark may run out of memory and be stopped by the system\n`

// prettier-ignore
const warnings: Array<[string | undefined, string | undefined, number, string | undefined]> = [
  ['4', undefined, 512 * MB, undefined],
  ['5', undefined, 512 * MB, warned('--jobs', 5, '512', 4)],
  ['1', undefined, 100 * MB, undefined],
  ['2', undefined, 100 * MB, warned('--jobs', 2, '100', 1)],
  [undefined, '3', 280 * MB, warned('FACTMARK_JOBS', 3, '280', 1)],
  ['3', '64', 1024 * MB, undefined],
  [undefined, '64', 1024 * MB, warned('FACTMARK_JOBS', 64, '1,024', 10)],
  ['0', undefined, 100 * MB, undefined]
]

describe('more threads than the memory holds', () => {
  test.each(warnings)('--jobs %j, FACTMARK_JOBS %j, %d bytes', async (jobs, environment, memory, expected) => {
    const values = { jobs }
    expect(
      await jobsWarning(values, environment === undefined ? {} : { FACTMARK_JOBS: environment }, () => memory)
    ).toBe(expected)
  })

  test('reads the memory only when threads are asked for', async () => {
    const unread = () => {
      throw new Error('read')
    }
    expect(await jobsWarning({ jobs: undefined }, {}, unread)).toBeUndefined()
  })
})
