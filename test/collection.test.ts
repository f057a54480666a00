import { describe, expect, test } from 'vitest'
import { readFileSync } from 'node:fs'
import { VFile } from 'vfile'
import { inferBase, inferLevel, printedForm } from '../src/collection/inferred.js'
import { inPublicationOrder, type NumericFact } from '../src/collection/published.js'
import { meets } from '../src/collection/targets.js'
import { compileSources } from '../src/compile/compile-sources.js'
import type { CompiledReport } from '../src/model/compiled.js'
import type { Fact, ReportFrontMatter } from '../src/model/schema-types.js'

const fixtureRegistry = {
  path: 'metrics.yaml',
  text: readFileSync(new URL('fixtures/metrics.yaml', import.meta.url), 'utf8')
}

function fact(value: number, fields: Partial<Fact> = {}): NumericFact {
  return {
    id: 'f',
    metric: 'm',
    aspect: 'level',
    value,
    unit: '%',
    text: String(value),
    displayUnit: '',
    period: '2025',
    entity: '厦门市',
    dimensions: {},
    section: [],
    source: { file: 'a.md', line: 1, column: 1, offset: 0, endLine: 1, endColumn: 2, endOffset: 1 },
    ...fields
  } as NumericFact
}

describe('a value no report prints is worked out at the precision of the figures it comes from', () => {
  // prettier-ignore
  test.each([
    ['points: 93.8% − 2.1', fact(93.8, { decimals: 1 }), fact(2.1, { aspect: 'change', decimals: 1 }), 91.7, 1, '93.8 − 2.1 = 91.7'],
    ['points: 91.7% − 7.5', fact(91.7, { decimals: 1 }), fact(7.5, { aspect: 'change', decimals: 1 }), 84.2, 1, '91.7 − 7.5 = 84.2'],
    ['written with the finer precision of the two', fact(70, { decimals: 0 }), fact(3.3, { aspect: 'change', decimals: 1 }), 66.7, 1, '70 − 3.3 = 66.7'],
    ['rank up 4 places: 第3 − (−4)', fact(3, { unit: '1' }), fact(-4, { aspect: 'change', unit: '1' }), 7, undefined, '3 − (−4) = 7'],
    ['improved by 10.3%: 2.34 ÷ (1 − 10.3%)', fact(2.34, { unit: '1', decimals: 2 }), fact(-10.3, { aspect: 'relative-change', decimals: 1 }), 2.61, 2, '2.34 ÷ (1 + (−10.3)%) ≈ 2.61'],
    ['1159万吨 up 98.1%: to the ten thousand', fact(11590000, { unit: 't', decimals: -4 }), fact(98.1, { aspect: 'relative-change', decimals: 1 }), 5850000, -4, '11590000 ÷ (1 + 98.1%) ≈ 5850000']
  ])('%s', (_name, level, change, value, decimals, expression) => {
    expect(inferBase(level, change)).toEqual({ value, decimals, expression })
  })

  test('a fall of 100% or more puts no value on the base: any base falls to 0', () => {
    const level = fact(5, { unit: '1', decimals: 0 })
    expect(inferBase(level, fact(-100, { aspect: 'relative-change', decimals: 0 }))).toBeUndefined()
    expect(inferBase(level, fact(-120, { aspect: 'relative-change', decimals: 0 }))).toBeUndefined()
  })

  test('a fall of 100% of a level no report publishes is told, and puts no point in the series', () => {
    const frontMatter = (period: string) =>
      `---\ntitle: 测试\nissuer: 测试局\nentity: 测试市\nperiod: "${period}"\nlanguage: zh-CN\nslug: test-${period}\n---\n\n`
    const text = `${frontMatter('2025')}全市:fact[0件]{metric=enforcement.cases}，同比下降:fact[100%]{metric=enforcement.cases aspect=decrease base=2024}。\n`
    const result = compileSources({ reports: [{ path: 'a.md', text }], registry: fixtureRegistry })
    expect(
      result.diagnostics.filter((d) => d.file === 'a.md').map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`)
    ).toEqual([
      '10:43 change-base-unpublished The change "100%" of enforcement.cases is measured against 2024, whose value no report publishes; a fall of 100% or more leaves 0 of any value: it tells nothing of 2024'
    ])
    expect(
      result.collection?.series.find((s) => s.metric.id === 'enforcement.cases')?.points.map((point) => point.period)
    ).toEqual(['2025'])
  })

  // prettier-ignore
  test.each([
    ['points: 84.2% + 7.5', fact(84.2, { decimals: 1 }), fact(7.5, { aspect: 'change', decimals: 1 }), 91.7, 1, '84.2 + 7.5 = 91.7'],
    ['rank up 4 places from 第7', fact(7, { unit: '1' }), fact(-4, { aspect: 'change', unit: '1' }), 3, undefined, '7 + (−4) = 3'],
    ['2.61 improved by 10.3%', fact(2.61, { unit: '1', decimals: 2 }), fact(-10.3, { aspect: 'relative-change', decimals: 1 }), 2.34, 2, '2.61 × (1 + (−10.3)%) ≈ 2.34'],
    ['1159万吨 up 98.1%: to the ten thousand', fact(11590000, { unit: 't', decimals: -4 }), fact(98.1, { aspect: 'relative-change', decimals: 1 }), 22960000, -4, '11590000 × (1 + 98.1%) ≈ 22960000']
  ])('%s', (_name, base, change, value, decimals, expression) => {
    expect(inferLevel(base, change)).toEqual({ value, decimals, expression })
  })
})

describe('an inferred value is written as a report would print it', () => {
  // prettier-ignore
  test.each([
    [91.7, 1, { kind: 'percent', unit: '%' }, '91.7%'],
    [82, 1, { kind: 'percent', unit: '%' }, '82.0%'],
    [7, undefined, { kind: 'rank', unit: '1' }, '第7'],
    [2.61, 2, { kind: 'index', unit: '1' }, '2.61'],
    [11590000, -4, { kind: 'quantity', unit: 't' }, '11590000 t']
  ] as const)('%s at %s decimals', (value, decimals, metric, text) => {
    expect(printedForm(value, decimals, metric)).toBe(text)
  })

  // prettier-ignore
  test.each([
    [18.4, 1, { kind: 'quantity', unit: 'ug/m3' }, '17.4微克/立方米', '18.4微克/立方米'],
    [85, 0, { kind: 'count', unit: '1' }, '92件', '85件'],
    [11590000, -4, { kind: 'quantity', unit: 't' }, '1234万吨', '1159万吨'],
    [11590000, -3, { kind: 'quantity', unit: 't' }, '1234.5万吨', '1159.0万吨'],
    [250000000, -7, { kind: 'money', unit: 'CNY' }, '2.4亿元', '2.5亿元'],
    [91.7, 1, { kind: 'percent', unit: '%' }, '84.2%', '91.7%'],
    [7, undefined, { kind: 'rank', unit: '1' }, '第9', '第7'],
    [2, 0, { kind: 'class', unit: '1' }, 'Ⅲ类', '2'],
    // A unit whose factor is no power of ten (亩 is 2000/3 m2), or another unit than the metric's, is not copied.
    [6000, 0, { kind: 'quantity', unit: 'm2' }, '9亩', '6000 m2'],
    [18.4, 1, { kind: 'quantity', unit: 'ug/m3' }, '17.4', '18.4 ug/m3']
  ] as const)('%s at %s decimals, from a figure written %s', (value, decimals, metric, written, text) => {
    expect(printedForm(value, decimals, metric, written)).toBe(text)
  })
})

describe('a target is met by an outcome within its bound, or by its value or better', () => {
  // prettier-ignore
  test.each([
    ['不低于99.2%, outcome 99.5%', fact(99.2, { aspect: 'target', bound: 'at-least' }), 'higher', 99.5, true],
    ['不低于99.2%, outcome 99.2%', fact(99.2, { aspect: 'target', bound: 'at-least' }), 'higher', 99.2, true],
    ['不低于99.2%, outcome 99.1%', fact(99.2, { aspect: 'target', bound: 'at-least' }), 'higher', 99.1, false],
    ['不高于18, outcome 17.4', fact(18, { aspect: 'target', bound: 'at-most' }), 'lower', 17.4, true],
    ['不高于18, outcome 18.3', fact(18, { aspect: 'target', bound: 'at-most' }), 'lower', 18.3, false],
    ['保十争先 (rank at most 10), outcome 第3', fact(10, { aspect: 'target', bound: 'at-most', unit: '1' }), 'lower', 3, true],
    ['保十争先, outcome 第11', fact(10, { aspect: 'target', bound: 'at-most', unit: '1' }), 'lower', 11, false],
    ['保持100%, outcome 100%', fact(100, { aspect: 'target' }), 'higher', 100, true],
    ['保持100%, outcome 99.9%', fact(100, { aspect: 'target' }), 'higher', 99.9, false],
    ['Ⅲ类 (lower is better), outcome Ⅱ类', fact(3, { aspect: 'target', unit: '1' }), 'lower', 2, true],
    ['a neutral target is met only by its value', fact(168, { aspect: 'target', unit: '1' }), 'neutral', 169, false],
    ['sums of binary fractions do not miss: 0.1 + 0.2 against 0.3', fact(0.3, { aspect: 'target', bound: 'at-least' }), 'higher', 0.1 + 0.2, true]
  ] as const)('%s', (_name, target, better, outcome, met) => {
    expect(meets(outcome, target, better)).toBe(met)
  })
})

describe('reports are taken in the order they were published, whatever the order of their files', () => {
  const report = (slug: string, fields: Partial<ReportFrontMatter>): CompiledReport =>
    ({
      path: `${slug}.md`,
      frontMatter: { title: slug, issuer: 'i', entity: 'e', period: '2024', language: 'zh-CN', slug, ...fields }
    }) as CompiledReport
  const file = new VFile()
  test.each([
    [
      'by publication date, else the latest date of the sources, else the end of the period',
      [
        report('summary-2025', { period: '2025', published: '2026-02-10' }),
        report('sheet-2024', {
          period: '2024',
          sources: [{ title: 't', published: '2025-02-18', url: 'https://example.org/' }]
        }),
        report('plan-2025', { period: '2025' }),
        report('plan-2024', { period: '2024', published: '2024-03-07' }),
        report('sheet-2023', { period: '2023' })
      ],
      ['sheet-2023', 'plan-2024', 'sheet-2024', 'plan-2025', 'summary-2025']
    ],
    ['ties go by slug', [report('b', {}), report('a', {})], ['a', 'b']]
  ])('%s', (_name, reports, order) => {
    expect(inPublicationOrder(reports, () => file).map((publication) => publication.slug)).toEqual(order)
    expect(inPublicationOrder([...reports].reverse(), () => file).map((publication) => publication.slug)).toEqual(order)
  })
})
