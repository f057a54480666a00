import { describe, expect, test } from 'vitest'
import { jobsOf } from '../src/cli/jobs-option.js'

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
