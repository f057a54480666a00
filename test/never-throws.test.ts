import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { renderArtifacts } from '../src/build/render-artifacts.js'
import { compileSources } from '../src/compile/compile-sources.js'
import { validators } from '../src/model/schemas.js'
import { textArtifacts } from './helpers/seed-build.js'
import { annotationArbitrary } from './helpers/annotation-arbitrary.js'

const registry = { path: 'metrics.yaml', text: readFileSync(new URL('fixtures/metrics.yaml', import.meta.url), 'utf8') }
const frontMatter =
  '---\ntitle: 测试\nissuer: 测试局\nentity: 测试市\nperiod: "2025"\nlanguage: zh-CN\nslug: test\n---\n\n'

// Pieces of the syntax the compiler has to survive: figures, directive punctuation, Markdown.
const figures = [
  '11-12月',
  '2025年11月',
  '2021—2024年',
  '2025年第二季度',
  '17.4',
  '１７．４',
  '1159万吨',
  '2.5亿元',
  '99.2%',
  '2.1个百分点',
  '第8',
  '前4',
  'Ⅱ类',
  '劣Ⅴ类',
  'Ⅰ~Ⅱ类',
  '三轮',
  '一百零五',
  '4675亩',
  '2021—2024年',
  '',
  ' ',
  '水质',
  '1.2.3',
  '%',
  '第',
  '10:30'
]
const noise = [
  ':',
  '::',
  ':::',
  '[',
  ']',
  '{',
  '}',
  '=',
  '"',
  "'",
  '#',
  '.',
  '\\',
  '*',
  '_',
  '`',
  '\n',
  '\n\n',
  '> ',
  '- ',
  '1. ',
  '：',
  '【',
  '】',
  '｛',
  '｝',
  '\u3000',
  '\u00a0',
  'fact',
  ':fact',
  'PM2.5',
  '10:30'
]
const keys = [
  'metric',
  'round',
  'status',
  'unit',
  'value',
  'period',
  'entity',
  'aspect',
  'base',
  'id',
  'site',
  'sit',
  ''
]
const values = [
  'event.completed',
  'air.aqi_rank',
  'air.ranked_cities',
  'inspection.petitions',
  '中三督',
  '验收销号',
  'air.pm25',
  'air.good_days_ratio',
  'water.section_class',
  'enforcement.cases',
  'air.pm2.5',
  '微克/立方米',
  '万吨',
  '%',
  '个百分点',
  '斤',
  '18',
  '17.4',
  'x',
  '2025',
  '2025-13',
  '2024/2025',
  '2025/2024',
  'increase',
  'decrease',
  'start',
  'up',
  '甲断面',
  '',
  '"q"',
  '{',
  '}'
]

const annotation = annotationArbitrary({
  names: [':fact', '::fact', ':fakt', ':note'],
  figures,
  keys,
  values,
  labelLength: 8
})
const body = fc
  .array(fc.oneof(annotation, fc.constantFrom(...noise), fc.string({ maxLength: 12 }), fc.constantFrom(...figures)), {
    maxLength: 40
  })
  .map((parts) => parts.join(''))

function compile(text: string) {
  return compileSources({ reports: [{ path: 'report.md', text }], registry })
}

