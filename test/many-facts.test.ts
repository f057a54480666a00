import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { compileSources } from '../src/compile/compile-sources.js'
import { uniqueIds } from '../src/extract/fact-id.js'

// Reports with thousands of facts of one kind: every rule that looks at facts together indexes them, so these
// compile in time proportional to their size; here they pin what the indexed rules say.
const registry = { path: 'metrics.yaml', text: readFileSync(new URL('fixtures/metrics.yaml', import.meta.url), 'utf8') }
const frontMatter =
  '---\ntitle: 测试\nissuer: 测试局\nentity: 测试市\nperiod: "2025"\nlanguage: zh-CN\nslug: test\n---\n\n'
const compile = (body: string) =>
  compileSources({ reports: [{ path: 'report.md', text: frontMatter + body }], registry, checkUnusedMetrics: false })

describe('derived ids of facts of one kind', () => {
  // prettier-ignore
  test.each([
    [[], ['a', 'a', 'a', 'b', 'a'], ['a', 'a-2', 'a-3', 'b', 'a-4']],
    [['a-2'], ['a', 'a', 'a'], ['a', 'a-3', 'a-4']],
    [['a'], ['a', 'a'], ['a-2', 'a-3']],
    [[], ['a', 'a-2', 'a'], ['a', 'a-2', 'a-3']]
  ])('taken %j, derived %j', (taken, derived, expected) => {
    const unique = uniqueIds(taken)
    expect(derived.map((id) => unique(id))).toEqual(expected)
  })

  test('3,000 facts of one metric get -2 to -3000', () => {
    const result = compile(
      Array.from({ length: 3000 }, () => ':fact[17.4]{metric=air.pm25 unit=微克/立方米}').join(',')
    )
    const ids = result.reports[0]?.bundle.facts.map((fact) => fact.id)
    expect(ids).toEqual(['air.pm25@2025', ...Array.from({ length: 2999 }, (_, i) => `air.pm25@2025-${i + 2}`)])
  })
})

describe('rules over many facts', () => {
  test('one message for disagreeing duplicates, naming three others and how many more', () => {
    const result = compile(
      ['17.4', '18.1', '18.3', '19.0', '20.5']
        .map((value) => `:fact[${value}]{metric=air.pm25 unit=微克/立方米}`)
        .join(',')
    )
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '10:42 air.pm25 for 2025 is given as "18.1" (18.1 ug/m3) here and as "17.4" at 10:1, "18.3" at 10:83, "19.0" at 10:124 and 1 more; the values disagree at the precision written'
    ])
  })

  test('each rank is checked against the count of its period and entity', () => {
    const ranks = Array.from(
      { length: 2000 },
      (_, i) => `:fact[第${i + 1}]{metric=air.aqi_rank period=${2000 + (i % 20)}}`
    ).join(',')
    const counts = Array.from(
      { length: 20 },
      (_, i) => `:fact[168个]{metric=air.ranked_cities period=${2000 + i}}`
    ).join(',')
    const result = compile(`${counts}\n\n${ranks}\n`)
    const beyond = result.diagnostics.filter((d) => d.ruleId === 'rank-exceeds-total')
    expect(beyond).toHaveLength(2000 - 168)
    expect(beyond[0]?.message).toBe(
      'Rank 169 ("第169") is beyond the 168 ranked ("168个", air.ranked_cities at 10:401)'
    )
  })

  test('each total is checked against its own parts', () => {
    const rounds = Array.from({ length: 500 }, (_, i) => {
      const parts = `:fact[${i}件]{metric=inspection.petitions round=R${i} status=验收销号},:fact[1件]{metric=inspection.petitions round=R${i} status=已办结}`
      return `:fact[${i % 7 === 0 ? i + 2 : i + 1}件]{metric=inspection.petitions round=R${i}},${parts}`
    })
    const result = compile(rounds.join('\n\n') + '\n')
    const mismatches = result.diagnostics.filter((d) => d.ruleId === 'sum-mismatch')
    expect(mismatches).toHaveLength(72)
    expect(mismatches[1]?.message).toBe(
      'The total "9件" of inspection.petitions (round=R7) is 9, but its parts (status 验收销号, 已办结) add up to 7 + 1 = 8'
    )
  })
})
