import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { copyWholeSync, markUsed, readKept, writeWholeSync } from '../cache/cache-folder.js'
import { isUnit, readUnit, summaryFile } from './build-cache.js'
import type { ReportSummary, ReportUnit } from './report-unit.js'

/** What a report says on its own, and where it is kept; its summary only when it could not be kept. */
export interface CheckUnitDone {
  head: ReportUnit
  summary?: ReportSummary
  place: string
}

/** Where a check keeps the unit of a key, apart from a build's units. */
export const unitPlace = (folder: string, key: string) =>
  path.join(folder, 'checked', 'units', key.slice(0, 2), `${key}.json`)

/**
 * A unit kept by an earlier check, marked as used now (pruning keeps it by when it was last
 * used); undefined when there is none, or its summary is gone.
 */
export function keptUnit(file: string): ReportUnit | undefined {
  const unit = readKept(file)
  if (!isUnit(unit)) return undefined
  if (unit.summaryDigest !== undefined && !existsSync(summaryFile(file))) return undefined
  markUsed(unit.summaryDigest === undefined ? [file] : [file, summaryFile(file)])
  return unit
}

/** Keep a unit, its summary apart, read when the rules across reports come to it; false when the cache cannot be written to. */
export function keepUnit(file: string, head: ReportUnit, summary: ReportSummary | undefined): boolean {
  return keptWith(file, head, summary && ((to) => writeWholeSync(to, JSON.stringify(summary))))
}

/** Keep a unit at `file`, its summary first, written by `writeSummary`: a unit found always has its summary. */
function keptWith(file: string, head: ReportUnit, writeSummary: ((to: string) => void) | undefined): boolean {
  try {
    mkdirSync(path.dirname(file), { recursive: true })
    writeSummary?.(summaryFile(file))
    writeWholeSync(file, JSON.stringify(head))
    return true
  } catch {
    return false
  }
}

/**
 * What a check would keep of a report, made from the unit a build kept of it (`built`, for the same
 * factmark, registry and report bytes), and kept at `place`: a build compiles each report as a
 * check does, then renders its files, which add no message. The check's unit is the build's
 * without its files, and without the levels its page asked for, as a check renders no page; its
 * summary is the build's, copied as it is (the same bytes: see keepUnit), and read only if the
 * rules across reports are made again. Undefined when there is no such unit, its summary is gone,
 * its files could not be rendered (a check does not render them, so would not say so), or the
 * cache cannot be written to. A check after a build compiles nothing.
 */
export function unitOfBuild(built: string, place: string): ReportUnit | undefined {
  const unit = readUnit(built)
  if (!unit || unit.emitFailure !== undefined) return undefined
  // Spread in the same order as a check's own unit, so that what is kept is the same bytes.
  const { files: _files, ...head } = { ...unit, ...(unit.levels && { levels: [] }) }
  const copy = unit.summaryDigest === undefined ? undefined : (to: string) => copyWholeSync(summaryFile(built), to)
  return keptWith(place, head, copy) ? head : undefined
}
