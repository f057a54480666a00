import { createHash } from 'node:crypto'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { keepJson, markUsed, readKept } from '../cache/cache-folder.js'
import { factmarkDigest } from '../cache/factmark-digest.js'
import { spillFolder } from '../cache/spill-folder.js'
import type { LoadedRegistry } from '../load/registry.js'
import type { CompileInput, Coverage, Diagnostic, Registry } from '../model/compiled.js'
import { acrossKey, allCoverage, allDiagnostics, readAcross, type AcrossMessages } from './across-memo.js'
import { environmentKey, isObject, readSummary, unitFile, unitKey } from './build-cache.js'
import { keptUnit, unitOfBuild, unitPlace, type CheckUnitDone } from './check-unit-file.js'
import { checkUnit } from './check-unit-task.js'
import { readingSource, type TaskSource } from '../load/task-source.js'
import { crossReport, type CrossReportInput } from './cross-report.js'
import { SummaryUnreadable } from './summary-unreadable.js'
import { mendedOnce } from './mended-once.js'
import type { ReportSummary, ReportUnit } from './report-unit.js'
import { tightHeap } from './tight-heap.js'
import { checkRunner } from './unit-pool.js'
import { unitPool } from './compact-unit.js'
import type { OnCompiled } from '../compile/compile-sources.js'
import { factBudget } from './whole-collection.js'

/** What a check says of its sources. */
export interface CheckedUnits {
  diagnostics: Diagnostic[]
  coverage: Coverage[]
  /** How many facts each report that compiled publishes, by its path. */
  factsOf: Record<string, number>
  /**
   * Set when a report compiled was not the bytes whose digest the check was given (saved again
   * meanwhile): what the check says is of the newer bytes, not to be kept under the older digests.
   */
  changedMeanwhile?: true
}

/** The sources of a check by units: each report by its file, read when it is compiled. */
export type CheckInput = Omit<CompileInput, 'reports'> & { reports: readonly TaskSource[]; checkUnusedMetrics: boolean }

/**
 * Check the sources report by report, as a build compiles them: what each report says on its own
 * is kept in the cache by a digest of factmark, the registry and the report's path and bytes, so
 * that a check after an edit compiles the reports edited alone; the rules across reports are
 * then made from the reports' summaries, read one at a time, as a build makes them. Nothing is
 * rendered, and no report's text is held longer than it takes to compile it. The registry must be
 * valid (see checkedRegistry); the messages are those checkWithRegistry gives, in the same order.
 * `digests` are those of the reports' bytes, in order.
 */
export async function checkUnits(
  input: CheckInput,
  loaded: LoadedRegistry & { registry: Registry },
  cacheFolder: string,
  digests: readonly string[],
  options: { threads?: number; onCompiled?: OnCompiled } = {}
): Promise<CheckedUnits> {
  // Units that render no file, kept apart from a build's: another environment is other keys.
  const environment = createHash('sha256')
    .update(factmarkDigest(cacheFolder))
    .update(`\0check\0${input.registry.path}\0`)
    .update(input.registry.text)
    .digest('hex')
  // Each report by the digest of its bytes (see contentDigest), made once for the check's own key.
  const files = input.reports.map((source, index) =>
    unitPlace(cacheFolder, unitKey(environment, source, digests[index] ?? ''))
  )
  // The summaries that could not be kept (a cache folder that cannot be written to) are held here.
  const held = new Map<number, ReportSummary>()
  // A report that a build of factmark's own files compiled (their key, as buildSite makes it) is not compiled again.
  const built = environmentKey(input.registry, [], cacheFolder)
  const fromBuild = (index: number) => {
    const source = input.reports[index] as TaskSource
    return unitOfBuild(unitFile(cacheFolder, unitKey(built, source, digests[index] ?? '')), files[index] as string)
  }
  // Thousands of units are held until the rules across reports are made, as in a build: see unitPool.
  const pool = unitPool()
  const found = files.map((file, index) => {
    const unit = keptUnit(file) ?? fromBuild(index)
    return unit && pool(unit)
  })
  const missing = found.flatMap((unit, index) => (unit ? [] : [index]))
  // Many reports to compile are compiled on both cores, as a build compiles them.
  const runner = checkRunner(missing.length, options.threads)
  let compiledCount = 0
  // The report is kept by the bytes its compiler read (see checkUnit).
  const compile = (index: number) => {
    const task = { source: input.reports[index] as TaskSource, environment, cacheFolder }
    return readingSource(task.source, () => checkUnit(task, loaded.registry))
  }
  // The reports compiled from other bytes than those of the digests given.
  const changed = new Set<number>()
  const kept = (index: number, done: CheckUnitDone) => {
    if (done.place !== files[index]) changed.add(index)
    files[index] = done.place
    if (done.summary) held.set(index, done.summary)
  }
  const compiled = async (index: number): Promise<ReportUnit> => {
    const source = input.reports[index] as TaskSource
    const done = runner
      ? await runner.run({ source, registry: input.registry, environment, cacheFolder })
      : await compile(index)
    kept(index, done)
    options.onCompiled?.(++compiledCount, missing.length)
    return pool(done.head)
  }
  let units: ReportUnit[]
  try {
    units = await Promise.all(found.map((unit, index) => (unit ? Promise.resolve(unit) : compiled(index))))
  } finally {
    await runner?.close()
  }
  const skipped = input.skipped ?? []
  const summaryOf = (index: number) => {
    const summary = held.get(index) ?? readSummary(files[index] as string)
    return summary && pool.summary(summary)
  }
  const memo = path.join(
    cacheFolder,
    'checked',
    'across',
    // A check takes its conclusions as they are: kept by where each report's facts stand too.
    `${acrossKey(environment, skipped, input.checkUnusedMetrics, units, true)}.json`
  )
  const madeAcross = async (): Promise<CheckedAcross> => {
    const across = { units, summaryOf, loaded, skipped, checkUnusedMetrics: input.checkUnusedMetrics }
    // As in a build once its threads are done: what the rules make of each summary is garbage at once.
    const loosen = tightHeap()
    try {
      // A summary changed by hand since it was kept (the cache writes each file whole): each such
      // report is compiled again to keep it, and the rules start over.
      return await mendedOnce(
        () => acrossOf(across, cacheFolder),
        (error) => error instanceof SummaryUnreadable,
        async () => {
          for (const [index, unit] of units.entries())
            if (unit.summaryDigest !== undefined && !summaryOf(index)) kept(index, await compile(index))
        }
      )
    } finally {
      loosen()
    }
  }
  let conclusions = keptAcross(memo)
  if (!conclusions) {
    // What a build of the same collection concluded (its units are the check's: see unitOfBuild).
    conclusions =
      builtAcross(cacheFolder, acrossKey(built, skipped, input.checkUnusedMetrics, units), units) ??
      (await madeAcross())
    try {
      keepJson(memo, conclusions)
    } catch {
      // Made again next time.
    }
  }
  const { messages, factsOf } = conclusions
  return {
    diagnostics: allDiagnostics(units, messages),
    coverage: allCoverage(units, skipped),
    factsOf,
    ...(changed.size > 0 && { changedMeanwhile: true as const })
  }
}

