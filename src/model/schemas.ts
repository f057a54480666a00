import { readFileSync } from 'node:fs'
import { manifestName } from './site.js'
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js'
import { schemaAjv, schemaTexts, standaloneValidator } from './schema-ajv.js'
import type {
  Catalog,
  CatalogPage,
  FactBundle,
  Manifest,
  MetricRegistry,
  ReportFrontMatter,
  Series,
  SeriesIndex
} from './schema-types.js'

/** The published schemas, by file name. */
// prettier-ignore
export const schemaFiles = [
  'common.schema.json',
  'report.schema.json',
  'metrics.schema.json',
  'fact.schema.json',
  'bundle.schema.json',
  'catalog.schema.json',
  'catalog-page.schema.json',
  'manifest.schema.json',
  'series.schema.json',
  'series-index.schema.json'
] as const

export type SchemaFile = (typeof schemaFiles)[number]

const schemaDirectory = new URL('../../schema/', import.meta.url)
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
  catalogPage: ValidateFunction<CatalogPage>
  manifest: ValidateFunction<Manifest>
  series: ValidateFunction<Series>
  seriesIndex: ValidateFunction<SeriesIndex>
}

let texts: ReturnType<typeof schemaTexts> | undefined
let ajv: Ajv2020 | undefined
const compiled = new Map<SchemaFile, ValidateFunction>()

/**
 * One validator: the code `npm run compile` generated from the schemas as they are, or else the
 * schema compiled on first use (a check never pays for the schemas only a build needs).
 */
function validator<T>(file: SchemaFile): ValidateFunction<T> {
  let validate = compiled.get(file)
  if (!validate) {
    texts ??= schemaTexts(schemaDirectory, schemaFiles)
    validate = standaloneValidator(file, texts.digest)
    if (!validate) {
      ajv ??= schemaAjv(texts.texts)
      validate = ajv.getSchema(schemaId(file)) as ValidateFunction
    }
    compiled.set(file, validate)
  }
  return validate as ValidateFunction<T>
}

/** The validators of the published formats, each compiled when first asked for. */
export function validators(): Validators {
  return {
    get report() {
      return validator<ReportFrontMatter>('report.schema.json')
    },
    get registry() {
      return validator<MetricRegistry>('metrics.schema.json')
    },
    get bundle() {
      return validator<FactBundle>('bundle.schema.json')
    },
    get catalog() {
      return validator<Catalog>('catalog.schema.json')
    },
    get catalogPage() {
      return validator<CatalogPage>('catalog-page.schema.json')
    },
    get manifest() {
      return validator<Manifest>('manifest.schema.json')
    },
    get series() {
      return validator<Series>('series.schema.json')
    },
    get seriesIndex() {
      return validator<SeriesIndex>('series-index.schema.json')
    }
  }
}

// prettier-ignore
const validatorOfFile: Record<SiteSchemaFile, keyof Validators> = {
  'manifest.schema.json': 'manifest',
  'catalog.schema.json': 'catalog',
  'catalog-page.schema.json': 'catalogPage',
  'series.schema.json': 'series',
  'series-index.schema.json': 'seriesIndex',
  'bundle.schema.json': 'bundle'
}

/** The schemas that files of a published tree are checked against. */
export type SiteSchemaFile =
  | 'manifest.schema.json'
  | 'catalog.schema.json'
  | 'catalog-page.schema.json'
  | 'series.schema.json'
  | 'series-index.schema.json'
  | 'bundle.schema.json'

/**
 * The schema a file of a published tree meets besides its hash, by its path in the tree, or
 * undefined: one table for the build that writes the tree and for verify that checks it.
 */
export function schemaOfSitePath(file: string): SiteSchemaFile | undefined {
  if (file === manifestName) return 'manifest.schema.json'
  if (file === 'catalog.json') return 'catalog.schema.json'
  if (/^catalog\/[1-9][0-9]*\.json$/.test(file)) return 'catalog-page.schema.json'
  if (file === 'series/index.json') return 'series-index.schema.json'
  if (/^series\/[^/]+\.json$/.test(file)) return 'series.schema.json'
  if (/^[^/]+\/facts\.json$/.test(file)) return 'bundle.schema.json'
  return undefined
}

export function validatorOf(schema: SiteSchemaFile): ValidateFunction {
  return validators()[validatorOfFile[schema]]
}
