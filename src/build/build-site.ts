import { createHash } from 'node:crypto'
import { copyFileSync, linkSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { sourcesOf } from '../compile/compile-folder.js'
import { compileSources } from '../compile/compile-sources.js'
import { collectionLookup, levelKey, type PublishedLevel } from '../emit/html/collection-lookup.js'
import { emitManifestOf } from '../emit/manifest.js'
import { sha256, byteLength } from '../emit/hash.js'
import { loadRegistry } from '../load/registry.js'
import type { SourceText } from '../model/compiled.js'
import { buildResult, fromCompiled, publishedReport, type BuildResult } from './build-result.js'
import { manifestName } from '../model/site.js'
import { contentDigest, environmentKey, readRows, readUnit, unitFile, unitKey } from './build-cache.js'
import { readRecord, standsAsWritten, writeRecord, writtenTimes, type BuildRecord } from './build-record.js'
import { crossReport } from './cross-report.js'
import { publishTree, type PublishStep, type RecoveryResult } from './publish.js'
import { checkArtifacts, reportFiles as defaultReportFiles, type ReportFile } from './render-artifacts.js'
import type { LevelAsked, UnitFile } from './report-unit.js'
import { reportTitles, siteFiles } from './site-files.js'
import { writeSiteDataset } from './site-dataset-files.js'
import { unitRunner } from './unit-pool.js'
import type { UnitTask } from './unit-task.js'
import type { OutputCheck } from './output-folder.js'

export interface SiteBuildOptions {
  cwd: string
  src: string
  files?: readonly string[]
  /** The output folder, absolute. */
  out: string
  strict?: boolean
  reportFiles?: readonly ReportFile[]
  /** The cache folder, and whether what it holds may be used (false: a cold build, which refills it). */
  cache: { folder: string; reuse: boolean }
  /** At most this many worker threads; 0 or 1 compiles in this thread. Default: one per core. */
  threads?: number
  check: () => Promise<OutputCheck>
  onPublishStep?: (step: PublishStep) => void | Promise<void>
}

export type SiteBuildOutcome =
  | { ok: true; result: BuildResult; files: string[]; restored: boolean; unchanged: boolean }
  | { ok: false; reason: 'invalid' | 'emit'; result: BuildResult; message: string; restored: boolean }

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
 * Build the site report by report: each is compiled and rendered on a worker thread, straight
 * into the staged tree, and only its summary is kept; the rules across reports and the site's own
 * pages are made from the summaries. A report whose bytes, registry and factmark are those of a
 * cached unit is not compiled again, and its files are taken from the output folder when they
 * stand there as written; with nothing changed, nothing is written at all.
 */
export async function buildSite(
  options: SiteBuildOptions,
  problemsOf: (result: BuildResult) => string | undefined
): Promise<SiteBuildOutcome> {
  const { out, cache } = options
  const digests = new Map<string, { file: string; digest: string }>()
  const empty = new Uint8Array(0)
  const input = await sourcesOf(
    { src: options.src, cwd: options.cwd, ...(options.files && { files: options.files }) },
    // Only a digest of each report is kept here; the thread that compiles it reads it again.
    (source, file) => {
      digests.set(source.path, { file, digest: contentDigest(source.text) })
      return { path: source.path, text: empty }
    }
  )
  const checkUnusedMetrics = !options.files || options.files.length === 0
  const loaded = loadRegistry(input.registry.path, input.registry.text)
  if (!loaded.registry) {
    // Nothing can be published; the reports are read again to say all that is wrong with them.
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
  const files = options.reportFiles ?? defaultReportFiles
  const environment = environmentKey(
    input.registry,
    files.map((file) => file.href)
  )
  const keyOf = (source: SourceText) =>
    unitKey(environment, source, digests.get(source.path)?.digest ?? contentDigest(source.text))
  const keys = input.reports.map(keyOf)
  const skipped = (input.skipped ?? []).map(({ path: shown, reason }): [string, string] => [shown, reason])
  const last = cache.reuse ? await readRecord(cache.folder, out) : undefined
  const record = last?.environment === environment ? last : undefined

  if (
    record &&
    unchanged(
      record,
      input.reports.map((source, index) => [source.path, keys[index] ?? '']),
      skipped,
      out
    )
  ) {
    const { diagnostics, coverage, reports } = record.result
    const result = await buildResult(diagnostics, coverage, reports, options.cwd)
    const problems = problemsOf(result)
    if (problems !== undefined)
      return { ok: false, reason: 'invalid', result, message: `the sources have ${problems}`, restored: false }
    return { ok: true, result, files: Object.keys(record.files).sort(), restored: false, unchanged: true }
  }

  let built: Staged | undefined
  let published: RecoveryResult
  try {
    published = await publishTree(
      out,
      async (root, written) => {
        built = await stage(root, written)
      },
      { check: options.check, ...(options.onPublishStep && { onStep: options.onPublishStep }) }
    )
  } catch (error) {
    if (error instanceof Unpublishable)
      return { ok: false, reason: error.reason, result: error.result, message: error.message, restored: false }
    throw error
  }
  const { result, entries, keyed } = built as Staged
  const times = writtenTimes(
    out,
    entries.map((entry) => entry.path)
  )
  await writeRecord(cache.folder, out, {
    environment,
    sources: input.reports.map((source, index) => [source.path, keys[index] ?? '']),
    skipped,
    files: Object.fromEntries(
      entries.map((entry) => {
        const key = keyed.get(entry.path)
        return [
          entry.path,
          { bytes: entry.bytes, sha256: entry.sha256, mtimeMs: times.get(entry.path) ?? 0, ...(key && { key }) }
        ]
      })
    ),
    result: { diagnostics: result.diagnostics, coverage: result.coverage, reports: result.reports }
  })
  return {
    ok: true,
    result,
    files: entries.map((entry) => entry.path).sort(),
    restored: published.restored,
    unchanged: false
  }

  async function stage(root: string, written: () => Promise<void>): Promise<Staged> {
    // Units kept from earlier builds, each with its files taken from the output folder.
    const kept = await Promise.all(
      input.reports.map(async (_, index) => {
        const unit = cache.reuse ? await readUnit(unitFile(cache.folder, keys[index] ?? '')) : undefined
        return unit && (unit.files === undefined || linkFiles(unit.files, record, out, root)) ? unit : undefined
      })
    )
    const runner = unitRunner(kept.filter((unit) => unit === undefined).length, {
      ...(options.threads !== undefined && { threads: options.threads }),
      ...(options.reportFiles && { files: options.reportFiles })
    })
    const taskOf = (source: SourceText, extra: Partial<UnitTask> = {}): UnitTask => ({
      source: {
        path: source.path,
        file: digests.get(source.path)?.file ?? '',
        ...(source.unreadSize !== undefined && { unreadSize: source.unreadSize })
      },
      registry: input.registry,
      environment,
      root,
      cacheFolder: cache.folder,
      ...extra
    })
    try {
      const units = await Promise.all(
        input.reports.map(async (source, index) => {
          const unit = kept[index]
          if (unit) return unit
          const done = await runner.run(taskOf(source))
          keys[index] = done.key
          return done.unit
        })
      )
      await written()
      const across = crossReport(units, loaded, input.skipped ?? [], checkUnusedMetrics)
      const reports = across.published.map((entry) => entry.report)
      const result = await buildResult(across.diagnostics, across.coverage, reports.map(publishedReport), options.cwd)
      const problems = problemsOf(result)
      if (problems !== undefined) throw new Unpublishable('invalid', result, `the sources have ${problems}`)
      const failed = units.find((unit) => unit.emitFailure !== undefined)
      if (failed?.emitFailure !== undefined) throw new Unpublishable('emit', result, failed.emitFailure)

      // A page shows levels other reports publish: it is rendered again when the collection answers otherwise.
      const lookup = collectionLookup(across.collection, reportTitles(reports))
      await Promise.all(
        across.published.map(async ({ index }) => {
          const asked = units[index]?.levels ?? []
          const answers = asked.map((level) => lookup.publishedLevel(level.query))
          if (JSON.stringify(answers) === JSON.stringify(asked.map((level) => level.answer))) return
          const given = asked.flatMap((level: LevelAsked, at: number): Array<[string, PublishedLevel]> => {
            const answer = answers[at]
            return answer ? [[levelKey(level.query), answer]] : []
          })
          const done = await runner.run(taskOf(input.reports[index] as SourceText, { answers: given, pageOnly: true }))
          units[index] = done.unit
        })
      )

      const entries: UnitFile[] = across.published.flatMap(({ index }) => units[index]?.files ?? [])
      const keyed = new Map<string, string>()
      const offered = files.map(({ emit: _emit, ...file }) => file)
      const rendered: Array<{ path: string; content: string }> = []
      for (const file of siteFiles({ reports, registry: loaded.registry, collection: across.collection, offered })) {
        if (file.key !== undefined) keyed.set(file.path, file.key)
        const before = record?.files[file.path]
        if (
          file.key !== undefined &&
          before?.key === file.key &&
          linkFiles([{ path: file.path, ...before }], record, out, root)
        ) {
          entries.push({ path: file.path, bytes: before.bytes, sha256: before.sha256 })
          continue
        }
        let content: string
        try {
          content = file.render()
        } catch (error) {
          throw new Unpublishable(
            'emit',
            result,
            `writing ${file.path} failed: ${error instanceof Error ? error.message : String(error)}`
          )
        }
        const entry = { path: file.path, bytes: byteLength(content), sha256: sha256(content) }
        entries.push(entry)
        // The same bytes as the published file, which met its schema when it was written.
        if (linkFiles([entry], record, out, root)) continue
        writeStaged(root, file.path, content)
        rendered.push({ path: file.path, content })
      }
      checkArtifacts(rendered)

      // The table of every fact is made of each published report's rows, which its unit's key fixes.
      const datasetKey = createHash('sha256')
        .update(JSON.stringify(across.published.map(({ index }) => units[index]?.rowsDigest)))
        .digest('hex')
      const dataset = ['facts.csv', 'facts.parquet', 'datapackage.json'].map((name) => ({
        name,
        before: record?.files[name]
      }))
      const reusable = dataset.flatMap(({ name, before }) =>
        before?.key === datasetKey ? [{ path: name, bytes: before.bytes, sha256: before.sha256 }] : []
      )
      if (reusable.length === dataset.length && linkFiles(reusable, record, out, root)) entries.push(...reusable)
      else
        entries.push(
          ...(await writeSiteDataset(root, reports, async (at) => {
            const entry = across.published[at]
            const rows = entry && (await readRows(unitFile(cache.folder, keys[entry.index] ?? '')))
            if (!rows) throw new Error(`the rows of ${entry?.report.path ?? 'a report'} are missing from the cache`)
            return rows
          }))
        )
      for (const { name } of dataset) keyed.set(name, datasetKey)

      const manifest = emitManifestOf(entries)
      writeStaged(root, manifestName, manifest)
      entries.push({ path: manifestName, bytes: byteLength(manifest), sha256: sha256(manifest) })
      return { result, entries, keyed }
    } finally {
      await runner.close()
    }
  }
}

/** What a staged tree holds: the result, every file with its digest, and the keys of the costly ones. */
interface Staged {
  result: BuildResult
  entries: UnitFile[]
  keyed: Map<string, string>
}

function writeStaged(root: string, file: string, content: string | Uint8Array): void {
  const target = path.join(root, file)
  mkdirSync(path.dirname(target), { recursive: true })
  writeFileSync(target, content)
}

/**
 * Take files into the staged tree from the output folder, where each must stand as the last build
 * wrote it with the digest wanted; false, taking none, when any does not.
 */
function linkFiles(files: readonly UnitFile[], record: BuildRecord | undefined, out: string, root: string): boolean {
  if (!record || files.length === 0) return false
  for (const file of files) {
    const recorded = record.files[file.path]
    if (recorded?.sha256 !== file.sha256 || !standsAsWritten(out, file.path, recorded)) return false
  }
  for (const file of files) {
    const target = path.join(root, file.path)
    mkdirSync(path.dirname(target), { recursive: true })
    try {
      linkSync(path.join(out, file.path), target)
    } catch {
      // A file system without hard links: a copy keeps the published tree apart all the same.
      copyFileSync(path.join(out, file.path), target)
    }
  }
  return true
}

/** Whether the last build was of these very sources, and its output stands as it wrote it. */
function unchanged(
  record: BuildRecord,
  sources: ReadonlyArray<[string, string]>,
  skipped: ReadonlyArray<[string, string]>,
  out: string
): boolean {
  if (JSON.stringify(record.sources) !== JSON.stringify(sources)) return false
  if (JSON.stringify(record.skipped) !== JSON.stringify(skipped)) return false
  if (!standsAsWritten(out, manifestName, record.files[manifestName])) return false
  return Object.entries(record.files).every(([file, recorded]) => standsAsWritten(out, file, recorded))
}
