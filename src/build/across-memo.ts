import { createHash } from 'node:crypto'
import path from 'node:path'
import type { DatasetDescription } from '../emit/datapackage.js'
import type { PublishedLevel } from '../emit/html/collection-lookup.js'
import { compareDiagnostics } from '../diagnostics/report.js'
import type { Coverage, Diagnostic, SkippedSource } from '../model/compiled.js'
import type { PublishedReport } from './build-result.js'
import { readKept } from '../cache/cache-folder.js'
import { leftUnread } from '../diagnostics/skipped-source.js'
import { keepLargeJson } from '../cache/keep-large-json.js'
import type { ReportUnit } from './report-unit.js'
import { isObject } from './build-cache.js'
import type { SeriesListed } from './site-series.js'

/**
 * What the rules across reports concluded over a collection, kept by a digest of everything they
 * read of it (see acrossKey). A build whose collection is one seen before, as after an edit that
 * moves no figure, takes the conclusions from here: it reads neither the reports' facts nor the
 * registry, and makes no series.
 */
export interface AcrossMemo {
  /** Their own messages; with each report's, and in the same order, a build's (see allDiagnostics). */
  messages: AcrossMessages
  /** The reports published, by their place among the units. */
  published: Array<{ index: number; report: PublishedReport }>
  /** Each level the reports' pages asked for, by levelKey, with the collection's answer (null: none). */
  levels: Array<[string, PublishedLevel | null]>
  /** The site's own files (series, taxonomy, schemas, catalog), by path, with the key each was made under. */
  site: Array<[string, string]>
  /** The digest of what the site's own files were made of: their keys hold only while it is the same. */
  siteKey: string
  /**
   * Of each unit, by its place, the digest of the summary the rules read and the key the unit is
   * kept under: a report whose summary is another of the same shape only moved (see movedMemo).
   */
  made: Array<[digest: string | null, key: string]>
  /** What the Data Package of the table of every fact says of the reports: it is written again when only their rows change. */
  dataset: DatasetDescription
}

/** What the rules told the reports, by the path of each, in the order told. */
export type Told = ReadonlyArray<readonly [string, Diagnostic]>

/**
 * What the rules across reports concluded of one metric of a collection held whole, kept with the
 * conclusions of the whole (see AcrossMemo) for a later build whose collection differs elsewhere.
 */
export interface MetricConclusions {
  id: string
  /** The digest of the environment and of what its series is made of (see seriesInputs). */
  key: string
  /** What the rules told of its facts. */
  told: Told
  /** Its series' entry in the index and row of the catalog, and its pages; none when the registry has no such metric. */
  entry?: SeriesListed
}

/** The messages of the rules across reports, apart from each report's own. */
export interface AcrossMessages {
  /** About the registry: its own, and the metrics no report uses. */
  registry: Diagnostic[]
  /** About each report (a slug used twice, a series that does not add up), by its path. */
  reports: Record<string, Diagnostic[]>
  /** One for each path skipped. */
  skipped: Diagnostic[]
}

/** Every message of a build: each report's own and those of the rules across reports, as compileSources orders them. */
export function allDiagnostics(units: readonly ReportUnit[], messages: AcrossMessages): Diagnostic[] {
  return [
    ...messages.registry,
    ...units.flatMap((unit) => [...unit.diagnostics, ...(messages.reports[unit.path] ?? [])]),
    ...messages.skipped
  ].sort(compareDiagnostics)
}

/** The coverage of every report, then of each path skipped. */
export function allCoverage(units: readonly ReportUnit[], skipped: readonly SkippedSource[]): Coverage[] {
  return [
    ...units.map((unit) => unit.coverage),
    ...skipped
      .filter(leftUnread)
      .map(({ path: shown }) => ({ path: shown, tagged: 0, untagged: 0, read: false as const }))
  ]
}

/**
 * The digest of what the rules across reports read: factmark and the registry (the environment),
 * the paths skipped, whether unused metrics are looked for, and of each unit, in order, its path,
 * metrics, the places of its slug and entity, whether it has errors or was not read, and the
 * shape of its summary by digest. Not its own messages or coverage, which the rules do not read: a
 * build where only those changed (an untagged figure added, say) takes the conclusions all the
 * same. Nor where its facts stand: a build where they only moved takes them moved (see movedMemo).
 */
export function acrossKey(
  environment: string,
  skipped: readonly SkippedSource[],
  checkUnusedMetrics: boolean,
  units: readonly ReportUnit[],
  /** Key each summary by its digest, where its facts stand included: for conclusions taken as they are, never moved. */
  exact = false
): string {
  const hash = createHash('sha256')
    .update(environment)
    .update(JSON.stringify([skipped, checkUnusedMetrics]))
  for (const unit of units) {
    const { path: shown, coverage, metrics, slugPlace, entityPlace, fatal, summaryDigest, shapeDigest } = unit
    const unread = coverage.read === false
    const summary = (exact ? undefined : shapeDigest) ?? summaryDigest ?? null
    hash.update(JSON.stringify([shown, metrics, slugPlace, entityPlace, fatal ?? false, unread, summary]))
  }
  return hash.digest('hex')
}

function memoFile(folder: string, key: string): string {
  return path.join(folder, 'across', `${key}.json`)
}

/** The conclusions kept for a key, or undefined when there are none (or they cannot be read). */
export function readAcross(folder: string, key: string): AcrossMemo | undefined {
  return readKept(memoFile(folder, key)) as AcrossMemo | undefined
}

export function writeAcross(folder: string, key: string, memo: AcrossMemo): void {
  keepLargeJson(memoFile(folder, key), memo)
}

/**
 * What the rules concluded of each metric of a collection held whole (see MetricConclusions),
 * with the levels its reports' pages were answered, kept beside the conclusions of the whole
 * under the same key: a file of its own, which a build reads only when its collection is another.
 */
export interface MetricsMemo {
  metrics: MetricConclusions[]
  levels: AcrossMemo['levels']
  /** Which conclusions these are, unique to the build that made them: what is kept of them elsewhere names them so (see MetricInputs). */
  base: string
}

const metricsFile = (folder: string, key: string) => path.join(folder, 'across', `${key}.metrics.json`)

/** The conclusions of each metric kept for a key, or undefined when there are none (or they cannot be read). */
export function readMetricsMemo(folder: string, key: string): MetricsMemo | undefined {
  const kept = readKept(metricsFile(folder, key))
  return isObject(kept) &&
    Array.isArray(kept['metrics']) &&
    Array.isArray(kept['levels']) &&
    typeof kept['base'] === 'string'
    ? (kept as unknown as MetricsMemo)
    : undefined
}

export function writeMetricsMemo(folder: string, key: string, memo: MetricsMemo): void {
  keepLargeJson(metricsFile(folder, key), memo)
}
