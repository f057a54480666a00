import { createHash } from 'node:crypto'
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync } from 'node:fs'
import path from 'node:path'
import { factmarkDigest } from '../cache/factmark-digest.js'
import { readKept, writeWholeSync } from '../cache/cache-folder.js'
import type { SiteRow } from '../emit/site-rows.js'
import type { CollectionFact, SourceText } from '../model/compiled.js'
import type { KeptRows, ReportSummary, ReportUnit } from './report-unit.js'
import { factsDigest, keptHead, type KeptSlices, type ReportHead } from './report-head.js'

/**
 * The build's cache: what each report compiled to, kept by a digest of everything it depends on
 * (its bytes and path, the registry, factmark's code, templates and schemas, the files rendered),
 * so that an entry is never stale: a change to any of them is another key. Entries are written
 * whole (written beside, then renamed), so that a build killed midway leaves none half written.
 */

/** What every report's unit depends on besides the report: factmark, the registry, the files rendered. */
export function environmentKey(registry: SourceText, reportFiles: readonly string[], cacheFolder: string): string {
  return createHash('sha256')
    .update(factmarkDigest(cacheFolder))
    .update(JSON.stringify([registry.path, reportFiles]))
    .update(registry.text)
    .digest('hex')
}

/** The key of one report's unit: the environment, the report's paths and the digest of its bytes. */
export function unitKey(
  environment: string,
  source: Pick<SourceText, 'path' | 'dataPath' | 'unreadSize'>,
  digest: string
): string {
  return createHash('sha256')
    .update(JSON.stringify([environment, source.path, source.dataPath ?? null, source.unreadSize ?? null, digest]))
    .digest('hex')
}

/** Where the unit of a key is kept. */
export function unitFile(folder: string, key: string): string {
  return path.join(folder, 'units', key.slice(0, 2), `${key}.json`)
}

const rowsFile = (file: string) => file.replace(/\.json$/, '.rows.json')
/** Where the CSV lines of the site's table that the unit kept at `file` gives are kept. */
export const rowsCsvFile = (file: string) => file.replace(/\.json$/, '.rows.csv')
/** Where the summary of the unit kept at `file` is kept. */
export const summaryFile = (file: string) => file.replace(/\.json$/, '.summary.json')

/**
 * A kept unit, without its summary (see readSummary), or undefined when there is none (or it
 * cannot be read, which is the same to a build). Its summary and rows are written before it, but
 * may have been lost since: each is looked for only when it is needed (see hasRows). Read
 * synchronously, as a build reads the units of every report unchanged (see readSourceFile).
 */
export function readUnit(file: string): ReportUnit | undefined {
  const kept = readKept(file)
  return isObject(kept) && isUnit(kept['unit']) ? kept['unit'] : undefined
}

/** Whether a value read from the cache is an object: any JSON may be read there, as a file changed by hand is never trusted. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** Whether a value read from the cache may be a unit, a build's or a check's. */
export function isUnit(value: unknown): value is ReportUnit {
  return isObject(value) && Array.isArray(value['diagnostics']) && isObject(value['coverage'])
}

/**
 * The summary of a kept unit, a build's or a check's: its facts, which only the rules across
 * reports and the series read, kept apart so that a build whose collection is the one it has seen
 * never reads them. Undefined when there is none, or it is no summary.
 */
export function readSummary(file: string): ReportSummary | undefined {
  const kept = readKept(summaryFile(file))
  return isObject(kept) && isObject(kept['bundle']) && isObject(kept['frontMatter']) && isObject(kept['factDigests'])
    ? (kept as unknown as ReportSummary)
    : undefined
}

/** Where the head of the summary of the unit kept at `file` is kept (see ReportHead). */
const headFile = (file: string) => file.replace(/\.json$/, '.head.json')
/** Where the facts of the summary of the unit kept at `file` are kept by metric (see keptHead). */
const byMetricFile = (file: string) => file.replace(/\.json$/, '.by-metric')

