import { compileSource } from '../compile/compile-report.js'
import { toDiagnostic } from '../diagnostics/report.js'
import { levelKey, type LevelQuery, type PublishedLevel } from '../emit/html/collection-lookup.js'
import { seriesFileName } from '../emit/series-json.js'
import { siteCsvLines, siteRows } from '../emit/site-rows.js'
import type { Coverage, Diagnostic, Registry, SourceText, CompiledReport } from '../model/compiled.js'
import type { Position } from 'unist'
import { sha256 } from '../emit/hash.js'
import { factDigests, type ReportSummary } from './report-head.js'
import { renderReportFiles, type RenderedFile, type ReportFile } from './render-artifacts.js'

/**
 * What a build keeps of one report once it is compiled and its files are rendered: everything the
 * rules across reports and the site's own pages need, and nothing of its syntax tree. It depends
 * only on the report's bytes, the registry and factmark itself, so it is cached by their hash.
 */
export interface ReportUnit {
  path: string
  coverage: Coverage
  /** The metrics its annotations name, even those of annotations with errors. */
  metrics: string[]
  /** The report's own messages, before the rules across reports add theirs. */
  diagnostics: Diagnostic[]
  /** Where its slug stands, for a message about a slug another report uses too. */
  slugPlace: Position
  /** Where its entity stands, for a message about a place the other reports write otherwise. */
  entityPlace: Position
  /** Set when the report compiled: what the site's pages and the collection read. */
  summary?: ReportSummary
  /** A digest of the summary: the site's series are made again only when one of them changes. */
  summaryDigest?: string
  /**
   * A digest of the summary but for where its facts stand (see shapeOf): the rules across reports
   * conclude the same of a report whose facts only moved, but for the places they name.
   */
  shapeDigest?: string
  /** The slug of its front matter, set with the summary: which report keeps a slug is told before any summary is read. */
  slug?: string
  /** Set when its messages hold an error: it is not published, and none of its files are rendered. */
  fatal?: true
  /** A digest of its rows of the site's table: the table is written again only when one of them changes. */
  rowsDigest?: string
  /** Why one of its files could not be rendered: a fault of factmark or of an emitter, not of the report. */
  emitFailure?: string
  /** The files rendered into the report's folder, in the order they were rendered. */
  files?: UnitFile[]
  /**
   * The levels of other reports the page asked for (its charts show them), with the answers it was
   * rendered with: when the collection answers otherwise, the page is rendered again.
   */
  levels?: LevelAsked[]
}

export type { ReportSummary } from './report-head.js'

/** A file of the site, by path, with what the manifest says of it. */
export interface UnitFile {
  path: string
  bytes: number
  sha256: string
}

export interface LevelAsked {
  query: LevelQuery
  answer?: PublishedLevel
}

/** The levels the collection publishes, by levelKey, as a page is given them. */
export type LevelAnswers = ReadonlyMap<string, PublishedLevel>

/** A report compiled and rendered: its unit, its files, and its rows of the site's table. */
export interface RenderedUnit {
  unit: ReportUnit
  artifacts: RenderedFile[]
  rows: KeptRows
}

/**
 * A report's rows of the site's table as they are kept: as JSON, for the Parquet file, and as the
 * lines of the site's facts.csv, made on the thread that compiled the report rather than by the
 * one that writes the table for every report.
 */
export interface KeptRows {
  json: string
  csv: string
}

const noRows: KeptRows = { json: '[]', csv: '' }

/**
 * Compile one report and render its files. The page is given the levels in `answers` (none on a
 * first pass); what it asked is recorded, so that the caller can tell whether the collection would
 * have answered otherwise.
 */
export function renderUnit(
  source: SourceText,
  registry: Registry,
  files: readonly ReportFile[],
  answers: LevelAnswers = new Map()
): RenderedUnit {
  const { file, locate, outcome } = compileSource(source, registry)
  const measured = outcome && (outcome.ok ? outcome.value : outcome.error)
  const base: ReportUnit = {
    path: source.path,
    coverage: measured?.coverage ?? { path: source.path, tagged: 0, untagged: 0, read: false },
    metrics: [...(measured?.metrics ?? [])].sort(),
    diagnostics: [],
    slugPlace: locate(['slug']),
    entityPlace: locate(['entity'])
  }
  if (!outcome?.ok)
    return { unit: { ...base, diagnostics: file.messages.map(toDiagnostic) }, artifacts: [], rows: noRows }
  const compiled = outcome.value.report
  if (file.messages.some((message) => message.fatal)) {
    const unit = {
      ...base,
      diagnostics: file.messages.map(toDiagnostic),
      ...summarized(compiled),
      fatal: true as const
    }
    return { unit, artifacts: [], rows: noRows }
  }
  const asked = new Map<string, LevelAsked>()
  const render = () =>
    renderReportFiles(compiled, registry, files, {
      seriesHref: (metric) => `../series/${seriesFileName(metric, 'html')}`,
      publishedLevel: (query) => {
        const key = levelKey(query)
        const answer = answers.get(key)
        const { metric, period, entity, dimensions } = query
        asked.set(key, { query: { metric, period, entity, dimensions }, ...(answer && { answer }) })
        return answer
      }
    })
  let artifacts: RenderedFile[]
  try {
    artifacts = render()
  } catch (error) {
    const emitFailure = error instanceof Error ? error.message : String(error)
    return {
      unit: { ...base, diagnostics: file.messages.map(toDiagnostic), emitFailure },
      artifacts: [],
      rows: noRows
    }
  }
  // Serialized once: its digest goes in the unit, the text to the cache.
  const rows = siteRows(compiled)
  const rowsJson = JSON.stringify(rows)
  return {
    unit: {
      ...base,
      // Rendering may add messages of its own; they are the report's too.
      diagnostics: file.messages.map(toDiagnostic),
      ...summarized(compiled),
      levels: [...asked.values()],
      rowsDigest: sha256(rowsJson)
    },
    artifacts,
    rows: { json: rowsJson, csv: siteCsvLines(rows) }
  }
}

function summarized(report: CompiledReport): Pick<ReportUnit, 'summary' | 'summaryDigest' | 'shapeDigest' | 'slug'> {
  const summary = summaryOf(report)
  return {
    summary,
    summaryDigest: sha256(JSON.stringify(summary)),
    shapeDigest: sha256(JSON.stringify(shapeOf(summary))),
    slug: report.frontMatter.slug
  }
}

/**
 * A summary with each fact's source cut to its file, and without the digests of its facts, which
 * are made of where they stand: what stays of it when a sentence is put before its facts.
 */
function shapeOf(summary: ReportSummary): unknown {
  const { factDigests: _digests, ...rest } = summary
  const facts = summary.bundle.facts.map((fact) => ({ ...fact, source: { file: fact.source.file } }))
  return { ...rest, bundle: { ...summary.bundle, facts } }
}

function summaryOf(report: CompiledReport): ReportSummary {
  const { path, frontMatter, bundle } = report
  const facts = bundle.facts.map(
    ({ displayUnit: _unit, classifier: _classifier, section: _section, table: _table, ...fact }) => fact
  )
  return {
    path,
    frontMatter,
    bundle: { report: bundle.report, metricIds: Object.keys(bundle.metrics), facts },
    factDigests: factDigests(facts)
  }
}
