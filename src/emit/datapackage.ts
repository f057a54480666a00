import { schemaId } from '../model/schemas.js'
import { factColumns, reportColumn } from './fact-columns.js'
import { byteLength, sha256 } from './hash.js'
import type { CompiledReport, SiteReport } from '../model/compiled.js'
import type { FactBundle } from '../model/schema-types.js'
import { CURRENCY } from '../chinese-number/index.js'

/** A file a package describes: its content, or its size and digest when it was written as it was made. */
export type PackagedFile = { path: string } & ({ content: string | Uint8Array } | { bytes: number; sha256: string })

const profiles = 'https://datapackage.org/profiles/2.0/'

/** Where the unit of a value is named, and in which code: see the `unit` column. */
const valueUnit = {
  field: 'unit',
  system: 'http://unitsofmeasure.org',
  currency: { system: 'urn:iso:std:iso:4217', codes: [CURRENCY] }
} as const

/**
 * datapackage.json: a Frictionless Data Package v2 describing facts.csv (a
 * table with its Table Schema: types, constraints, primary key, and the
 * column that holds each value's unit) and the JSON files beside it, each
 * with its size and sha256.
 */
export function emitDataPackage(
  report: CompiledReport,
  files: { csv: PackagedFile; json: PackagedFile; xbrl?: PackagedFile }
): string {
  const { bundle } = report
  const info = bundle.report
  const descriptor = {
    $schema: `${profiles}datapackage.json`,
    name: info.slug,
    title: info.title,
    description: `${info.issuer}《${info.title}》中标注的 ${bundle.facts.length} 项数据:每项的指标、数值、单位、精度、期间、主体与原文位置。Facts tagged in the report, with metric, value, unit, precision, period, entity and source position.`,
    ...(info.url !== undefined && { homepage: info.url }),
    keywords: [...new Set(Object.keys(bundle.metrics).map((id) => id.split('.')[0] ?? id))].sort(),
    contributors: [{ title: info.issuer, roles: ['publisher'] }],
    sources: sourcesOf(info),
    resources: [
      factTable(
        files.csv,
        'One row per fact. The unit of each value is in the `unit` column (UCUM codes, CNY for yuan).'
      ),
      {
        name: 'bundle',
        title: 'Fact bundle (JSON)',
        description:
          'The report metadata, the metrics used and the facts, valid against the JSON Schema named in `jsonSchema`.',
        path: files.json.path,
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
        ...integrity(files.json),
        jsonSchema: schemaId('bundle.schema.json')
      },
      ...(files.xbrl
        ? [
            {
              name: 'xbrl',
              title: 'Facts as xBRL-JSON',
              description: 'The facts as an OIM xBRL-JSON report, for XBRL tools.',
              path: files.xbrl.path,
              format: 'json',
              mediatype: 'application/json',
              encoding: 'utf-8',
              ...integrity(files.xbrl)
            }
          ]
        : [])
    ]
  }
  return `${JSON.stringify(descriptor, null, 2)}\n`
}

function integrity(file: PackagedFile): { bytes: number; hash: string } {
  if ('content' in file) return { bytes: byteLength(file.content), hash: `sha256:${sha256(file.content)}` }
  return { bytes: file.bytes, hash: `sha256:${file.sha256}` }
}

interface TableField {
  name: string
  type: string
  title: string
  description: string
  required?: boolean
}

/** The facts table as a tabular resource: its dialect and its Table Schema, `before` the fact columns. */
function factTable(csv: PackagedFile, description: string, before: readonly TableField[] = []) {
  const identity = [...before.map((field) => field.name), 'id']
  return {
    name: 'facts',
    type: 'table',
    title: 'Facts (CSV)',
    description,
    path: csv.path,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    ...integrity(csv),
    dialect: {
      $schema: `${profiles}tabledialect.json`,
      header: true,
      delimiter: ',',
      lineTerminator: '\r\n',
      quoteChar: '"',
      doubleQuote: true
    },
    schema: {
      $schema: `${profiles}tableschema.json`,
      fields: [
        ...before.map(({ required, ...field }) => ({ ...field, ...(required && { constraints: { required } }) })),
        ...factColumns.map((column) => ({
          name: column.name,
          type: column.type,
          title: column.title,
          description: column.description,
          // Custom field property: the values of this column are measured in the unit named by
          // another column, a UCUM code but for money, which UCUM has no code for (CNY, ISO 4217).
          ...(column.name === 'value' && { unit: valueUnit }),
          ...((column.required || column.enum || column.name === 'id') && {
            constraints: {
              ...(column.required && { required: true }),
              // A fact id is unique in its report: alone it is a key only where there is one report.
              ...(column.name === 'id' && before.length === 0 && { unique: true }),
              ...(column.enum && { enum: [...column.enum] })
            }
          })
        }))
      ],
      primaryKey: identity,
      missingValues: ['']
    }
  }
}