/** The head of the summary of a kept unit; undefined when it is not kept, or is no head. */
export function readHead(file: string): ReportHead | undefined {
  const kept = readKept(headFile(file))
  return isObject(kept) &&
    isObject(kept['frontMatter']) &&
    isObject(kept['report']) &&
    isObject(kept['factDigests']) &&
    Array.isArray(kept['ends']) &&
    Array.isArray(kept['metricIds']) &&
    Array.isArray(kept['naming']) &&
    typeof kept['facts'] === 'number'
    ? (kept as unknown as ReportHead)
    : undefined
}

/**
 * The facts of a metric of the summary of a kept unit, read alone from the file of its facts by
 * metric where `head` says they stand; undefined when they cannot be read, or are not those its
 * digest was made of (the file changed since, by hand).
 */
export function readMetricFacts(file: string, head: KeptSlices, metric: string): CollectionFact[] | undefined {
  const at = Object.keys(head.factDigests).indexOf(metric)
  const [start, end] = [at === 0 ? 0 : head.ends[at - 1], head.ends[at]]
  const digest = head.factDigests[metric]
  if (at < 0 || start === undefined || end === undefined || digest === undefined || end < start) return undefined
  let fd: number | undefined
  try {
    fd = openSync(byMetricFile(file), 'r')
    const bytes = Buffer.alloc(end - start)
    if (readSync(fd, bytes, 0, bytes.length, start) !== bytes.length) return undefined
    const json = bytes.toString('utf8')
    if (factsDigest(json) !== digest) return undefined
    const facts = JSON.parse(json) as unknown
    return Array.isArray(facts) ? (facts as CollectionFact[]) : undefined
  } catch {
    return undefined
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** Whether the summary of a kept unit is kept too. */
export function hasSummary(file: string): boolean {
  return existsSync(summaryFile(file))
}

/** A report's rows of the site's table, and the file of their lines of the site's facts.csv. */
export interface ReportRows {
  rows: readonly SiteRow[]
  /**
   * The lines, copied into the site's table as bytes: read as text, the lines of ten thousand
   * reports were a gigabyte of strings made and let go while the table was written.
   */
  csvFile: string
}

/** Whether the rows of a kept unit are kept too: they are read only when the site's table is written again. */
export function hasRows(file: string): boolean {
  return existsSync(rowsFile(file)) && existsSync(rowsCsvFile(file))
}

/** The rows of the site's table a kept unit's report gives, and their CSV lines; undefined when they are not kept. */
export function readRows(file: string): ReportRows | undefined {
  try {
    const rows = JSON.parse(readFileSync(rowsFile(file), 'utf8')) as unknown
    const lines = rowsCsvFile(file)
    return Array.isArray(rows) && existsSync(lines) ? { rows: rows as SiteRow[], csvFile: lines } : undefined
  } catch {
    return undefined
  }
}

/**
 * Keep a unit, its summary apart, and its rows (as JSON and CSV); the unit last, so that a unit
 * found always has its summary and rows. Written synchronously: a worker that waits on the thread
 * pool is a core left idle.
 */
export function writeUnit(file: string, unit: ReportUnit, rows: KeptRows): void {
  mkdirSync(path.dirname(file), { recursive: true })
  writeWholeSync(rowsFile(file), rows.json)
  writeWholeSync(rowsCsvFile(file), rows.csv)
  if (unit.summary) {
    writeWholeSync(summaryFile(file), JSON.stringify(unit.summary))
    const { head, byMetric } = keptHead(unit.summary)
    writeWholeSync(byMetricFile(file), byMetric)
    writeWholeSync(headFile(file), JSON.stringify(head))
  }
  keepUnit(file, unit)
}

/** Keep a unit whose summary and rows are kept already: its head alone. */
export function keepUnit(file: string, unit: ReportUnit): void {
  const { summary: _summary, ...head } = unit
  writeWholeSync(file, JSON.stringify({ unit: head }))
}