describe('no input makes the compiler throw', () => {
  test('random text with random annotations', () => {
    fc.assert(
      fc.property(body, (text) => {
        const result = compile(frontMatter + text)
        for (const d of result.diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1)
          expect(d.column).toBeGreaterThanOrEqual(1)
          // No input may make the compiler write a bundle its own schema rejects.
          expect(d.ruleId).not.toBe('bundle-invalid')
        }
        // Every fact that came out cites a span of the source that is an annotation.
        for (const report of result.reports) {
          for (const fact of report.bundle.facts)
            expect((frontMatter + text).slice(fact.source.offset, fact.source.endOffset)).toMatch(/^:fact\[/)
        }
      }),
      { numRuns: 400 }
    )
  })

  test('random front matter', () => {
    const line = fc.tuple(
      fc.constantFrom('title', 'issuer', 'entity', 'period', 'language', 'slug', 'x', '- a', '  b'),
      fc.constantFrom(': ', ':', ' '),
      fc.oneof(
        fc.string({ maxLength: 10 }),
        fc.constantFrom('"2025"', '2025', '[', '{a: 1}', 'zh-CN', 'xiamen-2025', '"')
      )
    )
    const header = fc
      .array(
        line.map((parts) => parts.join('')),
        { maxLength: 8 }
      )
      .map((lines) => `---\n${lines.join('\n')}\n---\n`)
    fc.assert(
      fc.property(fc.oneof(header, fc.string({ maxLength: 40 })), body, (head, text) => void compile(head + text)),
      { numRuns: 300 }
    )
  })

  test('keys at any indentation, in front matter and registry', () => {
    const line = fc
      .tuple(
        fc.integer({ min: 0, max: 7 }),
        fc.constantFrom('title', 'issuer', 'slug', 'metrics', 'air.pm25', 'label', 'kind', '- a', '#'),
        fc.constantFrom(':', ': x', ': "2025"', ': [a', ' y')
      )
      .map(([indent, key, value]) => `${' '.repeat(indent)}${key}${value}`)
    const lines = fc.array(fc.oneof(line, fc.constant('')), { maxLength: 12 }).map((all) => all.join('\n'))
    fc.assert(
      fc.property(lines, lines, (head, yaml) => {
        compile(`---\n${head}\n---\n正文:fact[17.4]{metric=air.pm25 unit=微克/立方米}\n`)
        const result = compileSources({
          reports: [{ path: 'r.md', text: frontMatter + '正文' }],
          registry: { path: 'metrics.yaml', text: yaml }
        })
        // Every message points within the registry's lines.
        for (const diagnostic of result.diagnostics.filter((d) => d.file === 'metrics.yaml'))
          expect(diagnostic.line).toBeLessThanOrEqual(yaml.split('\n').length + 1)
      }),
      { numRuns: 300 }
    )
  })

  test('arbitrary strings, registry included', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200, unit: 'binary' }),
        fc.string({ maxLength: 200, unit: 'binary' }),
        (text, yaml) => {
          compile(text)
          compileSources({
            reports: [{ path: 'r.md', text: frontMatter + text }],
            registry: { path: 'metrics.yaml', text: yaml }
          })
        }
      ),
      { numRuns: 300 }
    )
  })
})

