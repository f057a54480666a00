import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { compileSources } from '../src/compile/compile-sources.js'
import { suggest } from '../src/suggest/suggest.js'

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')
const registry = { path: 'source/metrics.yaml', text: read('source/metrics.yaml') }
const seed = read('test/fixtures/seed/xiamen-2025.txt')
const source = read('source/xiamen-2025.md')

// The hand-made list of every figure in the seed: line, column, figure.
const fixture = read('test/fixtures/suggest/seed-figures.tsv')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => line.split('\t').join(':'))

describe('factmark suggest on the un-annotated report', () => {
  const [result] = suggest({ reports: [{ path: 'seed.txt', text: seed }], registry })
  const hits = (result?.untagged ?? []).map((item) => `${item.start.line}:${item.start.column}:${item.text}`)

  test('finds every figure of the hand-made list, at its line and column', () => {
    const missed = fixture.filter((figure) => !hits.includes(figure))
    expect(missed).toEqual([])
  })

  test('reports nothing that is not a figure (at most 5% allowed)', () => {
    const extra = hits.filter((hit) => !fixture.includes(hit))
    expect(extra).toEqual([])
    expect(extra.length / hits.length).toBeLessThanOrEqual(0.05)
    console.log(`suggest on the seed: recall ${fixture.length - fixture.filter((f) => !hits.includes(f)).length}/${fixture.length}, precision ${hits.length - extra.length}/${hits.length}`)
  })

  test('each proposal is an annotation of the figure', () => {
    for (const item of result?.untagged ?? []) expect(item.proposal.startsWith(`:fact[${item.text}]{metric=`)).toBe(true)
    const first = result?.untagged.find((item) => item.text === '2.1个百分点')
    expect(first?.proposal).toBe(':fact[2.1个百分点]{metric=sea.good_quality_area_ratio aspect=increase}')
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
  })

  test('name the metric the editor chose for all but the figures listed here', () => {
    const misses = untagged.flatMap((item, index) => (item.metric === facts[index]?.metric ? [] : [`${item.text}: ${item.metric ?? '?'} (editor: ${facts[index]?.metric})`]))
    // 17.4 comes first in "PM2.5、PM10浓度分别为17.4、30.7", a list no alias can order.
    expect(misses).toEqual(['17.4: air.pm10 (editor: air.pm25)'])
    console.log(`metric guesses: ${untagged.length - misses.length}/${untagged.length} right`)
  })

  test('the year-on-year change gets aspect and base', () => {
    const change = untagged.find((item) => item.text === '5.86个百分点')
    expect(change?.proposal).toBe(':fact[5.86个百分点]{metric=eia.city_level_share aspect=increase base=2024}')
    const start = untagged.find((item) => item.text === '50%')
    expect(start?.proposal).toBe(':fact[50%]{metric=water.section_excellent_ratio aspect=start}')
  })
})

describe('the annotated source', () => {
  test('has no untagged figure left, and every ignore phrase covers one', () => {
    const [result] = suggest({ reports: [{ path: 'source/xiamen-2025.md', text: source }], registry })
    expect(result?.untagged).toEqual([])
    const compiled = compileSources({ reports: [{ path: 'source/xiamen-2025.md', text: source }], registry })
    expect(compiled.coverage).toEqual([{ path: 'source/xiamen-2025.md', tagged: 128, untagged: 0 }])
    expect(compiled.diagnostics).toEqual([])
  })
})
