import path from 'node:path'
import { utf8Bytes } from '../emit/utf8-bytes.js'
import { compareStrings } from '../model/compare.js'
import { describedDataset, emitDataPackage, emitSiteDataPackage, type PackagedFile } from '../emit/datapackage.js'
import { emitFactsCsv, emitFactsExcelCsv, emitSiteFactsCsv } from '../emit/facts-csv.js'
import { emitFactsJson } from '../emit/facts-json.js'
import { emitSiteFactsParquet } from '../emit/facts-parquet.js'
import type { Download } from '../emit/downloads.js'
import { byteLength, sha256 } from '../emit/hash.js'
import { emitManifestOf } from '../emit/manifest.js'
import { emitReportHtml } from '../emit/report-html.js'
import { emitReportMarkdown } from '../emit/report-md.js'
import { emitXbrlJson } from '../emit/xbrl/index.js'
import { checkOutputFolder } from './output-folder.js'
import { publish, type Artifact, type PublishOptions, type RecoveryResult } from './publish.js'
import { checkArtifacts } from './check-artifacts.js'
import { reportDownloads, type ReportHref } from './report-downloads.js'
import type { CompileResult, CompiledReport, Registry } from '../model/compiled.js'
import { reportTitles, siteFiles } from './site-files.js'
import { heldSeries } from './site-series.js'
import { collectionLookup, type CollectionLookup } from '../emit/html/collection-lookup.js'
import { manifestName, siteTableNames } from '../model/site.js'

export type { Artifact } from './publish.js'

/** What an emitter of a report file may use besides the report. */
export interface EmitContext {
  registry: Registry | undefined
  /** The report's files rendered so far, by name: later files may describe earlier ones. */
  rendered: ReadonlyMap<string, string>
  /**
   * The size in bytes and the SHA-256 of each of them, made once for the folder's files and whoever
   * describes them; a caller that gives none has them made from `rendered`.
   */
  digested?: ReadonlyMap<string, { bytes: number; sha256: string }>
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

function rendered(context: EmitContext, name: string): PackagedFile {
  const digest = context.digested?.get(name)
  if (digest !== undefined) return { path: name, ...digest }
  const content = context.rendered.get(name)
  if (content === undefined) throw new Error(`${name} must be rendered before the files that describe it`)
  return { path: name, content }
}

// Each file of a report's folder and what renders it; reportDownloads says what each is, apart,
// so that a build can name the files without loading their emitters.
const emitters: Record<ReportHref, ReportFile['emit']> = {
  'facts.json': emitFactsJson,
  'facts.csv': emitFactsCsv,
  'facts-excel.csv': emitFactsExcelCsv,
  'facts.xbrl.json': (report) => emitXbrlJson(report, { taxonomy: `../${taxonomyEntry}` }),
  'report.md': emitReportMarkdown,
  'datapackage.json': (report, context) =>
    emitDataPackage(report, {
      csv: rendered(context, 'facts.csv'),
      json: rendered(context, 'facts.json'),
      xbrl: rendered(context, 'facts.xbrl.json')
    }),
  'index.html': (report, context) => emitReportHtml(report, context.registry, context.downloads, context.collection)
}

/** The files of each report, in the order they are rendered and offered for download; the page comes last. */
export const reportFiles: readonly ReportFile[] = reportDownloads.map((file) => ({
  ...file,
  emit: emitters[file.href]
}))

/** A file of a report's folder as rendered: its text, and its bytes as written with their digest. */
export interface RenderedFile extends Artifact {
  content: string
  bytes: Uint8Array
  sha256: string
}

/**
 * The files of one report's folder, rendered in the order of `files`, each encoded and digested
 * once: for the disk, the manifest, and the Data Package that describes the others. Throws when
 * an emitter fails.
 */
export function renderReportFiles(
  report: CompiledReport,
  registry: Registry | undefined,
  files: readonly ReportFile[],
  collection: CollectionLookup
): RenderedFile[] {
  const slug = report.frontMatter.slug
  const downloads = files.flatMap(({ emit: _emit, ...file }) => (file.href === 'index.html' ? [] : [file]))
  const done = new Map<string, string>()
  const digested = new Map<string, { bytes: number; sha256: string }>()
  const artifacts: RenderedFile[] = []
  for (const file of files) {
    let content: string
    try {
      content = file.emit(report, { registry, rendered: done, digested, downloads, collection })
    } catch (error) {
      throw new Error(
        `writing ${slug}/${file.href} failed: ${error instanceof Error ? error.message : String(error)}`,
        {
          cause: error
        }
      )
    }
    const bytes = utf8Bytes(content)
    const digest = sha256(bytes)
    done.set(file.href, content)
    digested.set(file.href, { bytes: bytes.byteLength, sha256: digest })
    artifacts.push({ path: `${slug}/${file.href}`, content, bytes, sha256: digest })
  }
  return artifacts
}

/**
 * Every file of the output tree, in path order: each report's files, the
 * taxonomy and schemas, the catalogs, and last the manifest of all of them.
 * Throws when an emitter fails; nothing is written here.
 */
export function renderArtifacts(result: CompileResult, files: readonly ReportFile[] = reportFiles): Artifact[] {
  const artifacts: Artifact[] = []
  // The report files come digested (see renderReportFiles): the manifest takes their digests.
  const digested = new Map<string, { path: string; bytes: number; sha256: string }>()
  const offered = files.map(({ emit: _emit, ...file }) => file)
  const titleOf = reportTitles(result.reports)
  const collection = collectionLookup(result.collection, titleOf)
  for (const report of result.reports)
    for (const file of renderReportFiles(report, result.registry, files, collection)) {
      artifacts.push({ path: file.path, content: file.content })
      digested.set(file.path, { path: file.path, bytes: file.bytes.byteLength, sha256: file.sha256 })
    }
  artifacts.push(...siteDataset(result.reports))
  const site = siteFiles({
    reports: result.reports,
    registry: result.registry,
    series: result.collection && heldSeries(result.collection, titleOf),
    offered
  })
  artifacts.push(...site.map((file) => ({ path: file.path, content: file.render() })))
  const listed = artifacts.map(
    (file) =>
      digested.get(file.path) ?? { path: file.path, bytes: byteLength(file.content), sha256: sha256(file.content) }
  )
  artifacts.push({ path: manifestName, content: emitManifestOf(listed) })
  checkArtifacts(artifacts)
  return artifacts.sort((a, b) => compareStrings(a.path, b.path))
}

/** One table of every fact of every report, for consumers of the whole collection, and its Data Package. */
function siteDataset(reports: readonly CompiledReport[]): Artifact[] {
  const csv = { path: siteTableNames.csv, content: emitSiteFactsCsv(reports) }
  const parquet = { path: siteTableNames.parquet, content: emitSiteFactsParquet(reports) }
  return [
    csv,
    parquet,
    { path: siteTableNames.dataPackage, content: emitSiteDataPackage(describedDataset(reports), csv, parquet) }
  ]
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
