import { createHash, randomUUID } from 'node:crypto'
import { utf8Bytes } from '../emit/utf8-bytes.js'
import {
  closeSync,
  copyFileSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
  type Stats
} from 'node:fs'
import path from 'node:path'
import { levelKey, type LevelQuery, type PublishedLevel } from '../emit/html/collection-lookup.js'
import { describedDataset, type DatasetDescription } from '../emit/datapackage.js'
import { manifestOf } from '../emit/manifest.js'
import { sha256 } from '../emit/hash.js'
import { writeJsonFile } from './json-file.js'
import { writeHashedSync } from '../cache/write-pieces.js'
import { fileDigest } from './file-chunks.js'
import type { CompileInput, SourceText } from '../model/compiled.js'
import { buildResult, fromCompiled, publishedReport, type BuildResult } from './build-result.js'
import { manifestName, siteTableNames } from '../model/site.js'
import {
  hasRows,
  hasSummary,
  readHead,
  readMetricFacts,
  readRows,
  readSummary,
  readUnit,
  unitFile
} from './build-cache.js'
import { headOf as headOfSummary, type ReportHead } from './report-head.js'
import {
  acrossKey,
  allCoverage,
  allDiagnostics,
  readAcross,
  readMetricsMemo,
  writeAcross,
  writeMetricsMemo,
  type AcrossMemo
} from './across-memo.js'
import {
  isRecordedFile,
  readRecord,
  spareTree,
  forgetRecord,
  writeRecord,
  writtenAs,
  writtenStats,
  type BuildRecord,
  type RecordedFile,
  type SeenFile
} from './build-record.js'
import { handEdits, type HandEdits } from './hand-edits.js'
import { defaultFactsHeld, type SiteBuildOptions, type SiteBuildOutcome } from './site-build.js'
import { unitPool } from './compact-unit.js'
import { spillFolder } from '../cache/spill-folder.js'
import { pruneCache } from '../cache/prune-cache.js'
import { publishTree, type RecoveryResult } from './publish.js'
import { checkArtifacts } from './check-artifacts.js'
import { reportDownloads } from './report-downloads.js'
import type { LevelAsked, ReportSummary, ReportUnit, UnitFile } from './report-unit.js'
import type { SiteFile } from './site-files.js'
import type { WholeCollection } from './whole-collection.js'
import { SummaryUnreadable } from './summary-unreadable.js'
import { mendedOnce } from './mended-once.js'
import { tableThread, unitRunner, type UnitRunner } from './unit-pool.js'
import { rowGroupKeys, type TableTask, type TableWriter } from './table-task.js'
import { writeSiteCsv, writeSiteDataPackage } from './site-csv-file.js'
import { rowGroupsFolder } from '../cache/row-groups-folder.js'
import { registryOf } from './registry-memo.js'
import { checkedRegistry } from '../cache/checked-registry.js'
import type { LoadedRegistry } from '../load/registry.js'
import { tightHeap } from './tight-heap.js'
import { madeOf, movedMemo, movesKept, relocateSeries, type Moves } from './relocation.js'
import {
  heldInputs,
  inputsMoved,
  madeDigest,
  metricKey,
  movedSeriesKey,
  readMetricInputs,
  writeMetricInputs,
  type MetricInputs
} from './metric-inputs.js'
import { isNodeError } from '../model/node-error.js'
import { plural } from '../model/plural.js'
import type { UnitTask } from './unit-task.js'
import { sourcesOf } from '../load/source-input.js'
import { taskSourceOf } from '../load/task-source.js'

// A process that builds again and again (watch) keeps the last build's units: the next build
// takes them from memory rather than from the cache's files. They are keyed like the cache, so
// they are never stale; only the last build's are kept, so memory stays bounded. (The registry is
// kept the same way: see registryOf.)
let remembered = new Map<string, ReportUnit>()

/** What buildSite found before it had to compile: the sources, their keys and the last build's record. */
export interface StageContext {
  options: SiteBuildOptions
  input: CompileInput
  /** Each report read: its file and the digest of its bytes, by its path. */
  digests: ReadonlyMap<string, { file: string; digest: string }>
  /** The reports' files as this build saw them, for the record (see SeenFile). */
  seen: Record<string, SeenFile>
  /** Each report's unit key, in input order; a report that changed while it was read gets its new key. */
  keys: string[]
  environment: string
  record: BuildRecord | undefined
  skipped: Array<[string, string]>
  problemsOf: (result: BuildResult) => string | undefined
}

/** Why the staging of a build stopped: its sources may not be published, or a file could not be rendered. */
class Unpublishable extends Error {
  constructor(
    readonly reason: 'invalid' | 'emit',
    readonly result: BuildResult,
    message: string
  ) {
    super(message)
  }
}

/**
 * Load the modules a build that stages the site imports only when it needs them, so that a
 * process that builds again and again (watch) has them when the first save comes.
 */
export async function loadStageModules(): Promise<void> {
  await Promise.all([import('./whole-collection.js'), import('./site-files.js'), import('./site-dataset-files.js')])
}

/**
 * Start the thread that writes the table of every fact, kept by `workers` (watch) for its builds,
 * when a collection of `reports` reports would ask for it: it loads the Parquet writer as it
 * starts, which the first save would otherwise wait for.
 */
export function startTableWriter(workers: UnitRunner, reports: number): void {
  if (reports >= fewestForTableThread) workers.tableWriter?.()
}

/**
 * Compile what changed, stage the site beside the output folder and swap it in (see buildSite).
 */
