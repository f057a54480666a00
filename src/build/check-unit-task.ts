import type { Registry, SourceText } from '../model/compiled.js'
import { keepUnit, type CheckUnitDone } from './check-unit-file.js'
import { compiledRegistry } from './registry-memo.js'
import { renderUnit } from './report-unit.js'

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

/** Compile a report as a check does (no file rendered) and keep its unit at `place`. */
export function checkUnit(source: SourceText, registry: Registry, place: string): CheckUnitDone {
  const { summary, ...head } = renderUnit(source, registry, []).unit
  return keepUnit(place, head, summary) || !summary ? { head } : { head, summary }
}

/** checkUnit on a thread, with the registry as the environment reads it there. */
export function runCheckUnitTask(task: CheckUnitTask): CheckUnitDone {
  const registry = compiledRegistry(task.registry, task.environment, { folder: task.cacheFolder, reuse: true })
  if (!registry) throw new Error('the registry must be valid before reports are checked')
  return checkUnit(task.source, registry, task.place)
}
