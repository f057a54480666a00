import { readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import { describe, expect, test } from 'vitest'
import { reportFiles } from '../src/build/render-artifacts.js'
import { noCollection } from '../src/emit/html/collection-lookup.js'
import { factColumns } from '../src/emit/fact-columns.js'
import { seedBuild } from './helpers/seed-build.js'

const { artifacts, result } = seedBuild()
const descriptor = JSON.parse(artifacts.get('xiamen-2025/datapackage.json') ?? '{}') as {
  resources: Array<{
    name: string
    path: string
    bytes: number
    hash: string
    schema?: { fields: Array<{ name: string; type: string }>; primaryKey: string[] }
  }>
}

// The official Frictionless profiles (draft-07); their README lists the known defects of 2.0.
const profile = (name: string) =>
  JSON.parse(readFileSync(new URL(`fixtures/frictionless/${name}`, import.meta.url), 'utf8')) as object
const ajv = new Ajv.default({ strict: false, allErrors: true })
addFormats.default(ajv)
// The profiles mark long descriptions as `textarea`, a hint for forms, not a constraint on the text.
ajv.addFormat('textarea', true)
const validate = ajv.compile(profile('datapackage-2.0.json'))
const validateSchema = ajv.compile(profile('tableschema-2.0.json'))

describe('datapackage.json', () => {
  test('is valid against the official Data Package 2.0 profile', () => {
    // Ajv lists errors exactly when the descriptor is invalid: the list says why.
    expect(validate(descriptor) ? [] : validate.errors).toEqual([])
    const table = descriptor.resources[0]?.schema
    expect(validateSchema(table)).toBe(true)
  })

  test('the profile check fails on a broken descriptor', () => {
    expect(validate({ ...descriptor, resources: [] })).toBe(false)
    expect(validate({ ...descriptor, resources: [{ path: 'facts.csv' }] })).toBe(false)
    const broken = structuredClone(descriptor)
    const field = broken.resources[0]?.schema?.fields[0]
    if (field) field.type = 'text'
    expect(validate(broken)).toBe(false)
  })

  test('describes facts.csv column by column, keyed on id', () => {
    const facts = descriptor.resources.find((resource) => resource.name === 'facts')
    expect(facts?.path).toBe('facts.csv')
    expect(facts?.schema?.fields.map((field) => [field.name, field.type])).toEqual(
      factColumns.map((column) => [column.name, column.type])
    )
    expect(facts?.schema?.primaryKey).toEqual(['id'])
    const csv = artifacts.get('xiamen-2025/facts.csv') ?? ''
    expect(csv.split('\r\n')[0]?.split(',')).toEqual(facts?.schema?.fields.map((field) => field.name))
  })

  test('names the column that holds each value’s unit, and the code of money apart from UCUM’s', () => {
    const facts = descriptor.resources.find((resource) => resource.name === 'facts')
    const value = facts?.schema?.fields.find((field) => field.name === 'value') as { unit?: unknown } | undefined
    expect(value?.unit).toEqual({
      field: 'unit',
      system: 'http://unitsofmeasure.org',
      currency: { system: 'urn:iso:std:iso:4217', codes: ['CNY'] }
    })
    const units = new Set(result.reports.flatMap((report) => report.bundle.facts.map((fact) => fact.unit)))
    expect(units.has('CNY')).toBe(true)
  })

  test('gives the size and sha256 of each file it describes', () => {
    expect(descriptor.resources.map((resource) => resource.path)).toEqual([
      'facts.csv',
      'facts.json',
      'facts.xbrl.json'
    ])
    for (const resource of descriptor.resources) {
      const content = artifacts.get(`xiamen-2025/${resource.path}`) ?? ''
      expect(resource.bytes).toBe(Buffer.byteLength(content))
      expect(resource.hash).toBe(`sha256:${createHash('sha256').update(content).digest('hex')}`)
    }
  })

  test('is the same from the digests a build made and from the files alone', () => {
    const report = result.reports[0]
    const emit = reportFiles.find((file) => file.href === 'datapackage.json')?.emit
    if (!report || !emit) throw new Error('the seed and its Data Package must be there')
    const rendered = new Map(
      ['facts.csv', 'facts.json', 'facts.xbrl.json'].map((name) => [name, artifacts.get(`xiamen-2025/${name}`) ?? ''])
    )
    const context = { registry: result.registry, rendered, downloads: [], collection: noCollection }
    const digested = new Map(
      [...rendered].map(([name, content]) => [
        name,
        { bytes: Buffer.byteLength(content), sha256: createHash('sha256').update(content).digest('hex') }
      ])
    )
    const fromFiles = emit(report, context)
    expect(fromFiles).toBe(artifacts.get('xiamen-2025/datapackage.json'))
    expect(emit(report, { ...context, digested })).toBe(fromFiles)
    // The digests given are the ones it writes: a wrong one shows.
    const wrong = new Map(digested).set('facts.csv', { bytes: 1, sha256: '0'.repeat(64) })
    expect(emit(report, { ...context, digested: wrong })).toContain(`"hash": "sha256:${'0'.repeat(64)}"`)
  })
})