export async function stageSite(context: StageContext): Promise<SiteBuildOutcome> {
  const { options, input, digests, seen, keys, environment, record, skipped, problemsOf } = context
  const { out, cache } = options
  const checkUnusedMetrics = !options.files || options.files.length === 0
  // As `check` keeps it in the cache, when the cache may be read: parsing its YAML took 0.09 s of a
  // build after a figure was corrected in one of a thousand reports.
  let loaded: LoadedRegistry | undefined
  const loadedRegistry = () =>
    (loaded ??= cache.reuse ? checkedRegistry(input.registry, cache) : registryOf(input.registry, environment))
  // A build recorded over this environment had this very registry, and published: it is valid.
  if (!record && !loadedRegistry().registry) {
    // Nothing can be published; the reports are read again to say all that is wrong with them.
    const { compileSources } = await import('../compile/compile-sources.js')
    const compiled = compileSources({
      ...(await sourcesOf({ src: options.src, cwd: options.cwd, ...(options.files && { files: options.files }) })),
      checkUnusedMetrics
    })
    const result = fromCompiled(compiled)
    return {
      ok: false,
      reason: 'invalid',
      result,
      message: `the sources have ${problemsOf(result) ?? 'errors'}`,
      restored: false
    }
  }
  // What each report's folder offers, as its page and the catalog list it.
  const offered = options.reportFiles?.map(({ emit: _emit, ...file }) => file) ?? reportDownloads
  // Set while this thread makes the site alone, from the rules across reports to the record of the
  // build, which lists every file of the site (76,000 at 10,000 reports): see tightHeap.
  let loosen: (() => void) | undefined
  try {
    let built: Staged | undefined
    let published: RecoveryResult
    try {
      published = await publishTree(
        out,
        async (root, written, reused) => {
          built = await stage(root, written, reused)
        },
        {
          check: options.check,
          ...(options.onPublishStep && { onStep: options.onPublishStep }),
          // A cold build stages into an empty folder, as it always has.
          ...(cache.reuse && { spare: spareTree(cache.folder, out), fresh: () => freshFiles(built) })
        }
      )
    } catch (error) {
      if (error instanceof Unpublishable)
        return { ok: false, reason: error.reason, result: error.result, message: error.message, restored: false }
      throw error
    }
    const { result, entries, keyed, linked, across, rowGroups, modified: unlike } = built as Staged
    const modified = modifiedByHand(unlike, cache.folder, out, record)
    const stats = recordedStats(out, entries, record, linked)
    // The site is published: a record that cannot be kept (a cache that cannot be written) leaves
    // it as it is, and the next build, finding none, checks the output folder against the units.
    let unrecorded: string | undefined
    try {
      writeRecord(
        cache.folder,
        out,
        {
          environment,
          sources: input.reports.map((source, index) => [source.path, keys[index] ?? '']),
          skipped,
          across,
          rowGroups,
          files: Object.fromEntries(
            entries.map((entry) => {
              const key = keyed.get(entry.path)
              return [
                entry.path,
                {
                  bytes: entry.bytes,
                  sha256: entry.sha256,
                  ...(stats.get(entry.path) ?? { mtimeMs: 0 }),
                  ...(key && { key })
                }
              ]
            })
          ),
          seen
        },
        { diagnostics: result.diagnostics, coverage: result.coverage, reports: result.reports }
      )
    } catch (error) {
      if (!isNodeError(error)) throw error
      unrecorded = error.message
      forgetRecord(cache.folder, out)
    }
    // What no build uses any more is let go once it has been left alone a while; once an hour at most.
    pruneCache(cache.folder)
    options.clock.lap('publish')
    return {
      ok: true,
      result,
      files: entries.map((entry) => entry.path).sort(),
      restored: published.restored,
      unchanged: false,
      ...(unrecorded !== undefined && { unrecorded }),
      ...(modified.length > 0 && { modified })
    }
  } finally {
    loosen?.()
  }

  async function stage(root: string, written: () => Promise<void>, reused: boolean): Promise<Staged> {
    const pool = unitPool()
    const place: Place = {
      record,
      out,
      dev: deviceOf(out),
      root,
      linked: new Map(),
      modified: new Set(),
      edits: handEdits(out, record)
    }
    // Where a collection too large to hold waits meanwhile (see FactGroups); this build's own.
    const spilled = spillFolder(cache.folder)
    const found = keptUnits(keys, cache, pool)
    // An earlier tree keeps only the folders of the reports taken as they are; see keepFolders.
    if (reused) keepFolders(root, found)
    // Threads kept by the caller (watch) stay for its next build; this build's own stop when their work is done.
    const runnerFor = (tasks: number): UnitRunner =>
      options.workers
        ? { ...options.workers, close: () => Promise.resolve() }
        : unitRunner(tasks, {
            ...(options.threads !== undefined && { threads: options.threads }),
            ...(options.reportFiles && { files: options.reportFiles })
          })
    const runner = runnerFor(found.filter((unit) => unit === undefined).length)
    // The thread that writes the table of `reports` reports beside this one (see stageDataset): the
    // watch's own, kept from build to build, or one of this build's. One thread compiling asks for
    // no other.
    const tableWriterFor = (reports: number): TableWriter | undefined => {
      if (reports < fewestForTableThread) return undefined
      const kept = options.workers?.tableWriter?.()
      if (kept) return { ...kept, close: () => Promise.resolve() }
      return options.threads === undefined || options.threads > 1 ? tableThread() : undefined
    }
    let late: UnitRunner | undefined
    // The digest of the bytes each report's unit was made of: those this build read, unless its
    // task read others, saved meanwhile. A task that adds to what is staged of a report (its page
    // drawn again, its unit kept again) must read the same bytes, or fail (see TaskSource).
    const compiledFrom = new Map([...digests].map(([shown, { digest }]) => [shown, digest]))
    const taskOf = (index: number, extra: Partial<UnitTask> = {}): UnitTask => {
      const source = input.reports[index] as SourceText
      const pinned = extra.pageOnly === true || extra.keepOnly === true
      return {
        source: taskSourceOf(source, digests, pinned ? compiledFrom.get(source.path) : undefined),
        registry: input.registry,
        environment,
        root,
        cacheFolder: cache.folder,
        reuse: cache.reuse,
        ...extra
      }
    }
    try {
      const compiling = new Map<number, Promise<ReportUnit>>()
      let compiled = 0
      const compile = (index: number, on: UnitRunner) =>
        compiling.set(
          index,
          on.run(taskOf(index)).then((done) => {
            keys[index] = done.key
            compiledFrom.set((input.reports[index] as SourceText).path, done.digest)
            // Every task is handed out before the first is done: `compiling` holds them all by then.
            options.onCompiled?.(++compiled, compiling.size)
            return pool(done.unit)
          })
        )
      // The reports to compile go to the threads first, and compile while the others' files are
      // taken from the output folder as the last build recorded them, or else where the tree
      // staged into or the output folder holds them as written (a build interrupted after it
      // compiled them, or after it published them but before it recorded them; the output folder
      // deleted); the others compile too, on threads of their own when the first were too few to
      // start any.
      for (const [index, unit] of found.entries()) if (!unit) compile(index, runner)
      const taken = (files: readonly UnitFile[]) =>
        linkFiles(files, place) || (reused && holdsAsWritten(root, files)) || linkVerified(files, place)
      const stale = found.flatMap((unit, index) => (unit?.files !== undefined && !taken(unit.files) ? [index] : []))
      if (stale.length > 0 && runner.inThisThread) late = runnerFor(stale.length)
      for (const index of stale) compile(index, late ?? runner)
      const units = await Promise.all(
        found.map((unit, index) => compiling.get(index) ?? Promise.resolve(unit as ReportUnit))
      )
      // A report compiled again writes its files anew, over any edit made to them by hand.
      noteEdits(
        [...compiling.keys()].flatMap((index) => units[index]?.files ?? []),
        place
      )
      await written()
      // The threads are done: their heaps go back before the rules across reports and the site's own files.
      await Promise.all([runner.close(), late?.close()])
      options.clock.lap(compileStep(compiling.size, units.length, [runner, late]))
      loosen = tightHeap()
      // The rules across reports, as a build of the same collection concluded them, or anew from
      // every report's summary and the registry (see AcrossMemo).
      const skippedSources = input.skipped ?? []
      const memoKey = acrossKey(environment, skippedSources, checkUnusedMetrics, units)
      // Those of a collection of this shape, with the facts that moved since where they now stand.
      const moved = cache.reuse ? keptConclusions(cache.folder, memoKey, units, keys) : undefined
      const memo = moved?.memo
      // The reports whose summaries or rows were lost from the cache since their units were read
      // (or kept in memory) are compiled again, to keep them.
      const keepAgain = async (lost: readonly number[]): Promise<void> => {
        if (lost.length === 0) return
        const again = runnerFor(lost.length)
        try {
          for (const index of lost) keys[index] = (await again.run(taskOf(index, { keepOnly: true }))).key
        } finally {
          await again.close()
        }
      }
      // With the summaries read, by the place of their units, when the process keeps them (see remembered).
      type Whole = WholeCollection & { summaries: ReadonlyArray<ReportSummary | undefined> }
      let whole: Whole | undefined
      const wholeCollection = async (): Promise<Whole> => {
        if (whole) return whole
        const fileOf = (index: number) => unitFile(cache.folder, keys[index] ?? '')
        // The summaries lost from the cache since their units were read are kept again first.
        await keepAgain(
          units.flatMap((unit, index) => (readFromCache(unit) && !hasSummary(fileOf(index)) ? [index] : []))
        )
        // A process that keeps its threads (watch) keeps the summaries it reads too (see remembered).
        const summaries: Array<ReportSummary | undefined> = []
        const summaryOf = (index: number): ReportSummary | undefined => {
          const unit = units[index] as ReportUnit
          const read = unit.summary ? undefined : readSummary(fileOf(index))
          const summary = unit.summary ?? (read && pool.summary(read))
          if (options.workers) summaries[index] = summary
          return summary
        }
        // The head of each summary, read alone when it is kept (see ReportHead).
        const headOf = (index: number): ReportHead | undefined => {
          const unit = units[index] as ReportUnit
          const kept = unit.summary ? undefined : readHead(fileOf(index))
          if (kept) return pool.head(kept)
          const summary = summaryOf(index)
          return summary && headOfSummary(summary)
        }
        const { wholeCollection: collectionOf } = await import('./whole-collection.js')
        // What the last build concluded of each metric: those whose facts are the same are taken
        // from there (see KeptConclusions).
        const last = cache.reuse && place.record?.across !== undefined ? place.record.across : undefined
        const lastMetrics = last === undefined ? undefined : readMetricsMemo(cache.folder, last)
        // With the keys of each metric, and the moves of their facts, since (see MetricInputs).
        const lastInputs = lastMetrics && readMetricInputs(cache.folder, last ?? '')
        const inputsSince = lastInputs?.base === lastMetrics?.base ? lastInputs : undefined
        const collection = () =>
          collectionOf({
            units,
            summaryOf,
            headOf,
            metricFactsOf: (index, kept, metric) => readMetricFacts(fileOf(index), kept, metric),
            loaded: loadedRegistry(),
            skipped: skippedSources,
            checkUnusedMetrics,
            ...(options.factsHeld !== undefined && { factsHeld: options.factsHeld }),
            folder: spilled,
            metricKey: (inputs) => metricKey(environment, inputs),
            ...(lastMetrics && {
              kept: {
                metrics: new Map(
                  lastMetrics.metrics.map((metric) => {
                    const key = inputsSince ? (inputsSince.metrics[metric.id]?.key ?? '') : metric.key
                    return [metric.id, { ...metric, key }]
                  })
                ),
                levels: new Map(lastMetrics.levels),
                moves: inputsSince?.moves.map(movesKept) ?? []
              }
            })
          })
        // A summary changed since it was kept (by hand: the cache writes each file whole): every
        // such one is found, its report compiled again to keep it, and the rules start over.
        const made = await mendedOnce(
          collection,
          (error) => error instanceof SummaryUnreadable,
          async () => {
            await keepAgain(
              units.flatMap((unit, index) => (readFromCache(unit) && !readSummary(fileOf(index)) ? [index] : []))
            )
            rmSync(spilled, { recursive: true, force: true })
          }
        )
        whole = { ...made, summaries }
        return whole
      }
      /** The site's own files, made from the whole collection. */
      const siteFilesOf = async (siteKey: string): Promise<SiteFile[]> => {
        const { siteFiles } = await import('./site-files.js')
        const { reports, series } = await wholeCollection()
        return siteFiles({ reports, registry: loadedRegistry().registry, series, offered, siteKey, environmentKey })
      }
      const { messages, published } = memo ?? conclusionsOf(await wholeCollection())
      const result = publishable(
        buildResult(
          allDiagnostics(units, messages),
          allCoverage(units, skippedSources),
          published.map((entry) => entry.report),
          options.cwd,
          (file) => compiledFrom.get(file)
        ),
        units,
        problemsOf
      )
      options.clock.lap('rules across reports')

      // A page shows levels other reports publish: it is rendered again when the collection answers otherwise.
      const levelsKnown = new Map(memo?.levels)
      const answerOf = async (query: LevelQuery): Promise<PublishedLevel | undefined> => {
        const known = levelsKnown.get(levelKey(query))
        if (known !== undefined) return known ?? undefined
        return (await wholeCollection()).answers.get(levelKey(query))
      }
      const pages = await pagesToRender(published, units, answerOf)
      if (pages.length > 0) {
        const pageRunner = runnerFor(pages.length)
        try {
          await Promise.all(
            pages.map(async ({ index, given }) => {
              const task = taskOf(index, { answers: given, pageOnly: true })
              units[index] = (await pageRunner.run(task)).unit
            })
          )
        } finally {
          await pageRunner.close()
        }
        options.clock.lap(`render ${pages.length} ${plural(pages.length, 'page')} again with levels of other reports`)
      }

      remembered = new Map(
        units.map((unit, index) => {
          // A process that keeps its threads (watch) keeps the summaries it read too: its next
          // build runs the rules across reports without reading them again.
          const summary = options.workers && !unit.summary ? whole?.summaries[index] : undefined
          return [keys[index] ?? '', summary ? { ...unit, summary } : unit]
        })
      )
      const entries: UnitFile[] = published.flatMap(({ index }) => units[index]?.files ?? [])
      const keyed = new Map<string, string>()
      // The collection is made of the published reports' summaries, in order, and of the environment.
      const collectionKey = createHash('sha256')
        .update(environment)
        .update(JSON.stringify(published.map(({ index }) => units[index]?.summaryDigest)))
        .digest('hex')
      // The site's own files are made of the collection and of what each report's folder offers.
      const siteKey = createHash('sha256').update(collectionKey).update(JSON.stringify(offered)).digest('hex')
      const environmentKey = createHash('sha256').update(environment).update(JSON.stringify(offered)).digest('hex')
      const environments = { whole: environment, site: environmentKey }
      // The table of every fact is made of each published report's rows, and its Data Package
      // describes the reports (their titles, say): the digests of both are its key.
      const rowsDigests = published.map(({ index }) => units[index]?.rowsDigest)
      const rowsKey = createHash('sha256').update(collectionKey).update(JSON.stringify(rowsDigests)).digest('hex')
      // The row groups of the table, by the rows they are made of: those of a table taken as it is
      // stay kept too while the record names them, for the next table to take.
      const rowGroups = rowGroupKeys(rowsDigests, environment)
      // The site's own files and the table of every fact, staged into `entries`; the step the
      // table's time goes to.
      const stageOwnFiles = async (): Promise<string> => {
        // The site's own files as the build of the same collection made them, or else the collection
        // they are made of, before the table of every fact is begun (see tableStaging). Those of a
        // collection whose facts moved are taken while the table is written.
        const memoSite = moved?.moves ? undefined : takeMemoSite(memo, siteKey, place, keyed)
        if (!memoSite && !moved?.moves) await wholeCollection()
        const unitFileOf = (index: number) => unitFile(cache.folder, keys[index] ?? '')
        // What the table's Data Package says of the reports, kept with the conclusions or taken from
        // the collection before it is let go.
        let described = memo?.dataset
        const describe = () => (described ??= whole && describedDataset(whole.reports))
        describe()
        const factsHeld = options.factsHeld ?? defaultFactsHeld
        const heldWhole = () => whole?.held ?? (described !== undefined && described.facts <= factsHeld)
        const tableTask = async (): Promise<DatasetTask> => {
          await keepAgain(published.flatMap(({ index }) => (hasRows(unitFileOf(index)) ? [] : [index])))
          const dataset = described ?? describedDataset((await wholeCollection()).reports)
          const task = {
            root: place.root,
            unitFiles: published.map(({ index }) => unitFileOf(index)),
            // A watch keeps the table's cells from build to build, of a collection it may hold whole.
            keep: options.workers !== undefined && dataset.facts <= factsHeld,
            rowGroups: {
              folder: rowGroupsFolder(cache.folder),
              take: cache.reuse,
              salt: environment,
              keys: rowGroups,
              ...(place.record?.rowGroups && { last: place.record.rowGroups })
            }
          }
          return { task, described: dataset }
        }
        // A table written anew while the collection is held whole, or of one small enough to hold
        // that is not made at all, is written on a thread of its own while this one stages the
        // series; one of a collection too large to hold, once its series are let go: at 10,000
        // reports, a table's thread beside conclusions moved took the peak to 454 MB. Rows changed
        // since they were kept, as summaries may be (see wholeCollection above): each such report
        // is compiled again to keep them, and the table is written over.
        const table = tableStaging(
          (writer) =>
            mendedOnce(
              () => stageDataset(place, rowsKey, keyed, tableTask, writer),
              (error) => error === damagedRows,
              () => keepAgain(published.flatMap(({ index }) => (readRows(unitFileOf(index)) ? [] : [index])))
            ),
          () => heldWhole() && !isRecorded(place, datasetFiles, rowsKey) && tableWriterFor(published.length)
        )
        try {
          const taken = memoSite
            ? undefined
            : moved?.moves &&
              (await movedSite({ ...moved, moves: moved.moves }, cache.folder, memoKey, environments, place, keyed))
          const site = memoSite ?? taken?.site
          entries.push(...(site ?? stageSiteFiles(await siteFilesOf(siteKey), place, keyed, result)))
          // Kept for the next build of the same collection, which will not make them again; then the
          // series and the levels they publish are let go before the table of every fact is written.
          const keep = whole ? memoOf(whole, units, keys, siteKey) : moved?.moves && moved.memo
          const memoOfSite = keep && { ...keep, site: keyedSite(entries, keyed), siteKey }
          if (memoOfSite) await keepConclusions(cache.folder, memoKey, memoOfSite, whole, taken?.inputs)
          describe()
          whole = undefined
          options.clock.lap('catalog and series')
          entries.push(...(await table.staged()))
        } finally {
          await table.close()
        }
        return table.step
      }
      const tableStep = await stageOwnFiles()

      // What keepFolders held and the site did not take goes before the tree is published.
      rmSync(heldFolder(root), { recursive: true, force: true })
      options.clock.lap(tableStep)
      // 12 MB at 10,000 reports, with as much again in objects: written a piece at a time.
      const manifest = writeJsonFile(path.join(root, manifestName), manifestOf(entries))
      entries.push({ path: manifestName, bytes: manifest.bytes, sha256: manifest.sha256 })
      if (place.edits.manifestEdited()) place.modified.add(manifestName)
      options.clock.lap('manifest')
      const modified = [...place.modified].sort()
      return { result, entries, keyed, linked: place.linked, across: memoKey, rowGroups, modified }
    } finally {
      await Promise.all([runner.close(), late?.close()])
      rmSync(spilled, { recursive: true, force: true })
    }
  }
}

