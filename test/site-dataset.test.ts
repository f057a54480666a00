import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import Papa from 'papaparse'
import { afterAll, describe, expect, test } from 'vitest'
import { renderArtifacts } from '../src/build/render-artifacts.js'
import { compileSources } from '../src/compile/compile-sources.js'
import { sha256 } from '../src/emit/hash.js'
import { factColumns } from '../src/emit/fact-columns.js'
import { textArtifacts } from './helpers/seed-build.js'
import { seedRegistry, seedReport } from './helpers/seed.js'

// The seed and a second report, as two reports of one site.
const second = {
  path: 'source/xiamen-2024-fact-sheet.md',
  text: readFileSync(new URL('fixtures/second-report/xiamen-2024-fact-sheet.md', import.meta.url), 'utf8')
}
const result = compileSources({ reports: [seedReport, second], registry: seedRegistry })
const rendered = renderArtifacts(result)
const artifacts = textArtifacts(rendered)
const csv = artifacts.get('facts.csv') ?? ''
const table = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true })

const profile = (name: string) =>
  JSON.parse(readFileSync(new URL(`fixtures/frictionless/${name}`, import.meta.url), 'utf8')) as object
const ajv = new Ajv.default({ strict: false, allErrors: true })
addFormats.default(ajv)
ajv.addFormat('textarea', true)

describe('the site’s table of every fact', () => {
  test('has one row per fact of every report, in catalog order, after a header', () => {
    expect(result.errorCount).toBe(0)
    expect(table.errors).toEqual([])
    expect(table.meta.fields).toEqual(['report', ...factColumns.map((column) => column.name)])
    const counts = result.reports.map((report) => [report.frontMatter.slug, report.bundle.facts.length])
    expect(counts).toEqual([
      ['xiamen-2025', 128],
      ['xiamen-2024-fact-sheet', 13]
    ])
    expect(table.data).toHaveLength(141)
    expect(table.data.map((row) => row['report'])).toEqual([
      ...Array<string>(128).fill('xiamen-2025'),
      ...Array<string>(13).fill('xiamen-2024-fact-sheet')
    ])
  })

  test('holds each report’s rows exactly as the report’s own facts.csv does', () => {
    for (const slug of ['xiamen-2024-fact-sheet', 'xiamen-2025']) {
      const own = (artifacts.get(`${slug}/facts.csv`) ?? '').split('\r\n').slice(1, -1)
      const rows = csv
        .split('\r\n')
        .filter((line) => line.startsWith(`${slug},`))
        .map((line) => line.slice(slug.length + 1))
      expect(rows).toEqual(own)
    }
  })

  test('report and id identify a row', () => {
    const keys = table.data.map((row) => `${row['report'] ?? ''} ${row['id'] ?? ''}`)
    expect(new Set(keys).size).toBe(141)
  })

  test('is described by a Data Package valid against the official 2.0 profiles', () => {
    const descriptor = JSON.parse(artifacts.get('datapackage.json') ?? '{}') as {
      resources: Array<{
        path: string
        bytes: number
        hash: string
        schema: { fields: Array<{ name: string }>; primaryKey: string[] }
      }>
    }
    const validate = ajv.compile(profile('datapackage-2.0.json'))
    expect(validate(descriptor) ? [] : validate.errors).toEqual([])
    const validateSchema = ajv.compile(profile('tableschema-2.0.json'))
    const resource = descriptor.resources[0]
    expect(validateSchema(resource?.schema) ? [] : validateSchema.errors).toEqual([])
    expect(resource?.path).toBe('facts.csv')
    expect(resource?.bytes).toBe(Buffer.byteLength(csv))
    expect(resource?.hash).toBe(`sha256:${sha256(csv)}`)
    expect(resource?.schema.primaryKey).toEqual(['report', 'id'])
    expect(resource?.schema.fields.map((field) => field.name)).toEqual(table.meta.fields)
  })
})

