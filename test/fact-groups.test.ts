import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { factGrouper, type ReportFacts } from '../src/build/fact-groups.js'
import type { CollectionFact } from '../src/model/compiled.js'

// The rules across reports take the facts of a collection a group of metrics at a time: held as
// they came while they fit, else kept on disk by metric and read back group by group.

let folder: string
beforeEach(() => {
  folder = path.join(mkdtempSync(path.join(tmpdir(), 'factmark-groups-')), 'facts')
})
afterEach(() => rmSync(path.dirname(folder), { recursive: true, force: true }))

function fact(metric: string, id: string): CollectionFact {
  return {
    id,
    metric,
    aspect: 'level',
    value: 1,
    unit: '%',
    text: '1%',
    period: '2025',
    entity: '厦门市',
    dimensions: {},
    source: { file: 'a.md', line: 1, column: 1, offset: 0, endLine: 1, endColumn: 3, endOffset: 2 }
  }
}

// Three reports: b has 2 facts in all, a 3, c 1 (6 facts).
const reports = [
  [fact('b', 'r1-1'), fact('a', 'r1-2'), fact('a', 'r1-3')],
  [],
  [fact('c', 'r3-1'), fact('a', 'r3-2'), fact('b', 'r3-3')]
]

const ids = (facts: ReportFacts) => Array.from(facts, (list) => list?.map((one) => one.id))

describe('facts that fit the budget', () => {
  test('make one group of every metric, sorted, and are given back as they came; nothing is written', () => {
    // The size of a group counts only once the facts are kept on disk.
    const grouper = factGrouper({ held: 6, group: 1 }, folder)
    for (const facts of reports) grouper.add(facts)
    const { groups, spilled, factsOf } = grouper.done()
    expect(groups).toEqual([['a', 'b', 'c']])
    expect(spilled).toBe(false)
    expect(ids(factsOf(groups[0] ?? []))).toEqual([['r1-1', 'r1-2', 'r1-3'], [], ['r3-1', 'r3-2', 'r3-3']])
    expect(existsSync(folder)).toBe(false)
  })
})

describe('facts past the budget', () => {
  // prettier-ignore
  test.each([
    [5, [['a', 'b'], ['c']]],
    [3, [['a'], ['b', 'c']]],
    // A metric with more facts than a group holds is a group of its own all the same.
    [2, [['a'], ['b'], ['c']]],
    [1, [['a'], ['b'], ['c']]]
  ])('groups of %i: %j, each report with its facts of the group, in their order', (budget, expected) => {
    const grouper = factGrouper({ held: 5, group: budget }, folder)
    for (const facts of reports) grouper.add(facts)
    const { groups, spilled, factsOf } = grouper.done()
    expect(groups).toEqual(expected)
    expect(spilled).toBe(true)
    const byGroup = groups.map((group) => ids(factsOf(group)))
    const wanted = (group: readonly string[]) =>
      reports.map((facts) => {
        const kept = facts.filter((one) => group.includes(one.metric)).map((one) => one.id)
        // A report with none of the group's facts is a hole: ten thousand reports print few of its metrics.
        return kept.length > 0 ? kept : undefined
      })
    expect(byGroup).toEqual(groups.map(wanted))
    // Read back as they were kept, every field.
    expect(factsOf(['a'])[0]?.[0]).toEqual(fact('a', 'r1-2'))
    expect(readdirSync(folder).sort()).toEqual(['0.jsonl', '1.jsonl', '2.jsonl'])
  })
})

describe('a metric with more facts than a group holds', () => {
  // Six facts of one metric on four lines: 乙 (2 facts), 甲 · site=东 (2), 甲 (1), 丙 (1).
  const on = (id: string, entity: string, dimensions: Record<string, string> = {}): CollectionFact => ({
    ...fact('m', id),
    entity,
    dimensions
  })
  const lined = [
    [on('r1-1', '乙'), on('r1-2', '甲', { site: '东' }), on('r1-3', '甲')],
    [on('r2-1', '丙')],
    [on('r3-1', '甲', { site: '东' }), on('r3-2', '乙')]
  ]
  // prettier-ignore
  test.each([
    // The lines in the order of a series' points: 丙, 乙, 甲 · 东, 甲 (by code point, then by the
    // JSON of the dimensions, where [["site","东"]] comes before []).
    [2, [['r2-1'], ['r1-1', 'r3-2'], ['r1-2', 'r3-1'], ['r1-3']]],
    [3, [['r2-1', 'r1-1', 'r3-2'], ['r1-2', 'r3-1', 'r1-3']]],
    [4, [['r2-1', 'r1-1', 'r3-2'], ['r1-2', 'r3-1', 'r1-3']]],
    // A line longer than a part is a part of its own.
    [1, [['r2-1'], ['r1-1', 'r3-2'], ['r1-2', 'r3-1'], ['r1-3']]],
    [5, [['r2-1', 'r1-1', 'r3-2', 'r1-2', 'r3-1'], ['r1-3']]]
  ])('parts of %i facts: %j, whole lines, each report with its facts in their order', (size, expected) => {
    const grouper = factGrouper({ held: 1, group: size }, folder)
    for (const facts of lined) grouper.add(facts)
    const { groups, partsOf } = grouper.done()
    expect(groups).toEqual([['m']])
    const parts = partsOf(['m'])
    expect(parts.count).toBe(expected.length)
    const read = Array.from({ length: parts.count }, (_, part) => parts.factsOf(part))
    // Each part by report: the facts of its lines, in their report's order.
    expect(read.map((part) => part.map((facts) => facts?.map((one) => one.id) ?? []).flat())).toEqual(
      expected.map((ids) => lined.flat().filter((one) => ids.includes(one.id)).map((one) => one.id))
    )
    expect(read.map((part) => part.length)).toEqual(expected.map(() => 3))
  })

  test('that fits a group is one part, its facts', () => {
    const grouper = factGrouper({ held: 1, group: 6 }, folder)
    for (const facts of lined) grouper.add(facts)
    const parts = grouper.done().partsOf(['m'])
    expect(parts.count).toBe(1)
    expect(ids(parts.factsOf(0))).toEqual(lined.map((facts) => facts.map((one) => one.id)))
  })
})
