import path from 'node:path'
import { compareStrings } from '../model/compare.js'
import { emitCatalogHtml } from '../emit/catalog-html.js'
import { emitCatalogJson } from '../emit/catalog-json.js'
import { emitDataPackage, emitSiteDataPackage } from '../emit/datapackage.js'
import { emitFactsCsv, emitFactsExcelCsv, emitSiteFactsCsv } from '../emit/facts-csv.js'
import { emitFactsJson } from '../emit/facts-json.js'
import { emitSiteFactsParquet } from '../emit/facts-parquet.js'
import type { Download } from '../emit/downloads.js'
import { emitManifest } from '../emit/manifest.js'
import { emitSchemas } from '../emit/published-schemas.js'
import { emitReportHtml } from '../emit/report-html.js'
import { emitReportMarkdown } from '../emit/report-md.js'
import { emitTaxonomy, emitXbrlJson } from '../emit/xbrl/index.js'
import { checkOutputFolder } from './output-folder.js'
import { publish, type Artifact, type PublishOptions, type RecoveryResult } from './publish.js'
import { schemaOfSitePath, validatorOf } from '../model/schemas.js'
import type { Collection, CompileResult, CompiledReport, Registry } from '../model/compiled.js'
import { emitSeriesIndex, emitSeriesJson, seriesFileName } from '../emit/series-json.js'
import { emitSeriesHtml } from '../emit/series-html.js'
import { collectionLookup, type CollectionLookup } from '../emit/html/collection-lookup.js'
import { reportTitle } from '../emit/html/display.js'

export type { Artifact } from './publish.js'

/** What an emitter of a report file may use besides the report. */
export interface EmitContext {
  registry: Registry | undefined
  /** The report's files rendered so far, by name: later files may describe earlier ones. */
  rendered: ReadonlyMap<string, string>
  /** Every file offered beside the page. */
  downloads: readonly Download[]
  /** What the other reports of the site say: series pages to link, levels they publish. */
  collection: CollectionLookup
}

/** A file written into each report's folder. */
export interface ReportFile extends Download {
  emit: (report: CompiledReport, context: EmitContext) => string
}

const taxonomyEntry = 'taxonomy/metrics.xsd'

function rendered(context: EmitContext, name: string): { path: string; content: string } {
  const content = context.rendered.get(name)
  if (content === undefined) throw new Error(`${name} must be rendered before the files that describe it`)
  return { path: name, content }
}

/** The files of each report, in the order they are rendered and offered for download; the page comes last. */
// prettier-ignore
export const reportFiles: readonly ReportFile[] = [
  { href: 'facts.json', label: '数据(JSON)', type: 'application/json', data: true, emit: emitFactsJson },
  { href: 'facts.csv', label: '数据表(CSV,UTF-8)', type: 'text/csv', data: true, emit: emitFactsCsv },
  { href: 'facts-excel.csv', label: '数据表(Excel/WPS 用 CSV)', type: 'text/csv', data: false, emit: emitFactsExcelCsv },
  { href: 'facts.xbrl.json', label: 'xBRL-JSON', type: 'application/json', data: true, emit: (report) => emitXbrlJson(report, { taxonomy: `../${taxonomyEntry}` }) },
  { href: 'report.md', label: '报告原文(Markdown)', type: 'text/markdown', data: false, emit: emitReportMarkdown },
  {
    href: 'datapackage.json',
    label: '数据包描述(Frictionless Data Package)',
    type: 'application/json',
    data: false,
    emit: (report, context) =>
      emitDataPackage(report, { csv: rendered(context, 'facts.csv'), json: rendered(context, 'facts.json'), xbrl: rendered(context, 'facts.xbrl.json') })
  },
  { href: 'index.html', label: '网页', type: 'text/html', data: false, emit: (report, context) => emitReportHtml(report, context.registry, context.downloads, context.collection) }
]

/**
 * Every file of the output tree, in path order: each report's files, the
 * taxonomy and schemas, the catalogs, and last the manifest of all of them.
 * Throws when an emitter fails; nothing is written here.
 */