/** The files of a staged tree written anew, not taken as links to the published ones (see PublishOptions.fresh). */
function freshFiles(built: Staged | undefined): string[] {
  return built ? built.entries.flatMap((entry) => (built.linked.has(entry.path) ? [] : [entry.path])) : []
}

/**
 * The stats the record keeps of each file of the site. A file taken from the output folder is the
 * published one, with the recorded time, as long as it still holds the recorded bytes: one written
 * over since (a page drawn again with other levels, say) is a file of its own, whose stats are read.
 */
function recordedStats(
  out: string,
  entries: readonly UnitFile[],
  record: BuildRecord | undefined,
  linked: ReadonlyMap<string, number>
): Map<string, Pick<RecordedFile, 'mtimeMs' | 'ino'>> {
  const taken = new Map<string, Pick<RecordedFile, 'mtimeMs' | 'ino'>>()
  for (const { path: file, sha256 } of entries) {
    const recorded = record?.files[file]
    const ino = linked.get(file)
    if (recorded?.sha256 === sha256 && ino !== undefined) taken.set(file, { mtimeMs: recorded.mtimeMs, ino })
  }
  const stats = writtenStats(
    out,
    entries.map((entry) => entry.path).filter((file) => !taken.has(file))
  )
  for (const [file, stat] of taken) stats.set(file, stat)
  return stats
}