/** The rules across reports, as a build runs them, with what does not fit in memory spilled into the cache meanwhile. */
function acrossOf(input: Omit<CrossReportInput, 'budget' | 'folder'>, cacheFolder: string): CheckedAcross {
  const spilled = spillFolder(cacheFolder)
  try {
    const { published, messages } = crossReport(
      { ...input, budget: factBudget(), folder: spilled },
      // The series are what a build publishes; a check reads only the messages made with them.
      () => undefined
    )
    return {
      messages,
      factsOf: Object.fromEntries(published.map(({ report }) => [report.path, report.bundle.facts.length]))
    }
  } finally {
    rmSync(spilled, { recursive: true, force: true })
  }
}

/** What the rules across reports said of a collection, and how many facts each of its reports publishes. */
interface CheckedAcross {
  messages: AcrossMessages
  factsOf: Record<string, number>
}

/**
 * The conclusions of the rules across reports a build kept for a key (see AcrossMemo), as a check
 * keeps them; undefined when there are none, when what is kept is not such conclusions, or when
 * they were made of other summaries than the units': a build keeps them by the shape of each
 * summary, and moves them when facts only moved, which a check does not.
 */
function builtAcross(cacheFolder: string, key: string, units: readonly ReportUnit[]): CheckedAcross | undefined {
  const memo: unknown = readAcross(cacheFolder, key)
  if (!isObject(memo) || !isObject(memo['messages']) || !Array.isArray(memo['published'])) return undefined
  const made: unknown = memo['made']
  const same =
    Array.isArray(made) &&
    made.length === units.length &&
    units.every((unit, index) => {
      const entry: unknown = made[index]
      return Array.isArray(entry) && entry[0] === (unit.summaryDigest ?? null)
    })
  if (!same) return undefined
  const messages = memo['messages']
  const counts = (memo['published'] as unknown[]).map((entry) => {
    const report = isObject(entry) ? entry['report'] : undefined
    return isObject(report) && typeof report['path'] === 'string' && typeof report['factCount'] === 'number'
      ? ([report['path'], report['factCount']] as const)
      : undefined
  })
  const known = counts.filter((count) => count !== undefined)
  const whole =
    Array.isArray(messages['registry']) &&
    Array.isArray(messages['skipped']) &&
    isObject(messages['reports']) &&
    known.length === counts.length
  if (!whole) return undefined
  return { messages: messages as unknown as AcrossMessages, factsOf: Object.fromEntries(known) }
}

/**
 * The conclusions of the rules across reports kept for a key (see acrossKey: it covers all they
 * read), marked as used now; undefined when there are none. An edit that moves no fact (a sentence
 * added at the end, a typo mended) takes them, and reads no report's facts.
 */
function keptAcross(file: string): CheckedAcross | undefined {
  const kept: unknown = readKept(file)
  if (!isObject(kept) || !isObject(kept['factsOf']) || !isObject(kept['messages'])) return undefined
  markUsed([file])
  return kept as unknown as CheckedAcross
}