export function renderArtifacts(result: CompileResult, files: readonly ReportFile[] = reportFiles): Artifact[] {
  const artifacts: Artifact[] = []
  const entries: Array<{ report: CompiledReport; files: Download[] }> = []
  const offered = files.map(({ emit: _emit, ...file }) => file)
  const downloads = offered.filter((file) => file.href !== 'index.html')
  const titleOf = reportTitles(result.reports)
  const collection = collectionLookup(result.collection, titleOf)
  for (const report of result.reports) {
    const slug = report.frontMatter.slug
    const done = new Map<string, string>()
    for (const file of files) {
      let content: string
      try {
        content = file.emit(report, { registry: result.registry, rendered: done, downloads, collection })
      } catch (error) {
        throw new Error(
          `writing ${slug}/${file.href} failed: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error }
        )
      }
      done.set(file.href, content)
      artifacts.push({ path: `${slug}/${file.href}`, content })
    }
    const page = offered.filter((file) => file.href === 'index.html')
    entries.push({ report, files: [...page, ...downloads] })
  }
  artifacts.push(...siteDataset(result.reports))
  if (result.collection) artifacts.push(...seriesFiles(result.collection, titleOf))
  if (result.registry) artifacts.push(...emitTaxonomy(result.registry))
  artifacts.push(...emitSchemas())
  artifacts.push({ path: 'catalog.json', content: emitCatalogJson(entries) })
  artifacts.push(
    ...emitCatalogHtml(
      entries.map(({ report, files: list }) => ({ report, artifacts: list })),
      result.collection
    )
  )
  artifacts.push({ path: 'manifest.json', content: emitManifest(artifacts) })
  checkArtifacts(artifacts)
  return artifacts.sort((a, b) => compareStrings(a.path, b.path))
}

/** One table of every fact of every report, for consumers of the whole collection, and its Data Package. */
function siteDataset(reports: readonly CompiledReport[]): Artifact[] {
  const csv = { path: 'facts.csv', content: emitSiteFactsCsv(reports) }
  const parquet = { path: 'facts.parquet', content: emitSiteFactsParquet(reports) }
  return [csv, parquet, { path: 'datapackage.json', content: emitSiteDataPackage(reports, csv, parquet) }]
}

/** A report's title by its slug, as its page shows it; the slug itself for a report the site does not hold. */
function reportTitles(reports: readonly CompiledReport[]): (slug: string) => string {
  const titles = new Map(reports.map((report) => [report.frontMatter.slug, reportTitle(report.bundle.report)]))
  return (slug) => titles.get(slug) ?? slug
}

/** Each metric's series across the reports, as data and as a page, and their index. */
function seriesFiles(collection: Collection, titleOf: (slug: string) => string): Artifact[] {
  return [
    { path: 'series/index.json', content: emitSeriesIndex(collection) },
    ...collection.series.flatMap((series) => [
      { path: `series/${seriesFileName(series.metric.id, 'json')}`, content: emitSeriesJson(series) },
      { path: `series/${seriesFileName(series.metric.id, 'html')}`, content: emitSeriesHtml(series, titleOf) }
    ])
  ]
}

/** The site's own JSON files must meet their published schemas before anything is written. */
function checkArtifacts(artifacts: readonly Artifact[]): void {
  for (const artifact of artifacts) {
    const schema = schemaOfSitePath(artifact.path)
    // Each report's bundle was checked against its schema when it was compiled.
    if (schema === undefined || schema === 'bundle.schema.json' || typeof artifact.content !== 'string') continue
    if (!validatorOf(schema)(JSON.parse(artifact.content))) throw new Error(`${artifact.path} does not meet its schema`)
  }
}

/**
 * Write a complete new output tree in place of `out`, which must be missing,
 * empty or a tree factmark wrote; a process killed at any point leaves the
 * previous tree or the new one (see publish.ts).
 */
export async function writeArtifacts(
  out: string,
  artifacts: readonly Artifact[],
  options: PublishOptions = {}
): Promise<RecoveryResult> {
  return publish(out, artifacts, {
    check: () => checkOutputFolder({ out: path.resolve(out), cwd: process.cwd() }),
    ...options
  })
}