/**
 * Below this many reports, the table of every fact is written in the build's own thread: another
 * would take longer to start and load its writer than the table takes to write.
 */
const fewestForTableThread = 50

/** Thrown by the table's reader of rows when a report's rows kept in the cache cannot be read (see stageDataset in stage). */
const damagedRows = new Error('rows kept in the cache cannot be read')

/** Whether the rules read a unit's summary from the cache: it has one, not held with it. */
const readFromCache = (unit: ReportUnit) => !unit.summary && unit.summaryDigest !== undefined

/**
 * The units of these keys kept from earlier builds, undefined for each that is not. One kept in
 * memory was pooled when it was read: only those read from the cache are.
 */
function keptUnits(
  keys: readonly string[],
  cache: SiteBuildOptions['cache'],
  pool: (unit: ReportUnit) => ReportUnit
): Array<ReportUnit | undefined> {
  if (!cache.reuse) return keys.map(() => undefined)
  return keys.map((key) => {
    const inMemory = remembered.get(key)
    if (inMemory) return inMemory
    const read = readUnit(unitFile(cache.folder, key))
    return read && pool(read)
  })
}

/**
 * Of the files of the output folder that did not stand as the record read at the start says, those
 * modified by hand: none when another build has recorded since, which published them meanwhile.
 */
