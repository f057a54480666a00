import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { factGrouper } from '../src/build/fact-groups.js'
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

const ids = (facts: ReadonlyArray<readonly CollectionFact[]>) => facts.map((list) => list.map((one) => one.id))

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
      reports.map((facts) => facts.filter((one) => group.includes(one.metric)).map((one) => one.id))
    expect(byGroup).toEqual(groups.map(wanted))
    // Read back as they were kept, every field.
    expect(factsOf(['a'])[0]?.[0]).toEqual(fact('a', 'r1-2'))
    expect(readdirSync(folder).sort()).toEqual(['0.jsonl', '1.jsonl', '2.jsonl'])
  })
})
