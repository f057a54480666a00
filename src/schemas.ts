import { readFileSync } from 'node:fs'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import type { Catalog, FactBundle, Manifest, MetricRegistry, ReportFrontMatter } from './schema-types.js'

/** The published schemas, by file name. */
export const schemaFiles = [
  'common.schema.json',
  'report.schema.json',
  'metrics.schema.json',
  'fact.schema.json',
  'bundle.schema.json',
  'catalog.schema.json',
  'manifest.schema.json'
] as const

export type SchemaFile = (typeof schemaFiles)[number]

const schemaDirectory = new URL('../schema/', import.meta.url)
const idBase = 'https://factmark.dev/schema/v1/'

export function schemaId(file: SchemaFile): string {
  return idBase + file
}

/** The schema documents as they are published. */
export function readSchema(file: SchemaFile): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(file, schemaDirectory), 'utf8')) as Record<string, unknown>
}

export interface Validators {
  report: ValidateFunction<ReportFrontMatter>
  registry: ValidateFunction<MetricRegistry>
  bundle: ValidateFunction<FactBundle>
  catalog: ValidateFunction<Catalog>
  manifest: ValidateFunction<Manifest>
}

// ajv-formats is CommonJS with a default export that TypeScript sees as the module.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020

let cached: Validators | undefined

/** Compiled validators; compiled once per process because compiling costs more than a build's validation. */
export function validators(): Validators {
  if (cached) return cached
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true })
  addFormats(ajv)
  for (const file of schemaFiles) ajv.addSchema(readSchema(file))
  const get = <T>(file: SchemaFile) => ajv.getSchema<T>(schemaId(file)) as ValidateFunction<T>
  cached = {
    report: get<ReportFrontMatter>('report.schema.json'),
    registry: get<MetricRegistry>('metrics.schema.json'),
    bundle: get<FactBundle>('bundle.schema.json'),
    catalog: get<Catalog>('catalog.schema.json'),
    manifest: get<Manifest>('manifest.schema.json')
  }
  return cached
}