function modifiedByHand(unlike: string[], cacheFolder: string, out: string, record: BuildRecord | undefined): string[] {
  if (unlike.length === 0) return unlike
  return readRecord(cacheFolder, out)?.result === record?.result ? unlike : []
}

/** The compile step as a build names it: how many reports were compiled, on how many threads, and how many were kept. */
function compileStep(compiled: number, reports: number, runners: ReadonlyArray<UnitRunner | undefined>): string {
  // Worker threads are named, one as well: a build compiled in its own thread names none.
  const threads = Math.max(0, ...runners.map((runner) => (runner && !runner.inThisThread ? runner.threads : 0)))
  const kept = reports - compiled
  const on = compiled > 0 && threads > 0 ? ` on ${threads} ${plural(threads, 'thread')}` : ''
  const taken = kept > 0 ? `, take ${kept} from earlier builds` : ''
  return `compile ${compiled} ${plural(compiled, 'report')}${on}${taken}`
}

/** Where a build stages its files, and the record of what the output folder holds. */
interface Place {
  record: BuildRecord | undefined
  out: string
  /** The device of the output folder, when it exists. */
  dev: number | undefined
  root: string
  /** The files taken from the output folder, each the published file itself, with its inode. */
  linked: Map<string, number>
  /**
   * Files of the output folder that the last build wrote, modified since (by hand, say): written
   * anew. Of a report taken from the last build, the first found; of one compiled again, each.
   */
  modified: Set<string>
  /** Which of the files not as written were modified by hand, not by another build. */
  edits: HandEdits
}

/**
 * Stage the site's own files: each taken from the output folder when its key, or else its bytes,
 * are those of the file there; the others written, and those that are JSON checked against their
 * schemas. The keys of keyed files go into `keyed`, for the record.
 */
function stageSiteFiles(
  site: readonly SiteFile[],
  place: Place,
  keyed: Map<string, string>,
  result: BuildResult
): UnitFile[] {
  const { record, root } = place
  const entries: UnitFile[] = []
  for (const file of site) {
    const key = file.key?.()
    if (key !== undefined) keyed.set(file.path, key)
    const before = record?.files[file.path]
    if (key !== undefined && before?.key === key && linkFiles([{ path: file.path, ...before }], place)) {
      entries.push({ path: file.path, bytes: before.bytes, sha256: before.sha256 })
      continue
    }
    const made = file.made?.()
    if (made) {
      const entry = { path: file.path, bytes: made.bytes, sha256: made.sha256 }
      entries.push(entry)
      if (!linkFiles([entry], place)) moveStaged(root, file.path, made.file)
      continue
    }
    let content: string
    try {
      content = file.render()
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error)
      throw new Unpublishable('emit', result, `writing ${file.path} failed: ${why}`)
    }
    // Encoded once, for its size, its digest and the disk, where each of them encoded it again.
    const bytes = utf8Bytes(content)
    const entry = { path: file.path, bytes: bytes.byteLength, sha256: sha256(bytes) }
    entries.push(entry)
    // The same bytes as the published file, which met its schema when it was written.
    if (linkFiles([entry], place)) continue
    // Checked and let go one by one: the series of a thousand reports are a hundred megabytes.
    if (!file.checked) checkArtifacts([{ path: file.path, content, ...(file.value && { value: file.value }) }])
    writeStaged(root, file.path, bytes)
  }
  return entries
}

/** The result of a build whose sources may be published and whose files could all be rendered; else throws Unpublishable. */
function publishable(
  result: BuildResult,
  units: readonly ReportUnit[],
  problemsOf: (result: BuildResult) => string | undefined
): BuildResult {
  const problems = problemsOf(result)
  if (problems !== undefined) throw new Unpublishable('invalid', result, `the sources have ${problems}`)
  const failed = units.find((unit) => unit.emitFailure !== undefined)
  if (failed?.emitFailure !== undefined) throw new Unpublishable('emit', result, failed.emitFailure)
  return result
}

/** A page to render again, with the levels the collection gives it. */
interface PageToRender {
  index: number
  given: Array<[string, PublishedLevel]>
}

/** The published reports whose pages were rendered with answers other than those the collection gives now. */
async function pagesToRender(
  published: ReadonlyArray<{ index: number }>,
  units: readonly ReportUnit[],
  answerOf: (query: LevelQuery) => Promise<PublishedLevel | undefined>
): Promise<PageToRender[]> {
  const pages: PageToRender[] = []
  for (const { index } of published) {
    const asked = units[index]?.levels ?? []
    const answers = await Promise.all(asked.map((level) => answerOf(level.query)))
    if (JSON.stringify(answers) === JSON.stringify(asked.map((level) => level.answer))) continue
    const given = asked.flatMap((level: LevelAsked, at: number): Array<[string, PublishedLevel]> => {
      const answer = answers[at]
      return answer ? [[levelKey(level.query), answer]] : []
    })
    pages.push({ index, given })
  }
  return pages
}

/** What the rules across reports conclude, made anew: their own messages and the reports published. */
function conclusionsOf({ across }: WholeCollection): Pick<AcrossMemo, 'messages' | 'published'> {
  const published = across.published.map(({ index, report }) => ({ index, report: publishedReport(report) }))
  return { messages: across.messages, published }
}

/**
 * What a build that made the rules across reports anew keeps of them for the next (see AcrossMemo),
 * but the site's own files, which the caller adds once they are staged.
 */
