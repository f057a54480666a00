import { contentDigest } from '../cache/cache-folder.js'
import type { Registry, SourceText } from '../model/compiled.js'
import { unitKey } from './build-cache.js'
import { keepUnit, unitPlace, type CheckUnitDone } from './check-unit-file.js'
import { compiledRegistry } from './registry-memo.js'
import { renderUnit } from './report-unit.js'
import { readTaskSource, type TaskSource } from '../load/task-source.js'

/** One report for a check to compile and keep, in plain data so that it crosses to a thread. */
export interface CheckUnitTask {
  source: TaskSource
  registry: SourceText
  /** The check's environment (see checkUnits): with the report's bytes, the key its unit is kept by. */
  environment: string
  cacheFolder: string
}

/**
 * Read a report and compile it as a check does (no file rendered), and keep its unit by the
 * bytes read: a report saved again since the check read it for its digest is kept as it now is.
 */
export function checkUnit(task: Omit<CheckUnitTask, 'registry'>, registry: Registry): CheckUnitDone {
  const source = readTaskSource(task.source)
  const place = unitPlace(task.cacheFolder, unitKey(task.environment, source, contentDigest(source.text)))
  const { summary, ...head } = renderUnit(source, registry, []).unit
  return keepUnit(place, head, summary) || !summary ? { head, place } : { head, summary, place }
}

/** checkUnit on a thread, with the registry as the environment reads it there. */
export function runCheckUnitTask(task: CheckUnitTask): CheckUnitDone {
  const registry = compiledRegistry(task.registry, task.environment, { folder: task.cacheFolder, reuse: true })
  if (!registry) throw new Error('the registry must be valid before reports are checked')
  return checkUnit(task, registry)
}
