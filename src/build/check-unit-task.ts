import type { SourceText } from '../model/compiled.js'
import { keepUnit } from './check-unit-file.js'
import { compiledRegistry } from './registry-memo.js'
import { renderUnit, type ReportSummary, type ReportUnit } from './report-unit.js'

/** One report for a check to compile and keep, in plain data so that it crosses to a thread. */
export interface CheckUnitTask {
  source: SourceText
  registry: SourceText
  /** The check's environment (see checkUnits): with the report's bytes, the key its unit is kept by. */
  environment: string
  /** Where its unit is kept (see unitPlace). */
  place: string
  cacheFolder: string
}

/** What a report says on its own; its summary only when it could not be kept. */
export interface CheckUnitDone {
  head: ReportUnit
  summary?: ReportSummary
}

/** Compile a report as a check does (no file rendered) and keep its unit. */
export function runCheckUnitTask(task: CheckUnitTask): CheckUnitDone {
  const registry = compiledRegistry(task.registry, task.environment, { folder: task.cacheFolder, reuse: true })
  if (!registry) throw new Error('the registry must be valid before reports are checked')
  const { summary, ...head } = renderUnit(task.source, registry, []).unit
  return keepUnit(task.place, head, summary) || !summary ? { head } : { head, summary }
}