function memoOf(
  whole: WholeCollection,
  units: readonly ReportUnit[],
  keys: readonly string[],
  siteKey: string
): Omit<AcrossMemo, 'site'> {
  const levels = new Map<string, PublishedLevel | null>()
  for (const unit of units)
    for (const { query } of unit.levels ?? []) {
      const key = levelKey(query)
      levels.set(key, whole.answers.get(key) ?? null)
    }
  return {
    ...conclusionsOf(whole),
    levels: [...levels],
    siteKey,
    made: madeOf(units, keys),
    dataset: describedDataset(whole.reports)
  }
}

/** The site's own files staged so far, with their keys: made before the table of every fact, the keyed files are the site's own. */
function keyedSite(entries: readonly UnitFile[], keyed: ReadonlyMap<string, string>): AcrossMemo['site'] {
  return entries.flatMap((entry): Array<[string, string]> => {
    const key = keyed.get(entry.path)
    return key === undefined ? [] : [[entry.path, key]]
  })
}

/** Conclusions kept, as movedMemo gives them, with their `made` as it was kept (see MetricInputs.made). */
type KeptMoved = NonNullable<ReturnType<typeof movedMemo>> & { madeBefore: AcrossMemo['made'] }

/**
 * The conclusions kept for a collection of this shape (see acrossKey): as they are, or with the
 * facts that moved since where they now stand, and the moves (see movedMemo). The summaries of
 * the units kept in memory (watch) are taken from there.
 */
function keptConclusions(
  cacheFolder: string,
  memoKey: string,
  units: readonly ReportUnit[],
  keys: readonly string[]
): KeptMoved | undefined {
  const kept = readAcross(cacheFolder, memoKey)
  const moved =
    kept &&
    movedMemo(kept, units, keys, (key) => remembered.get(key)?.summary ?? readSummary(unitFile(cacheFolder, key)))
  return moved && { ...moved, madeBefore: kept.made }
}

/**
 * The site's own files as the build that kept the conclusions `moved` made them, their facts moved
 * since (see takeMovedSite), with what each metric's series is made of as the moves left it.
 */
async function movedSite(
  moved: KeptMoved & { moves: Moves },
  cacheFolder: string,
  memoKey: string,
  environment: { whole: string; site: string },
  place: Place,
  keyed: Map<string, string>
): Promise<{ site: UnitFile[] | undefined; inputs: MetricInputs | undefined }> {
  // Which conclusions of the whole they were, and are: see MetricInputs.made.
  const digests = { from: madeDigest(moved.madeBefore), made: madeDigest(moved.memo.made) }
  const inputs =
    moved.moved && inputsMoved(cacheFolder, memoKey, { ...moved, moved: moved.moved, ...digests }, environment.whole)
  const movedKey = inputs && movedSeriesKey(inputs.before, inputs.after, environment.site)
  return { site: await takeMovedSite(moved.memo, moved.moves, place, keyed, movedKey), inputs: inputs?.after }
}

/**
 * Keep the conclusions of the rules across reports for the next build (see AcrossMemo). Those of
 * each metric go first, with what its series is made of, when the collection was held whole (see
 * MetricsMemo); else what each metric's series is made of as facts that moved left it, or nothing
 * (see MetricInputs): a build that moves facts takes those only with the conclusions of the whole
 * they were kept with.
 */
async function keepConclusions(
  cacheFolder: string,
  memoKey: string,
  memo: AcrossMemo,
  whole: WholeCollection | undefined,
  moved: MetricInputs | undefined
): Promise<void> {
  if (whole?.metrics) {
    const base = randomUUID()
    writeMetricsMemo(cacheFolder, memoKey, { metrics: whole.metrics, levels: memo.levels, base })
    const { seriesFilePaths, titlesDigest } = await import('./site-files.js')
    const metrics = whole.metrics.map(({ id, key, entry }) => ({ id, key, files: entry ? seriesFilePaths(entry) : [] }))
    const { reports, sumOf } = whole.across.inputs
    const made = madeDigest(memo.made)
    const titles = titlesDigest(whole.reports)
    writeMetricInputs(cacheFolder, memoKey, heldInputs({ base, made, reports: reports(), titles, metrics, sumOf }))
  } else writeMetricInputs(cacheFolder, memoKey, whole ? undefined : moved)
  writeAcross(cacheFolder, memoKey, memo)
}

/**
 * The site's own files as the build that kept `memo` made them, of a collection whose facts moved
 * since (see movedMemo): each taken as it is, but the series that say where a moved fact stands,
 * written again with where it stands now, under a key of the one they had and of the moves.
 * Undefined, taking none, when one cannot be.
 */
async function takeMovedSite(
  memo: AcrossMemo,
  moves: Moves,
  place: Place,
  keyed: Map<string, string>,
  /** The key of a series' file as the moves left what it is made of, given the one it had (see movedSeriesKey). */
  movedKey?: (file: string, key: string) => string | undefined
): Promise<UnitFile[] | undefined> {
  // The table of every fact, begun just before, goes to its thread first: it takes longer.
  await new Promise((resolve) => setImmediate(resolve))
  const keys = new Map(memo.site)
  const taken = takeKeyed([...keys.keys()], (file) => keys.get(file) ?? '', place, keyed)
  if (!taken) return undefined
  const entries: UnitFile[] = []
  const largest = 1 << 22
  for (const entry of taken) {
    const target = path.join(place.root, entry.path)
    // A series of up to 4 MB is read once, its pieces kept (a series of a hundred reports is a
    // hundred kilobytes, and a save under watch patches dozens); a larger one is read once to
    // tell whether a place it gives moved, and once more to write it so, a window at a time.
    const held: Buffer[] | undefined = entry.bytes < largest ? [] : undefined
    // No larger than the file: a buffer of 4 MB for each of dozens of small series is garbage enough to slow a save.
    const window = Math.min(entry.bytes + 1, largest)
    const moved = /^series\/.*\.json$/u.test(entry.path)
      ? readingFile(target, (read) => relocateSeries(read, moves, held && ((piece) => held.push(piece)), window))
      : 0
    const key = movedKey?.(entry.path, keys.get(entry.path) ?? '')
    if (key !== undefined) keyed.set(entry.path, key)
    if (moved === 0) {
      entries.push(entry)
      continue
    }
    if (moved === undefined) {
      for (const { path: file } of taken) {
        rmSync(path.join(place.root, file), { force: true })
        place.linked.delete(file)
        keyed.delete(file)
      }
      return undefined
    }
    // The staged file may be the published one: replaced, never written through.
    const written = held
      ? writtenAnew(target, held)
      : writtenFrom(target, (read, write) => relocateSeries(read, moves, write, window))
    place.linked.delete(entry.path)
    keyed.set(entry.path, key ?? sha256(`${keys.get(entry.path) ?? ''}\0${moves.digest}`))
    entries.push({ path: entry.path, ...written })
  }
  return entries
}

