import Papa from 'papaparse'
import { describe, expect, test } from 'vitest'
import { factColumns } from '../src/emit/fact-columns.js'
import { compileSources } from '../src/compile/compile-sources.js'
import { emitFactsCsv, emitFactsExcelCsv } from '../src/emit/facts-csv.js'
import type { FactBundle } from '../src/model/schema-types.js'
import { seedBuild } from './helpers/seed-build.js'
import { seedRegistry } from './helpers/seed.js'

const { artifacts, result } = seedBuild()
const csv = artifacts.get('xiamen-2025/facts.csv') ?? ''
const excel = artifacts.get('xiamen-2025/facts-excel.csv') ?? ''
const bundle = JSON.parse(artifacts.get('xiamen-2025/facts.json') ?? '{}') as FactBundle

// Another parser than the one that wrote the file, with no type guessing: every cell as the text it is.
const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true })

describe('facts.csv', () => {
  test('is RFC 4180: CRLF line ends, a header row, UTF-8 without a byte order mark', () => {
    expect(csv.charCodeAt(0)).not.toBe(0xfeff)
    expect(csv.split('\r\n')[0]).toBe(factColumns.map((column) => column.name).join(','))
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/)
    expect(parsed.errors).toEqual([])
    expect(parsed.meta.fields).toEqual(factColumns.map((column) => column.name))
  })

  test('read back with papaparse, has the same facts as facts.json', () => {
    expect(parsed.data).toHaveLength(bundle.facts.length)
    for (const [index, fact] of bundle.facts.entries()) {
      const row = parsed.data[index] ?? {}
      expect(row['id']).toBe(fact.id)
      expect(row['metric']).toBe(fact.metric)
      expect(row['label_zh']).toBe(bundle.metrics[fact.metric]?.label.zh)
      expect(row['aspect']).toBe(fact.aspect)
      if (typeof fact.value === 'number') {
        expect(Number(row['value'])).toBe(fact.value)
        expect(row['date_value']).toBe('')
      } else {
        expect(row['value']).toBe('')
        expect(row['date_value']).toBe(fact.value)
      }
      expect(row['unit']).toBe(fact.unit)
      expect(row['decimals']).toBe(fact.decimals === undefined ? '' : String(fact.decimals))
      expect(row['text']).toBe(fact.text)
      expect(row['period']).toBe(fact.period)
      expect(row['base_period']).toBe(fact.basePeriod ?? '')
      expect(row['entity']).toBe(fact.entity)
      expect(JSON.parse(row['dimensions'] ?? '')).toEqual(fact.dimensions)
      expect(JSON.parse(row['section'] ?? '')).toEqual(fact.section)
      expect(Number(row['line'])).toBe(fact.source.line)
      expect(Number(row['column'])).toBe(fact.source.column)
    }
  })

  test('quotes what needs quoting', () => {
    const row = parsed.data.find(
      (item) => item['id'] === 'water.drinking_source_class@2025:site=坂头-石兜水库、汀溪水库'
    )
    expect(row?.['dimensions']).toBe('{"site":"坂头-石兜水库、汀溪水库"}')
    expect(csv).toContain('"{""site"":""坂头-石兜水库、汀溪水库""}"')
  })
})

describe('facts-excel.csv, for Excel and WPS', () => {
  test('is the same table with a UTF-8 byte order mark', () => {
    expect(excel).toBe(`\uFEFF${csv}`)
  })

  test('keeps text cells that look like formulas from running', () => {
    const report = result.reports[0]
    if (!report) throw new Error('the seed did not compile')
    const first = report.bundle.facts[0]
    if (!first) throw new Error('no facts')
    const hostile = {
      ...report,
      bundle: { ...report.bundle, facts: [{ ...first, entity: '=HYPERLINK("http://x")', value: -2 }] }
    }
    const rows = Papa.parse<Record<string, string>>(emitFactsExcelCsv(hostile).slice(1), { header: true }).data
    expect(rows[0]?.['entity']).toBe('\'=HYPERLINK("http://x")')
    // Numbers are not text: a negative value stays a number.
    expect(rows[0]?.['value']).toBe('-2')
  })
})

describe('the revises column', () => {
  const front = (slug: string, period: string, published: string) =>
    `---\ntitle: 测试\nissuer: 测试局\nentity: 测试市\nperiod: "${period}"\nlanguage: zh-CN\nslug: ${slug}\npublished: "${published}"\n---\n\n`
  const reports = [
    {
      path: 'a.md',
      text: `${front('report-2024', '2024', '2025-01-20')}优良率为:fact[98.6%]{metric=air.good_days_ratio}。\n`
    },
    {
      path: 'b.md',
      text: `${front('report-2025', '2025', '2026-01-20')}上年优良率为:fact[98.7%]{metric=air.good_days_ratio period=2024 revises=report-2024}，今年为:fact[99.0%]{metric=air.good_days_ratio}。\n`
    }
  ]
  test('tells a program reading the CSV alone which of two values of a figure stands', () => {
    const compiled = compileSources({ reports, registry: seedRegistry, checkUnusedMetrics: false })
    expect(compiled.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([])
    const rows = compiled.reports.flatMap(
      (report) => Papa.parse<Record<string, string>>(emitFactsCsv(report), { header: true, skipEmptyLines: true }).data
    )
    expect(rows.map((row) => [row['text'], row['period'], row['revises']])).toEqual([
      ['98.6%', '2024', ''],
      ['98.7%', '2024', 'report-2024'],
      ['99.0%', '2025', '']
    ])
  })
})
