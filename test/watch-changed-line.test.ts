import { expect, test } from 'vitest'
import { whatChanged } from '../src/cli/commands/watch.js'

const reports = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => `source/report-${String(from + index).padStart(5, '0')}.md`)

test.each<[string, string[], string[], string[], string]>([
  ['one edit', ['source/a.md'], [], [], 'source/a.md changed'],
  [
    'an edit and an addition',
    ['source/a.md', 'source/b.md'],
    ['source/b.md'],
    [],
    'source/a.md changed, source/b.md added'
  ],
  [
    'a hundred removed',
    reports(101, 201),
    [],
    reports(101, 201),
    'source/report-00101.md, source/report-00102.md, source/report-00103.md, source/report-00104.md, source/report-00105.md and 96 more removed'
  ],
  ['five added', reports(1, 5), reports(1, 5), [], `${reports(1, 5).join(', ')} added`]
])('the line of a save names %s, and a few of many', (_name, changed, added, removed, line) => {
  expect(whatChanged(changed, added, removed, undefined)).toBe(line)
})

test('a rename is named as one', () => {
  expect(
    whatChanged(['source/a.md', 'source/b.md'], ['source/b.md'], ['source/a.md'], {
      from: 'source/a.md',
      to: 'source/b.md'
    })
  ).toBe('source/a.md renamed to source/b.md')
})