/**
 * The site's own files as the build that kept `memo` made them, when they are made of the same
 * collection (`siteKey`): each with the key that build gave it (see takeKeyed).
 */
function takeMemoSite(
  memo: AcrossMemo | undefined,
  siteKey: string,
  place: Place,
  keyed: Map<string, string>
): UnitFile[] | undefined {
  if (memo?.siteKey !== siteKey) return undefined
  const keys = new Map(memo.site)
  return takeKeyed([...keys.keys()], (file) => keys.get(file) ?? '', place, keyed)
}

/**
 * Take costly files of the site's own from the output folder, each recorded there with the key it
 * has now (each key goes into `keyed`, for the record): all of them, or none (undefined).
 */
function takeKeyed(
  paths: readonly string[],
  keyOf: (file: string) => string,
  place: Place,
  keyed: Map<string, string>
): UnitFile[] | undefined {
  const taken: UnitFile[] = []
  for (const file of paths) {
    const key = keyOf(file)
    keyed.set(file, key)
    const before = place.record?.files[file]
    if (before?.key !== key) return undefined
    taken.push({ path: file, bytes: before.bytes, sha256: before.sha256 })
  }
  return linkFiles(taken, place) || takeHeld(taken, place) ? taken : undefined
}

const datasetFiles = Object.values(siteTableNames)

/** The site's facts.parquet to write, and what the table's Data Package says of the reports. */
interface DatasetTask {
  task: TableTask
  described: DatasetDescription
}

/**
 * Stage the site's table of every fact: taken from the output folder when its rows are the same;
 * else facts.parquet written on `writer`'s thread (or once facts.csv is, in this one), while this
 * thread copies the lines of facts.csv, and then the Data Package of both.
 */
async function stageDataset(
  place: Place,
  key: string,
  keyed: Map<string, string>,
  /** The table to write, once the rows of each report are kept. */
  taskOf: () => Promise<DatasetTask>,
  /** The thread to write it on, if not this one. */
  writer: TableWriter | undefined
): Promise<UnitFile[]> {
  // Keyed for the record whether they are taken or written anew.
  for (const name of datasetFiles) keyed.set(name, key)
  const taken = takeKeyed(datasetFiles, () => key, place, keyed)
  if (taken) return taken
  const { task, described } = await taskOf()
  // The Parquet writer is loaded only for a table that changed.
  const parquet = writer
    ? writer.write(task)
    : import('./site-dataset-files.js').then((files) => files.writeKeptParquet(task))
  // Told when it is waited for, below; not before, should the lines fail first.
  parquet.catch(() => undefined)
  const csv = writeSiteCsv(task.root, task.unitFiles)
  const done = await parquet
  if ('unreadable' in done || 'unreadable' in csv) throw damagedRows
  return [csv, done.parquet, writeSiteDataPackage(task.root, described, csv, done.parquet)]
}

/**
 * The table of every fact staged by `stage`: at once on `writer`'s thread, while the build's own
 * thread goes on (making the series), or in the build's thread when it is asked for.
 */
function tableStaging(
  stage: (writer: TableWriter | undefined) => Promise<UnitFile[]>,
  writerOf: () => TableWriter | false | undefined
): { step: string; staged: () => Promise<UnitFile[]>; close: () => Promise<void> } {
  const writer = writerOf() || undefined
  const started = writer && stage(writer)
  // Until the build waits for it, a table that failed is told there.
  started?.catch(() => undefined)
  return {
    // On a thread, the step is what is left of it once the series are made.
    step: writer ? 'tables of every fact, on a thread of their own' : 'tables of every fact',
    staged: () => started ?? stage(undefined),
    // Not before the thread is done with the staged tree, which a later build may stage into.
    close: async () => {
      await started?.catch(() => undefined)
      await writer?.close()
    }
  }
}

/** Whether the record holds each of `files` as made under `key`: a build will most likely take them as they are. */
function isRecorded(place: Place, files: readonly string[], key: string): boolean {
  return files.every((file) => place.record?.files[file]?.key === key)
}

/** What a staged tree holds: the result, every file with its digest, and the keys of the costly ones. */
interface Staged {
  result: BuildResult
  entries: UnitFile[]
  keyed: Map<string, string>
  linked: Map<string, number>
  /** The key of the conclusions of the rules across reports (see acrossKey). */
  across: string
  /** The keys of the row groups of the table of every fact (see rowGroupKeys). */
  rowGroups: Array<string | null>
  /** See Place.modified. */
  modified: string[]
}

function writeStaged(root: string, file: string, content: string | Uint8Array): void {
  const target = path.join(root, file)
  mkdirSync(path.dirname(target), { recursive: true })
  writeFileSync(target, content)
}

/** Replace a staged file (never write through it: it may be the published one) with `pieces`; its size and digest. */
function writtenAnew(file: string, pieces: readonly Uint8Array[]): Omit<UnitFile, 'path'> {
  unlinkSync(file)
  return writeHashedSync(file, (write) => {
    for (const piece of pieces) write(piece)
  })
}

/** Replace a staged file with what `copy` writes of it as it reads it; its size and digest. */
function writtenFrom(
  file: string,
  copy: (read: (into: Buffer, at: number) => number, write: (piece: Uint8Array) => void) => void
): Omit<UnitFile, 'path'> {
  const before = `${file}.moved`
  renameSync(file, before)
  try {
    return writeHashedSync(file, (write) => readingFile(before, (read) => copy(read, write)))
  } finally {
    unlinkSync(before)
  }
}

/** What `use` makes with a reader of `file` (into a buffer, from where it is filled; 0 at its end). */
function readingFile<T>(file: string, use: (read: (into: Buffer, at: number) => number) => T): T {
  const descriptor = openSync(file, 'r')
  try {
    return use((into, at) => readSync(descriptor, into, at, into.length - at, null))
  } finally {
    closeSync(descriptor)
  }
}

/** Stage a file made on disk by this build (see MadeFile): moved, or copied from another file system. */
function moveStaged(root: string, file: string, from: string): void {
  const target = path.join(root, file)
  mkdirSync(path.dirname(target), { recursive: true })
  try {
    renameSync(from, target)
  } catch (error) {
    if (!isNodeError(error, 'EXDEV')) throw error
    copyFileSync(from, target)
  }
}

/**
 * Clear an earlier tree to stage into (see publishTree) of all but the folders of reports whose
 * files will be taken from the output folder: most of those files are links to the published ones
 * already, and linkFiles replaces the others. The site's own files, and the folders of the reports
 * compiled again, are written anew into a clean place: a file there may be a link to a published
 * one, which must never be written through. What is cleared is held aside in the tree until the
 * site's own files are staged (see takeHeld), then removed.
 */