// Found by a property of suggest --write: a relative change of a level written to the ten thousand
// (1159万吨, decimals −4) threw where the base was worked out. Levels and changes of one metric, in
// one report and across two, at any precision and scale, are worked into one another here.
describe('levels and changes of one metric, at any precision and scale, are worked out without throwing', () => {
  const decimal = fc
    .tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 3 }))
    .map(([whole, places]) => (whole / 10 ** places).toFixed(places))
  const levelOf: Record<string, fc.Arbitrary<string>> = {
    'enforcement.cases': fc.tuple(decimal, fc.constantFrom('', '万', '亿')).map(([n, scale]) => `${n}${scale}件`),
    'air.pm25': decimal.map((n) => `${n}微克/立方米`),
    'air.good_days_ratio': decimal.map((n) => `${n}%`),
    'air.aqi_rank': fc.integer({ min: 1, max: 400 }).map((n) => `第${n}`)
  }
  const levels = fc
    .constantFrom(...Object.keys(levelOf))
    .chain((metric) =>
      fc.tuple(fc.constant(metric), levelOf[metric] as fc.Arbitrary<string>, levelOf[metric] as fc.Arbitrary<string>)
    )
  const change = fc.tuple(
    fc.oneof(decimal, fc.constantFrom('100', '100.0', '0')),
    fc.constantFrom('%', '个百分点', '件', '万件', '位', '微克/立方米'),
    fc.constantFrom('increase', 'decrease', 'improve')
  )
  const annotated = (label: string, attributes: string) => `:fact[${label}]{${attributes}}`
  const lastYear = frontMatter.replace('"2025"', '"2024"').replace('slug: test', 'slug: test-2024')

  test('in one report, and against the level of the year before in another', () => {
    fc.assert(
      fc.property(levels, change, fc.boolean(), ([metric, now, before], [n, unit, aspect], both) => {
        const stated = annotated(`${n}${unit}`, `metric=${metric} aspect=${aspect} base=2024`)
        const result = compileSources({
          reports: [
            { path: 'a.md', text: `${frontMatter}全市${annotated(now, `metric=${metric}`)}，同比${stated}。\n` },
            ...(both ? [{ path: 'b.md', text: `${lastYear}全市${annotated(before, `metric=${metric}`)}。\n` }] : [])
          ],
          registry
        })
        for (const d of result.diagnostics) {
          expect(d.ruleId).not.toBe('bundle-invalid')
          expect(['a.md', 'b.md', 'metrics.yaml']).toContain(d.file)
          expect(d.line).toBeGreaterThanOrEqual(1)
        }
      }),
      { numRuns: 500 }
    )
  })

  test('with a later report that revises the level or the change, the site renders and every series is valid', () => {
    const whole = fc.integer({ min: 1, max: 99_999 }).map(String)
    const changeOf: Record<string, fc.Arbitrary<string>> = {
      'enforcement.cases': fc.oneof(
        whole.map((n) => `${n}件`),
        decimal.map((n) => `${n}%`)
      ),
      'air.pm25': fc.oneof(
        decimal.map((n) => `${n}微克/立方米`),
        decimal.map((n) => `${n}%`)
      ),
      'air.good_days_ratio': fc.oneof(
        decimal.map((n) => `${n}个百分点`),
        decimal.map((n) => `${n}%`)
      ),
      'air.aqi_rank': fc.integer({ min: 1, max: 50 }).map((n) => `${n}位`)
    }
    const collection = levels.chain(([metric, now, later]) =>
      fc.record({
        metric: fc.constant(metric),
        now: fc.constant(now),
        later: fc.constant(later),
        stated: changeOf[metric] as fc.Arbitrary<string>,
        restated: changeOf[metric] as fc.Arbitrary<string>,
        aspects: fc.tuple(fc.constantFrom('increase', 'decrease'), fc.constantFrom('increase', 'decrease')),
        revised: fc.constantFrom('level', 'change')
      })
    )
    const note = frontMatter.replace('slug: test', 'slug: test-note\npublished: 2026-04-20')
    let rendered = 0
    fc.assert(
      fc.property(collection, ({ metric, now, later, stated, restated, aspects, revised }) => {
        const change = (label: string, aspect: string, more = '') =>
          annotated(label, `metric=${metric} aspect=${aspect} base=2024${more}`)
        const revision =
          revised === 'level'
            ? annotated(later, `metric=${metric} revises=test`)
            : change(restated, aspects[1], ' revises=test')
        const result = compileSources({
          reports: [
            {
              path: 'a.md',
              text: `${frontMatter}全市${annotated(now, `metric=${metric}`)}，同比${change(stated, aspects[0])}。\n`
            },
            { path: 'c.md', text: `${note}更正：${revision}。\n` }
          ],
          registry
        })
        if (result.errorCount > 0) return
        rendered++
        const files = textArtifacts(renderArtifacts(result))
        const series = files.get(`series/${metric}.json`)
        expect(validators().series(JSON.parse(series ?? '{}'))).toBe(true)
        expect(files.get(`series/${metric}.html`)).toMatch(/^<!doctype html>/i)
      }),
      { numRuns: 150 }
    )
    // Most collections are valid: the property is about them.
    expect(rendered).toBeGreaterThan(75)
  })
})