describe('the site’s facts.parquet', () => {
  const parquet = rendered.find((artifact) => artifact.path === 'facts.parquet')?.content
  const folder = mkdtempSync(path.join(tmpdir(), 'factmark-parquet-'))
  const file = path.join(folder, 'facts.parquet')
  if (parquet instanceof Uint8Array) writeFileSync(file, parquet)
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  async function query(sql: string): Promise<unknown[][]> {
    const instance = await DuckDBInstance.create(':memory:')
    const connection = await instance.connect()
    try {
      return (await connection.runAndReadAll(sql)).getRows()
    } finally {
      connection.closeSync()
      instance.closeSync()
    }
  }

  test('DuckDB reads every row, with the columns of facts.csv, typed', async () => {
    expect(parquet).toBeInstanceOf(Uint8Array)
    expect(await query(`SELECT count(*) FROM '${file}'`)).toEqual([[141n]])
    const columns = await query(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '${file}')`)
    expect(columns.map(([name]) => name)).toEqual(table.meta.fields)
    expect(columns.filter(([name]) => ['value', 'decimals', 'line'].includes(name as string))).toEqual([
      ['value', 'DOUBLE'],
      ['decimals', 'INTEGER'],
      ['line', 'INTEGER']
    ])
  })

  test('holds the values of facts.csv: the air quality index over the years, and an empty cell as null', async () => {
    expect(
      await query(
        `SELECT report, period, value, text FROM '${file}' WHERE metric = 'air.aqi_composite' AND aspect = 'level' ORDER BY period`
      )
    ).toEqual([
      ['xiamen-2024-fact-sheet', '2023', 2.61, '2.61'],
      ['xiamen-2024-fact-sheet', '2024', 2.34, '2.34'],
      ['xiamen-2025', '2025', 2.43, '2.43']
    ])
    const nulls = await query(`SELECT count(*) FROM '${file}' WHERE value IS NULL`)
    const emptyInCsv = table.data.filter((row) => row['value'] === '').length
    expect(nulls).toEqual([[BigInt(emptyInCsv)]])
    expect(emptyInCsv).toBeGreaterThan(0)
  })

  test('holds dimensions and sections as JSON values that a query reads into, not JSON text quoted again', async () => {
    expect(
      await query(
        `SELECT id, json_type(dimensions), CAST(dimensions AS VARCHAR), json_type(section), section->>0 FROM '${file}' WHERE dimensions->>'$.site' IS NOT NULL ORDER BY id LIMIT 1`
      )
    ).toEqual([
      [
        'sea.aquaculture_withdrawn@2025:site=中洲岛',
        'OBJECT',
        '{"site":"中洲岛"}',
        'ARRAY',
        '一、对标“作出示范”,加快建设美丽中国样板城市'
      ]
    ])
  })

  test('is the same bytes each time the same facts are written', () => {
    const again = renderArtifacts(compileSources({ reports: [seedReport, second], registry: seedRegistry })).find(
      (artifact) => artifact.path === 'facts.parquet'
    )?.content
    expect(again).toEqual(parquet)
  })

  test('is a resource of the site’s Data Package, with its size and hash', () => {
    const descriptor = JSON.parse(artifacts.get('datapackage.json') ?? '{}') as {
      resources: Array<{ name: string; path: string; format?: string; bytes: number; hash: string }>
    }
    const resource = descriptor.resources.find((item) => item.name === 'facts-parquet')
    expect(resource && { path: resource.path, format: resource.format }).toEqual({
      path: 'facts.parquet',
      format: 'parquet'
    })
    expect(resource?.bytes).toBe(parquet?.length)
    expect(resource?.hash).toBe(`sha256:${sha256(parquet ?? '')}`)
  })
})

test('the catalog page offers the table of every fact, above the reports', () => {
  const page = artifacts.get('index.html') ?? ''
  const header = page.slice(page.indexOf('<header'), page.indexOf('</header>'))
  const links = [...header.matchAll(/<a href="([^"]+)" type="([^"]+)">([^<]+)<\/a>/g)].map(([, href, type, label]) => [
    href,
    type,
    label
  ])
  expect(links).toEqual([
    ['facts.csv', 'text/csv', '全部数据表(CSV,UTF-8)'],
    ['facts.parquet', 'application/vnd.apache.parquet', '全部数据表(Parquet)'],
    ['datapackage.json', 'application/json', '数据包描述(Frictionless Data Package)']
  ])
  for (const [href] of links) expect(rendered.some((artifact) => artifact.path === href)).toBe(true)
})