function keepFolders(root: string, units: ReadonlyArray<ReportUnit | undefined>): void {
  const folders = new Set(units.flatMap((unit) => (unit?.files ?? []).map((file) => file.path.split('/')[0] ?? '')))
  const held = heldFolder(root)
  // Held by a build interrupted before it staged the site's own files: they are made anew.
  rmSync(held, { recursive: true, force: true })
  const cleared = readdirSync(root, { withFileTypes: true }).filter(
    (entry) => !entry.isDirectory() || !folders.has(entry.name)
  )
  if (cleared.length > 0) mkdirSync(held)
  for (const entry of cleared) renameSync(path.join(root, entry.name), path.join(held, entry.name))
}

/**
 * Where keepFolders holds what it clears: under a name no report's folder (a slug) and no file of
 * the site has, removed before the tree is published.
 */
const heldFolder = (root: string) => path.join(root, '.factmark-held')

/**
 * Take files of the site's own into the staged tree from what keepFolders held, where each stands
 * there as written (its size and the digest of its bytes); false, taking none, when any does not.
 * The output folder deleted, its record and the tree it replaced kept (in CI that keeps the cache
 * between runs, say), the series and the table of every fact are not made again: at 10,000
 * reports, making them again took 60 s of a build of 73 s.
 */
function takeHeld(files: readonly UnitFile[], { root }: Place): boolean {
  const held = heldFolder(root)
  if (!holdsAsWritten(held, files)) return false
  for (const file of files) moveStaged(root, file.path, path.join(held, file.path))
  return true
}

/**
 * Take files into the staged tree from the output folder, where each must stand as the last build
 * wrote it with the digest wanted; false, taking none, when any does not. A file the staged tree
 * holds already is kept when it is the published file itself as written, and replaced when not.
 */
function linkFiles(files: readonly UnitFile[], { record, out, dev, root, linked, modified, edits }: Place): boolean {
  if (!record || files.length === 0) return false
  // Each file to link, with the published file's stats; the others are staged already.
  const toLink: Array<{ file: UnitFile; staged: boolean; published: Stats }> = []
  const kept: Array<[string, number]> = []
  for (const file of files) {
    const recorded = record.files[file.path]
    if (recorded?.sha256 !== file.sha256) return false
    // Staged into the tree the last build replaced, most files are the published ones already:
    // one look at the staged file tells, without the published one.
    const staged = stagedStats(path.join(root, file.path))
    if (staged && isRecordedFile(staged, recorded, dev)) {
      kept.push([file.path, staged.ino])
      continue
    }
    const published = writtenAs(out, file.path, recorded)
    if (!published) {
      noteIfEdited(file.path, out, modified, edits)
      return false
    }
    toLink.push({ file, staged: staged !== undefined, published })
  }
  for (const [file, ino] of kept) linked.set(file, ino)
  const taken = takePublished(
    out,
    root,
    toLink.map(({ file, staged }) => ({ path: file.path, staged }))
  )
  for (const { file, published } of toLink) if (taken.has(file.path)) linked.set(file.path, published.ino)
  return true
}

/**
 * Add to the files modified since the last build wrote them (see Place.modified) those of `files`
 * it wrote that do not stand as it wrote them: a report's files are written anew when it compiles
 * again, whatever they are, so an edit made to them is lost even when its source changed too.
 */
function noteEdits(files: readonly UnitFile[], { record, out, modified, edits }: Place): void {
  if (!record) return
  for (const file of files) {
    const recorded = record.files[file.path]
    if (recorded && !writtenAs(out, file.path, recorded)) noteIfEdited(file.path, out, modified, edits)
  }
}

/** Add `file` to `modified` when the published one, not as the last build wrote it, was edited by hand. */
function noteIfEdited(file: string, out: string, modified: Set<string>, edits: HandEdits): void {
  const found = lstatSync(path.join(out, file), { throwIfNoEntry: false })
  if (found?.isFile() && edits.edited(file, found.size)) modified.add(file)
}

/**
 * Whether a folder holds a report's files exactly as its unit describes them, their size and the
 * digest of their bytes: the tree staged into as an interrupted build staged them, once it had
 * compiled the report (see recoverOutput), or the output folder as a build interrupted once it had
 * published them left it, before it recorded them. Reading and digesting a report's files takes
 * about a millisecond, where compiling it again takes fifty.
 */
function holdsAsWritten(folder: string, files: readonly UnitFile[]): boolean {
  return files.length > 0 && files.every((file) => isAsWritten(path.join(folder, file.path), file))
}

/**
 * Take a report's files into the staged tree from the output folder where each stands there as
 * its unit describes it (see holdsAsWritten), whatever the record says. False, taking none, when
 * any does not.
 */
function linkVerified(files: readonly UnitFile[], { out, root }: Place): boolean {
  if (!holdsAsWritten(out, files)) return false
  takePublished(
    out,
    root,
    files.map((file) => ({ path: file.path, staged: stagedStats(path.join(root, file.path)) !== undefined }))
  )
  return true
}

/**
 * Put published files into the staged tree as hard links, each in place of the file staged there
 * (which may be a link to a published one itself: replaced, never written through), or as copies
 * on a file system without hard links, which keep the published tree apart all the same. The
 * paths linked, not copied.
 */
function takePublished(
  out: string,
  root: string,
  files: ReadonlyArray<{ path: string; staged: boolean }>
): Set<string> {
  const linked = new Set<string>()
  let folder: string | undefined
  for (const { path: file, staged } of files) {
    const target = path.join(root, file)
    // A report's files share one folder.
    if (path.dirname(target) !== folder) mkdirSync((folder = path.dirname(target)), { recursive: true })
    if (staged) unlinkSync(target)
    try {
      linkSync(path.join(out, file), target)
    } catch {
      copyFileSync(path.join(out, file), target)
      continue
    }
    linked.add(file)
  }
  return linked
}

/** Whether a file is a file of the size and digest given. */
function isAsWritten(file: string, { bytes, sha256: digest }: UnitFile): boolean {
  const stats = stagedStats(file)
  if (stats?.isFile() !== true || stats.size !== bytes) return false
  return fileDigest(file, Buffer.allocUnsafe(Math.min(bytes, 1 << 20))).sha256 === digest
}

/** The device a folder is on, or undefined when there is no such folder. */
function deviceOf(folder: string): number | undefined {
  return lstatSync(folder, { throwIfNoEntry: false })?.dev
}

/** The stats of a staged file, or undefined when there is none. */
function stagedStats(file: string): Stats | undefined {
  try {
    return lstatSync(file)
  } catch {
    return undefined
  }
}
