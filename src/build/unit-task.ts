import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { sha256 } from '../emit/hash.js'
import { levelKey, type PublishedLevel } from '../emit/html/collection-lookup.js'
import { redrawCharts } from '../emit/html/redraw-charts.js'
import type { Registry, SourceText } from '../model/compiled.js'
import { metricsOf } from '../compile/compile-report.js'
import { reportFiles, type ReportFile } from './render-artifacts.js'
import { renderUnit, type LevelAsked, type ReportUnit } from './report-unit.js'
import { contentDigest } from '../cache/cache-folder.js'
import { keepUnit, readSummary, readUnit, unitFile, unitKey, writeUnit } from './build-cache.js'
import { compiledRegistry } from './registry-memo.js'
import { readTaskSource, type TaskSource } from '../load/task-source.js'
import { namingFile } from '../model/node-error.js'

/**
 * One report to compile and render into a folder being staged: the work a build hands to a
 * worker, in plain data so that it crosses to a thread.
 */
export interface UnitTask {
  /** The report as paths name it in messages, and its file, which the task reads. */
  source: TaskSource
  registry: SourceText
  /** See environmentKey: with the report's bytes, the key its unit is kept by. */
  environment: string
  /** The folder the site is staged in: the report's files go to its slug's folder there. */
  root: string
  /**
   * Where to keep the unit and its rows for later builds; nothing is kept without it. With it, the
   * unit comes back without its summary, which the build reads from there (see readSummary).
   */
  cacheFolder?: string
  /** Whether what the cache holds may be used: the registry as an earlier build read it (see compiledRegistry). */
  reuse?: boolean
  /** The levels the collection publishes that the page asked for, by levelKey. */
  answers?: Array<[string, PublishedLevel]>
  /**
   * Write only the page, drawn with `answers`: the report's other files are staged already, and so
   * is its page as its kept unit says it was drawn, whose charts are drawn again when they can be.
   */
  pageOnly?: boolean
  /** Write nothing into the staged site, only keep the unit: its files are staged already, its summary was lost. */
  keepOnly?: boolean
}

/** A unit and the key it is kept by, from the bytes the task read. */
export interface UnitDone {
  unit: ReportUnit
  key: string
  /** The digest of those bytes (see contentDigest): a later task of the build on the report reads the same (see TaskSource). */
  digest: string
}

/** Compile and render a report, write its files into the staged site, and keep its unit. */
export function runUnitTask(task: UnitTask, files: readonly ReportFile[] = reportFiles): UnitDone {
  const { registry, source } = taskInput(task)
  const digest = contentDigest(source.text)
  const key = unitKey(task.environment, source, digest)
  const answers = new Map(task.answers ?? [])
  // Only factmark's own page is known to depend on the collection's levels by its charts alone.
  const redrawn =
    task.pageOnly &&
    files === reportFiles &&
    task.cacheFolder !== undefined &&
    redrawPage(task.cacheFolder, task.root, registry, answers, { key, digest })
  if (redrawn) return redrawn
  // Each file comes encoded once, for its digest, its size and the disk.
  const { unit, artifacts: encoded, rows } = renderUnit(source, registry, files, answers)
  const written = task.keepOnly
    ? []
    : task.pageOnly
      ? encoded.filter((artifact) => artifact.path.endsWith('/index.html'))
      : encoded
  // Written synchronously, as a worker that waits on the thread pool is a core left idle.
  let folder: string | undefined
  for (const artifact of written) {
    const file = path.join(task.root, artifact.path)
    if (path.dirname(file) !== folder) mkdirSync((folder = path.dirname(file)), { recursive: true })
    replaceFile(file, artifact.bytes)
  }
  if (encoded.length > 0)
    unit.files = encoded.map((artifact) => ({
      path: artifact.path,
      bytes: artifact.bytes.byteLength,
      sha256: artifact.sha256
    }))
  if (!task.cacheFolder) return { unit, key, digest }
  writeUnit(unitFile(task.cacheFolder, key), unit, rows)
  // The summary is kept in the cache, where the build reads it only if its collection changed: a
  // thousand reports' facts are not held by the thread that links the site while they compile.
  const { summary: _kept, ...head } = unit
  return { unit: head, key, digest }
}

/**
 * Compile and render a report in memory, writing and keeping nothing: a thread that has run no
 * report yet runs the compiler's code once, so that the first report it is handed (a save, in
 * watch) does not wait for V8 to compile that code.
 */
export function warmUnitTask(task: UnitTask): void {
  const { registry, source } = taskInput(task)
  renderUnit(source, registry, reportFiles)
}

/** The registry a task's report compiles with, and the report as the task reads it. */
function taskInput(task: UnitTask): { registry: Registry; source: SourceText } {
  const registry = compiledRegistry(
    task.registry,
    task.environment,
    task.cacheFolder === undefined ? undefined : { folder: task.cacheFolder, reuse: task.reuse === true }
  )
  if (!registry) throw new Error('the registry must be valid before reports are compiled')
  return { registry, source: readTaskSource(task.source) }
}

/**
 * Draw the staged page of a report again with other levels of the collection, without compiling
 * the report (see redrawCharts), and keep its unit; undefined, with nothing written, when the
 * page staged is not the one its kept unit describes, or its charts cannot be drawn again so.
 * A cold build of a bureau's yearly reports draws again the page of every report that gives a
 * change against a year another report publishes: compiled again, that was a third of the build.
 */
function redrawPage(
  cacheFolder: string,
  root: string,
  registry: Registry,
  answers: ReadonlyMap<string, PublishedLevel>,
  { key, digest }: Pick<UnitDone, 'key' | 'digest'>
): UnitDone | undefined {
  const file = unitFile(cacheFolder, key)
  const unit = readUnit(file)
  const page = unit?.files?.find((entry) => entry.path.endsWith('/index.html'))
  const summary = page && unit?.levels && readSummary(file)
  if (!unit?.levels || !page || !summary) return undefined
  const staged = path.join(root, page.path)
  let drawnPage: Buffer
  try {
    drawnPage = readFileSync(staged)
  } catch {
    return undefined
  }
  if (sha256(drawnPage) !== page.sha256) return undefined
  const metrics = metricsOf(summary.bundle.metricIds, registry)
  const drawn = new Map(
    unit.levels.flatMap(({ query, answer }) => (answer ? [[levelKey(query), answer] as const] : []))
  )
  const text = redrawCharts(
    drawnPage.toString('utf8'),
    { report: summary.bundle.report, metrics, facts: summary.bundle.facts },
    registry,
    drawn,
    answers
  )
  if (text === undefined) return undefined
  const bytes = Buffer.from(text, 'utf8')
  replaceFile(staged, bytes)
  const levels = unit.levels.map(({ query }): LevelAsked => {
    const answer = answers.get(levelKey(query))
    return { query, ...(answer && { answer }) }
  })
  const files = unit.files?.map((entry) =>
    entry === page ? { path: page.path, bytes: bytes.byteLength, sha256: sha256(bytes) } : entry
  )
  const redrawn: ReportUnit = { ...unit, levels, ...(files && { files }) }
  keepUnit(file, redrawn)
  return { unit: redrawn, key, digest }
}

/**
 * Write a staged file. It may be a link to the published one, which must not change: it is
 * replaced, never written through. A write that fails names the file (see namingFile).
 */
function replaceFile(file: string, bytes: Uint8Array): void {
  try {
    rmSync(file, { force: true })
    writeFileSync(file, bytes)
  } catch (error) {
    throw namingFile(error, file)
  }
}