/**
 * What the site's Data Package says of a report: who published it and where it came from, the
 * metrics and how many facts it tags. A report is one; a build of thousands holds no more of each.
 */
export interface DescribedReport {
  bundle: Pick<SiteReport['bundle'], 'report' | 'metrics'> & { facts: { readonly length: number } }
}

/**
 * What the site's Data Package says of the reports together, in plain data: a build keeps it with
 * the conclusions of the rules across reports, and writes the table of every fact again without
 * reading the reports' summaries when only their rows changed (their facts moved, say).
 */
export interface DatasetDescription {
  reports: number
  facts: number
  keywords: string[]
  issuers: string[]
  sources: Array<{ title: string; path?: string }>
}

/** What the site's Data Package says of these reports (see DatasetDescription). */
export function describedDataset(reports: readonly DescribedReport[]): DatasetDescription {
  return {
    reports: reports.length,
    facts: reports.reduce((sum, report) => sum + report.bundle.facts.length, 0),
    keywords: keywordsOf(reports),
    issuers: [...new Set(reports.map((report) => report.bundle.report.issuer))],
    sources: reports.flatMap((report) => sourcesOf(report.bundle.report))
  }
}

/**
 * The first part of each metric's id the reports use, sorted. The reports of a collection mostly
 * share one record of the metrics they use (see crossReport): each record is read once, where a
 * thousand reports' hundred metrics each took 70 ms.
 */
function keywordsOf(reports: readonly DescribedReport[]): string[] {
  const keywords = new Set<string>()
  const seen = new Set<object>()
  for (const { bundle } of reports) {
    if (seen.has(bundle.metrics)) continue
    seen.add(bundle.metrics)
    for (const id of Object.keys(bundle.metrics)) keywords.add(id.split('.')[0] ?? id)
  }
  return [...keywords].sort()
}

/**
 * The site's datapackage.json: one table of every fact of every report (the site's facts.csv), with
 * the report's slug as the first column and, with the fact id, the key of a row.
 */
export function emitSiteDataPackage(described: DatasetDescription, csv: PackagedFile, parquet: PackagedFile): string {
  const { reports, facts } = described
  const table = factTable(
    csv,
    'One row per fact of every report. The unit of each value is in the `unit` column (UCUM codes, CNY for yuan).',
    [reportColumn]
  )
  const descriptor = {
    $schema: `${profiles}datapackage.json`,
    name: 'facts',
    title: 'All facts of the published reports',
    description: `${reports} 份报告中标注的全部 ${facts} 项数据,每行一项,首列为报告。Every fact tagged in the ${reports} reports, one row each; the first column names the report.`,
    keywords: described.keywords,
    contributors: described.issuers.map((title) => ({ title, roles: ['publisher'] })),
    sources: described.sources,
    resources: [table, parquetTable(table, parquet)]
  }
  return `${JSON.stringify(descriptor, null, 2)}\n`
}

/** The same table as Parquet: its rows and Table Schema, typed by the file itself. */
function parquetTable(csv: ReturnType<typeof factTable>, parquet: PackagedFile) {
  return {
    name: 'facts-parquet',
    type: 'table',
    title: 'Facts (Parquet)',
    description:
      'The rows of facts.csv as Apache Parquet, numbers typed and empty cells null, for DuckDB, Spark or Polars.',
    path: parquet.path,
    format: 'parquet',
    mediatype: 'application/vnd.apache.parquet',
    ...integrity(parquet),
    schema: csv.schema
  }
}

/** The report itself, and for a fact sheet the documents whose figures it restates, as Data Package sources. */
function sourcesOf(info: FactBundle['report']): Array<{ title: string; path?: string }> {
  return [
    { title: info.title, ...(info.url !== undefined && { path: info.url }) },
    ...(info.sources ?? []).map((source) => ({ title: source.title, path: source.url }))
  ]
}
