import { createRequire } from 'node:module'
import type { ValidateFunction } from 'ajv/dist/2020.js'
import { expect, test } from 'vitest'
import { parse } from 'yaml'
import { compileSources } from '../src/compile/compile-sources.js'
import { schemaAjv, schemaTexts } from '../src/model/schema-ajv.js'
import { schemaFiles, schemaId, type SchemaFile } from '../src/model/schemas.js'
import { seedRegistry, seedReport } from './helpers/seed.js'

// The validators `npm run compile` writes into lib/ as code (the test setup writes them too) stand in
// for the schemas compiled at run time: they must accept what those accept and fail with the same
// errors, which the diagnostics quote (verbose errors carry the schema and the data).
const lib = new URL('../lib/model/', import.meta.url)
const generatedFiles = Object.fromEntries(
  schemaFiles.map((file) => [
    file,
    createRequire(lib)(`./schema-validators/${file}.cjs`) as { validate: ValidateFunction; digest: string }
  ])
)
const { texts, digest } = schemaTexts(new URL('../schema/', import.meta.url), schemaFiles)
const ajv = schemaAjv(texts)

/** Each outcome of a validator on the documents: valid or not, and its errors. */
function outcomes(validate: ValidateFunction, documents: readonly unknown[]) {
  return documents.map((document) => ({ valid: validate(structuredClone(document)), errors: validate.errors }))
}

/** The document with `change` made to a copy of it. */
function changed<T>(document: T, change: (copy: T) => void): T {
  const copy = structuredClone(document)
  change(copy)
  return copy
}

const registry = parse(seedRegistry.text) as { metrics: Record<string, Record<string, unknown>> }
const [compiled] = compileSources({ reports: [seedReport], registry: seedRegistry }).reports
const bundle = compiled?.bundle as unknown as { facts: Array<Record<string, unknown>>; report: Record<string, unknown> }
const frontMatter = parse(seedReport.text.split(/^---$/m)[1] as string) as unknown
const [firstMetric] = Object.keys(registry.metrics) as [string]

const documents: Partial<Record<SchemaFile, unknown[]>> = {
  'metrics.schema.json': [
    registry,
    {},
    changed(registry, (copy) => {
      const metric = copy.metrics[firstMetric] as Record<string, unknown>
      metric['kind'] = 'volume'
      metric['unit'] = 7
      metric['extra'] = true
    }),
    changed(registry, (copy) => {
      copy.metrics['Not An Id'] = {}
    })
  ],
  'bundle.schema.json': [
    bundle,
    changed(bundle, (copy) => {
      const fact = copy.facts[0] as Record<string, unknown>
      fact['period'] = '2025-13'
      fact['value'] = 'many'
      delete fact['metric']
      copy.report['published'] = 'yesterday'
    })
  ],
  'report.schema.json': [
    frontMatter,
    { title: 7, slug: 'Not A Slug', period: '2025-2026', published: '2025-02-30', unknown: [] },
    null
  ]
}

test('the generated validators are of the schemas as they are, one file for each', () => {
  for (const file of schemaFiles) expect(generatedFiles[file]?.digest, file).toBe(digest)
})

test('the generated validators give what the schemas compiled at run time give, errors included', () => {
  for (const [file, samples] of Object.entries(documents) as Array<[SchemaFile, unknown[]]>) {
    const runtime = ajv.getSchema(schemaId(file)) as ValidateFunction
    const expected = outcomes(runtime, samples)
    expect(
      expected.some((outcome) => outcome.valid),
      file
    ).toBe(true)
    expect(
      expected.some((outcome) => !outcome.valid),
      file
    ).toBe(true)
    expect(outcomes(generatedFiles[file]?.validate as ValidateFunction, samples), file).toEqual(expected)
  }
})

test('lib/ validates with the generated validators, so a command does not compile the schemas', async () => {
  const { validators } = (await import(new URL('schemas.js', lib).href)) as typeof import('../src/model/schemas.js')
  expect(validators().registry).toBe(generatedFiles['metrics.schema.json']?.validate)
  expect(validators().report).toBe(generatedFiles['report.schema.json']?.validate)
  expect(validators().bundle).toBe(generatedFiles['bundle.schema.json']?.validate)
})
