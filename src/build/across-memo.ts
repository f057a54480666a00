import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { PublishedLevel } from '../emit/html/collection-lookup.js'
import type { Coverage, Diagnostic, SkippedSource } from '../model/compiled.js'
import type { PublishedReport } from './build-result.js'
import { writeWholeSync } from './build-cache.js'
import type { ReportUnit } from './report-unit.js'

/**
 * What the rules across reports concluded over a collection, kept by a digest of everything they
 * read of it (see acrossKey). A build whose collection is one seen before, as after an edit that
 * moves no figure, takes the conclusions from here: it reads neither the reports' facts nor the
 * registry, and makes no series.
 */
export interface AcrossMemo {
  diagnostics: Diagnostic[]
  coverage: Coverage[]
  /** The reports published, by their place among the units. */
  published: Array<{ index: number; report: PublishedReport }>
  /** Each level the reports' pages asked for, by levelKey, with the collection's answer (null: none). */
  levels: Array<[string, PublishedLevel | null]>
  /** The paths of the site's own files (series, taxonomy, schemas, catalog). */
  site: string[]
}

/**
 * The digest of what the rules across reports read: factmark and the registry (the environment),
 * the paths skipped, whether unused metrics are looked for, and of each unit, in order, all but
 * its files and page, its summary by digest.
 */
export function acrossKey(
  environment: string,
  skipped: readonly SkippedSource[],
  checkUnusedMetrics: boolean,
  units: readonly ReportUnit[]
): string {
  const hash = createHash('sha256')
    .update(environment)
    .update(JSON.stringify([skipped, checkUnusedMetrics]))
  for (const unit of units) {
    const { path: shown, coverage, metrics, diagnostics, slugPlace, fatal, summaryDigest } = unit
    hash.update(
      JSON.stringify([shown, coverage, metrics, diagnostics, slugPlace, fatal ?? false, summaryDigest ?? null])
    )
  }
  return hash.digest('hex')
}

function memoFile(folder: string, key: string): string {
  return path.join(folder, 'across', `${key}.json`)
}

/** The conclusions kept for a key, or undefined when there are none (or they cannot be read). */
export function readAcross(folder: string, key: string): AcrossMemo | undefined {
  try {
    return JSON.parse(readFileSync(memoFile(folder, key), 'utf8')) as AcrossMemo
  } catch {
    return undefined
  }
}

export function writeAcross(folder: string, key: string, memo: AcrossMemo): void {
  const file = memoFile(folder, key)
  mkdirSync(path.dirname(file), { recursive: true })
  writeWholeSync(file, JSON.stringify(memo))
}
