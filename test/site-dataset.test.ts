import { readFileSync } from 'node:fs'
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import Papa from 'papaparse'
import { describe, expect, test } from 'vitest'
import { renderArtifacts } from '../src/build/render-artifacts.js'
import { compileSources } from '../src/compile/compile-sources.js'
import { sha256 } from '../src/emit/hash.js'
import { factColumns } from '../src/emit/fact-columns.js'
import { seedRegistry, seedReport } from './helpers/seed.js'

// The seed and a second report, as two reports of one site.
const second = {
  path: 'source/xiamen-2024-fact-sheet.md',
  text: readFileSync(new URL('fixtures/second-report/xiamen-2024-fact-sheet.md', import.meta.url), 'utf8')
}
const result = compileSources({ reports: [seedReport, second], registry: seedRegistry })
const artifacts = new Map(renderArtifacts(result).map((artifact) => [artifact.path, artifact.content]))
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
