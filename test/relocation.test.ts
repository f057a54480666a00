import { describe, expect, test } from 'vitest'
import type { Diagnostic } from '../src/model/compiled.js'
import type { ReportSummary } from '../src/build/report-unit.js'
import {
  keptMoves,
  movesKept,
  movesOf,
  relocatedMessages,
  relocatedTold,
  relocateSeries,
  type Moves,
  type MovesKept
} from '../src/build/relocation.js'

type Span = [line: number, column: number, endLine: number, endColumn: number]

/** A summary of a report whose facts stand at `spans`, in `file`. */
function summary(spans: readonly Span[], file = 'source/a.md'): ReportSummary {
  const facts = spans.map(([line, column, endLine, endColumn]) => ({
    source: { file, line, column, offset: 0, endLine, endColumn, endOffset: 0 }
  }))
  return { path: 'a.md', frontMatter: {}, bundle: { report: {}, metricIds: [], facts } } as unknown as ReportSummary
}

/** The moves of a report whose facts stood at `before` and stand at `after`. */
const movesOfSpans = (before: readonly Span[], after: readonly Span[]): Moves =>
  movesOf([{ shown: 'a.md', before: summary(before), after: summary(after), digests: ['before', 'after'] }]) as Moves

/** Two facts: the first moved two lines down, the second, on a line of its own, not at all. */
const moves = movesOfSpans(
  [
    [10, 4, 10, 20],
    [30, 1, 30, 9]
  ],
  [
    [12, 4, 12, 20],
    [30, 1, 30, 9]
  ]
)

describe('movesOf', () => {
  test('maps where each fact started and ended to where it does now, by the file messages name and the one its source names', () => {
    expect(Object.fromEntries([...moves.files].map(([file, map]) => [file, Object.fromEntries(map)]))).toEqual({
      'a.md': {
        '10:4': { line: 12, column: 4 },
        '10:20': { line: 12, column: 20 },
        '30:1': { line: 30, column: 1 },
        '30:9': { line: 30, column: 9 }
      },
      'source/a.md': {
        '10:4': { line: 12, column: 4 },
        '10:20': { line: 12, column: 20 },
        '30:1': { line: 30, column: 1 },
        '30:9': { line: 30, column: 9 }
      }
    })
  })

  test.each<[string, ReportSummary]>([
    ['another count of facts', summary([[12, 4, 12, 20]])],
    [
      'a fact from another file',
      summary(
        [
          [12, 4, 12, 20],
          [30, 1, 30, 9]
        ],
        'source/b.md'
      )
    ]
  ])('is undefined for a report with %s', (_, after) => {
    const before = summary([
      [10, 4, 10, 20],
      [30, 1, 30, 9]
    ])
    expect(movesOf([{ shown: 'a.md', before, after, digests: ['before', 'after'] }])).toBeUndefined()
  })

  test('leaves out a place that two facts stood at and that now parts: one ended where the next began, and words came between', () => {
    const before = summary([
      [10, 4, 10, 20],
      [10, 20, 10, 30]
    ])
    const after = summary([
      [10, 4, 10, 20],
      [10, 26, 10, 36]
    ])
    const parted = movesOf([{ shown: 'a.md', before, after, digests: ['before', 'after'] }])
    expect(parted?.files.get('a.md')?.get('10:20')).toBeNull()
    expect(parted && relocated(source(10, 20), parted)).toBeUndefined()
  })

  test('keeps the places of its front matter where they stand, in the file messages name it by', () => {
    const place = { start: { line: 7, column: 7 }, end: { line: 7, column: 17 } }
    const kept = movesOf([
      {
        shown: 'a.md',
        before: summary([[10, 4, 10, 20]]),
        after: summary([[12, 4, 12, 20]]),
        digests: ['before', 'after'],
        kept: [place]
      }
    ]) as Moves
    const told = diagnostic({ file: 'a.md', line: 7, column: 7, endLine: 7, endColumn: 17 })
    expect(relocatedMessages({ registry: [], reports: { 'a.md': [told] }, skipped: [] }, kept)).toEqual({
      registry: [],
      reports: { 'a.md': [told] },
      skipped: []
    })
    expect(relocatedMessages({ registry: [], reports: { 'a.md': [told] }, skipped: [] }, moves)).toBeUndefined()
  })

  test('has a digest of the reports and their summaries before and after', () => {
    const again = movesOf([
      {
        shown: 'a.md',
        before: summary([[10, 4, 10, 20]]),
        after: summary([[12, 4, 12, 20]]),
        digests: ['before', 'other']
      }
    ])
    expect(moves.digest).toMatch(/^[0-9a-f]{64}$/)
    expect(again?.digest).not.toBe(moves.digest)
  })
})

/** A point of a series with its source, as the series' JSON indents it. */
const source = (line: number, column: number, file = 'source/a.md', tail = '') =>
  `{\n  "fact": "x@2024",\n  "source": {\n    "file": "${file}",\n    "line": ${line},\n    "column": ${column}${tail}\n  }\n}\n`

/** A series' JSON as relocateSeries gives it, read `window` bytes at a time: its text, 'unmoved', or undefined. */
function relocated(json: string, over: Moves = moves, window?: number): string | undefined {
  const bytes = Buffer.from(json)
  let at = 0
  const read = (into: Buffer, from: number) => {
    const copied = bytes.copy(into, from, at, Math.min(bytes.length, at + into.length - from))
    at += copied
    return copied
  }
  const pieces: Buffer[] = []
  // The pieces are views of the windows, held as they come: no window is read into again.
  const moved = relocateSeries(read, over, (piece) => pieces.push(piece), window)
  return moved === undefined ? undefined : moved === 0 ? 'unmoved' : Buffer.concat(pieces).toString()
}

