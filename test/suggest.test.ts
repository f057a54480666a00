import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { compileSources } from '../src/compile/compile-sources.js'
import { suggest } from '../src/suggest/suggest.js'
import { notesOf, seedNotes, seedOriginal, seedRegistry as registry, seedReport } from './helpers/seed.js'

const source = seedReport.text

// The hand-made list of every figure in the seed: line, column, figure.
const fixture = readFileSync(new URL('fixtures/suggest/seed-figures.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => line.split('\t').join(':'))

// Recall, precision and the share of right guesses are printed by bench/suggest.mjs; here the counts are exact.
describe('factmark suggest on the un-annotated report', () => {
  const [result] = suggest({ reports: [{ path: 'seed.txt', text: seedOriginal }], registry })
  const hits = (result?.untagged ?? []).map((item) => `${item.start.line}:${item.start.column}:${item.text}`)

  test('finds every figure of the hand-made list, at its line and column', () => {
    expect(fixture).toHaveLength(157)
    const missed = fixture.filter((figure) => !hits.includes(figure))
    expect(missed).toEqual([])
  })

  test('reports nothing that is not a figure, and each figure once', () => {
    const extra = hits.filter((hit) => !fixture.includes(hit))
    expect(extra).toEqual([])
    expect(hits).toHaveLength(157)
  })

  test('each proposal is an annotation of the figure', () => {
    for (const item of result?.untagged ?? [])
      expect(item.proposal.startsWith(`:fact[${item.text}]{metric=`)).toBe(true)
    const first = result?.untagged.find((item) => item.text === '2.1个百分点')
    // Plain text has no front matter: the base is the year before the one the title names (2025).
    expect(first?.proposal).toBe(':fact[2.1个百分点]{metric=sea.good_quality_area_ratio aspect=increase base=2024}')
  })
})

describe('metric guesses', () => {
  // Strip the annotations from the source: every tagged figure becomes untagged, and the
  // metric the editor chose is the answer the guess is scored against.
  const facts = compileSources({ reports: [{ path: 'r.md', text: source }], registry }).reports[0]?.bundle.facts ?? []
  const stripped = source.replace(/:fact\[([^\]]*)\]\{[^}]*\}/g, '$1')
  const [result] = suggest({ reports: [{ path: 'r.md', text: stripped }], registry })
  const untagged = result?.untagged ?? []

  test('the stripped source gives back exactly the tagged figures, in order', () => {
    expect(untagged.map((item) => item.text)).toEqual(facts.map((fact) => fact.text))
    expect(untagged).toHaveLength(128)
  })

  test('name the metric the editor chose for all but the figures listed here', () => {
    const misses = untagged.flatMap((item, index) =>
      item.metric === facts[index]?.metric
        ? []
        : [`${item.text}: ${item.metric ?? '?'} (editor: ${facts[index]?.metric})`]
    )
    // 17.4 comes first in "PM2.5、PM10浓度分别为17.4、30.7": the 分别-list maps the figures to the names in order.
    expect(misses).toEqual([])
  })

  test('the year-on-year change gets aspect and base', () => {
    const change = untagged.find((item) => item.text === '5.86个百分点')
    expect(change?.proposal).toBe(':fact[5.86个百分点]{metric=eia.city_level_share aspect=increase base=2024}')
    const start = untagged.find((item) => item.text === '50%')
    expect(start?.proposal).toBe(':fact[50%]{metric=water.section_excellent_ratio aspect=start}')
  })
})

describe('the annotated seed', () => {
  test('has no untagged figure left, and every ignore phrase covers one', () => {
    const [result] = suggest({ reports: [seedReport], registry })
    expect(result?.untagged).toEqual([])
    const compiled = compileSources({ reports: [seedReport], registry })
    expect(compiled.coverage).toEqual([{ path: 'source/xiamen-2025.md', tagged: 128, untagged: 0 }])
    expect(notesOf(compiled.diagnostics)).toEqual(seedNotes)
  })
})

test('the figures of a broken annotation are not proposed, as check does not call them untagged', () => {
  const text = '办理：fact[92件]{metric=enforcement.cases}，又:fact[30件{metric=enforcement.cases}。\n\n共分15批。\n'
  const [result] = suggest({ reports: [{ path: 'r.md', text }], registry })
  expect(result?.untagged.map((figure) => `${figure.start.line}:${figure.start.column} ${figure.text}`)).toEqual([
    '3:3 15批'
  ])
})