describe('relocateSeries', () => {
  // prettier-ignore
  const rows: Array<[string, string, string | undefined]> = [
    ['moves the source of a moved fact', source(10, 4), source(12, 4)],
    ['moves every source it names', `[${source(10, 4)},${source(30, 1)},${source(10, 20)}]`, `[${source(12, 4)},${source(30, 1)},${source(12, 20)}]`],
    ['leaves the sources of other files', `[${source(10, 4, 'source/b.md')},${source(10, 4)}]`, `[${source(10, 4, 'source/b.md')},${source(12, 4)}]`],
    ['is unmoved when none of the facts it names moved', `[${source(30, 1)},${source(10, 4, 'source/b.md')}]`, 'unmoved'],
    ['is undefined for a place no fact stood at', source(10, 5), undefined],
    ['is undefined for a source that says more than where a fact starts', source(10, 4, 'source/a.md', ',\n    "endLine": 10'), undefined]
  ]
  test.each(rows)('%s', (_, json, expected) => {
    expect(relocated(json)).toBe(expected)
  })

  // 300 sources, about 30 KB: read in windows of every size, the same bytes come out.
  test.each([1, 7, 100, 4096, 1 << 22])('reads a long series a window of %i bytes at a time', (window) => {
    const many = Array.from({ length: 300 }, (_, at) => (at % 3 === 0 ? source(10, 4) : source(30, 1, 'source/b.md')))
    const expected = many.map((json) => json.replace('"line": 10', '"line": 12'))
    expect(relocated(`[${many.join(',')}]`, moves, window)).toBe(`[${expected.join(',')}]`)
  })
})

const diagnostic = (over: Partial<Diagnostic>): Diagnostic => ({
  file: 'b.md',
  line: 5,
  column: 1,
  endLine: 5,
  endColumn: 9,
  severity: 'warning',
  ruleId: 'target-conflict',
  message: 'other',
  ...over
})

describe('relocatedMessages', () => {
  test('moves the places, the related places and the places their words name, in the moved report only', () => {
    const told = diagnostic({
      message: 'is "1" here but "2" in a (source/a.md:10:4); b.md:5:1 stays',
      fix: 'see source/a.md:30:1',
      related: [{ file: 'source/a.md', line: 10, column: 4, endLine: 10, endColumn: 20, message: 'in a' }]
    })
    const own = diagnostic({ file: 'a.md', line: 10, column: 4, endLine: 10, endColumn: 20 })
    expect(relocatedMessages({ registry: [], reports: { 'b.md': [told], 'a.md': [own] }, skipped: [] }, moves)).toEqual(
      {
        registry: [],
        reports: {
          'b.md': [
            {
              ...told,
              message: 'is "1" here but "2" in a (source/a.md:12:4); b.md:5:1 stays',
              fix: 'see source/a.md:30:1',
              related: [{ file: 'source/a.md', line: 12, column: 4, endLine: 12, endColumn: 20, message: 'in a' }]
            }
          ],
          'a.md': [{ ...own, line: 12, endLine: 12 }]
        },
        skipped: []
      }
    )
  })

  test.each<[string, Partial<Diagnostic>]>([
    ['its place', { file: 'a.md', line: 11, column: 1, endLine: 11, endColumn: 2 }],
    ['its words', { message: 'as in source/a.md:11:1' }],
    [
      'a related place',
      { related: [{ file: 'source/a.md', line: 10, column: 4, endLine: 10, endColumn: 21, message: 'in a' }] }
    ]
  ])('is undefined when %s name a place in the moved report that no fact stood at', (_, over) => {
    expect(
      relocatedMessages({ registry: [], reports: { 'b.md': [diagnostic(over)] }, skipped: [] }, moves)
    ).toBeUndefined()
  })
})

describe('relocatedTold', () => {
  test('moves what was told of the moved report, and keeps the rest as it was', () => {
    const own = diagnostic({ file: 'a.md', line: 10, column: 4, endLine: 10, endColumn: 20 })
    const other = diagnostic({ file: 'b.md', line: 3, column: 1, endLine: 3, endColumn: 9 })
    const told = relocatedTold(
      [
        ['a.md', own],
        ['b.md', other]
      ],
      moves
    )
    expect(told).toEqual([
      ['a.md', { ...own, line: 12, endLine: 12 }],
      ['b.md', other]
    ])
    expect(told?.[1]?.[1]).toBe(other)
  })

  test('is undefined when a message names a place in the moved report that no fact stood at', () => {
    expect(relocatedTold([['a.md', diagnostic({ file: 'a.md', line: 11, column: 1 })]], moves)).toBeUndefined()
  })
})

describe('keptMoves', () => {
  test('keeps moves as JSON, places that part included, and movesKept reads them back', () => {
    const parting = movesOfSpans(
      [
        [10, 4, 10, 20],
        [10, 20, 10, 30]
      ],
      [
        [10, 4, 10, 20],
        [10, 22, 10, 32]
      ]
    )
    const kept = JSON.parse(JSON.stringify(keptMoves(parting))) as MovesKept
    expect(kept.files[0]).toEqual(['a.md', [['10:4', 10, 4], ['10:20'], ['10:30', 10, 32]]])
    expect(movesKept(kept)).toEqual(parting)
  })
})
