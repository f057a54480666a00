import type { Dirent, Stats } from 'node:fs'
import { readdir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { megabytes } from '../remark/limit-values.js'
import {
  checkSourceFile,
  folderOf,
  ioReason,
  readBuffer,
  readCheckedFile,
  readSourceFile,
  type Folder,
  type ReadBuffer,
  type Unread
} from './read-source.js'
import type { CompileInput, SkippedSource, SourceText } from '../model/compiled.js'
import { nestedReports } from './nested-reports.js'
import { err, ok, type Result } from '../model/result.js'
import { plural } from '../model/plural.js'
import { fewOfMany } from '../model/few-of-many.js'
import { isNodeError } from '../model/node-error.js'
import { defaultSourceFolder, sourceFolderHint } from './source-folder-hint.js'

const registryName = 'metrics.yaml'

/** Why the sources cannot be compiled: a message for the user, and the file or folder it is about when there is one. */
interface SourcesFailure {
  message: string
  path?: string
}

export type SourcesOutcome = Result<CompileInput, SourcesFailure>

function failure(message: string, path?: string): { ok: false; error: SourcesFailure } {
  return err(path === undefined ? { message } : { message, path })
}

/** A path as factmark gives it: relative to `cwd`, with forward slashes, so that it reads the same on every system. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  return path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/')
}

/**
 * Read the annotated reports (`*.md`, in name order) and the metric registry
 * of a source folder, or a list of report files with the registry of `src`.
 * Paths that are not regular files, and links out of their folder, are
 * skipped (see readSourceFile); for the registry they end the run.
 */
export async function readSources(options: {
  src: string
  files?: readonly string[]
  cwd?: string
  /**
   * What to keep of each report read, given its absolute path: by default all of it. A build of
   * thousands keeps only a digest, and reads a report again when it compiles it.
   */
  keep?: Keep
  /**
   * Whether `keep` is only lent each report's bytes, valid until it returns: they are then all
   * read into one buffer (see ReadBuffer).
   */
  lend?: boolean
  /** Reports the caller knows by their files' stats, which are then not read (see Known). */
  known?: Known
}): Promise<SourcesOutcome> {
  const cwd = options.cwd ?? process.cwd()
  const src = path.resolve(cwd, options.src)
  const shownSrc = displayPath(src, cwd)
  let folder: string
  try {
    folder = await realpath(src)
    if (!(await stat(folder)).isDirectory())
      return failure(`Cannot read the source folder ${shownSrc}: not a folder`, shownSrc)
  } catch (error) {
    // A project not started yet: the default folder is missing and no project is found above.
    const start = options.src === defaultSourceFolder ? 'run `npx factmark init` to start a project here' : undefined
    const hint = isNodeError(error, 'ENOENT') ? (sourceFolderHint(cwd, options.src) ?? start) : undefined
    return failure(`Cannot read the source folder ${shownSrc}: ${ioReason(error)}${hint ? `; ${hint}` : ''}`, shownSrc)
  }
  const registryPath = path.join(src, registryName)
  const shownRegistry = displayPath(registryPath, cwd)
  const registry = readSourceFile(registryPath, folder)
  if (!registry.ok) {
    const { error } = registry
    const why =
      error.kind === 'too-large' ? `it is ${megabytes(error.size)} MB, more than factmark reads` : error.reason
    return failure(`Cannot read ${shownRegistry}: ${why}`, shownRegistry)
  }

  const reading: Reading = {
    keep: options.keep ?? keepAll,
    known: options.known,
    into: options.lend ? readBuffer() : undefined
  }
  const reports =
    options.files && options.files.length > 0
      ? readFiles(options.files, cwd, reading, path.dirname(src))
      : await readReportFolder(src, cwd, reading)
  if (!reports.ok) return reports
  return ok({
    reports: reports.value.reports,
    registry: { path: shownRegistry, text: registry.value },
    skipped: reports.value.skipped
  })
}

/** What is kept of a report read, given its absolute path and its file's stats before it was read. */
export type Keep = (report: SourceText, file: string, stats: Stats) => SourceText

/**
 * A report as the caller knows it from an earlier read, given its shown path, its absolute path
 * and its file's stats; undefined when the stats are not those it knows, and the file is read.
 */
export type Known = (shown: string, file: string, stats: Stats) => SourceText | undefined

const keepAll: Keep = (report) => report

/** The reports that were read, and the paths that were skipped on purpose. */
interface ReadReports {
  reports: SourceText[]
  skipped: SkippedSource[]
}

export type ReportsOutcome = Result<ReadReports, SourcesFailure>

const pathOf = (source: SkippedSource) => source.path

/** The names of a folder's entries that are reports (`*.md`), in name order. */
export function reportNames(names: readonly string[]): string[] {
  return names.filter((name) => name.endsWith('.md')).sort()
}

/** The reports of a folder (`*.md`, in name order), each path relative to `cwd`. */
export async function readReportFolder(
  folder: string,
  cwd: string = process.cwd(),
  reading: Reading = { keep: keepAll, known: undefined }
): Promise<ReportsOutcome> {
  const shown = displayPath(folder, cwd)
  let entries: Dirent[]
  let real: string
  try {
    real = await realpath(folder)
    entries = await readdir(real, { withFileTypes: true })
  } catch (error) {
    return failure(`Cannot read the source folder ${shown}: ${ioReason(error)}`, shown)
  }
  const names = reportNames(entries.map((entry) => entry.name))
  const nested = (await nestedReports(real, entries)).map((inside): SkippedSource => ({
    path: displayPath(path.join(folder, inside), cwd),
    reason: `it is in a folder inside ${shown}, and only the reports that stand in ${shown} itself are compiled`,
    nested: true
  }))
  if (names.length === 0)
    return failure(
      nested.length === 0
        ? `No reports (*.md) in ${shown}`
        : `No reports (*.md) in ${shown}; those in folders inside it are not read (${fewOfMany(nested.map(pathOf), skippedListed)}): move the reports to publish into ${shown} itself`,
      shown
    )
  const read = readEach(
    names.map((name) => path.join(folder, name)),
    () => real,
    { cwd, project: path.dirname(path.resolve(cwd, folder)) },
    reading
  )
  return read.ok ? ok({ ...read.value, skipped: [...read.value.skipped, ...nested] }) : read
}

/**
 * Report files named one by one; links are checked against the folder each is named in. A file
 * named twice (`source/*.md source/a.md`, or `a.md ./a.md`) is read once: read twice, it would be
 * told that its slug is already used, by itself.
 */
function readFiles(files: readonly string[], cwd: string, reading: Reading, project: string): ReportsOutcome {
  const lazyFolder = (file: string) => () => folderOf(file)
  return readEach([...new Set(files.map((file) => path.resolve(cwd, file)))], lazyFolder, { cwd, project }, reading)
}

/** A report as the caller knows it by its stats, else read and kept; or why it was not. */
function readReport(
  file: string,
  folder: Folder,
  shown: string,
  { keep, known, into }: Reading
): Result<SourceText, Unread> {
  const checked = checkSourceFile(file, folder)
  if (!checked.ok) return checked
  const { stats } = checked.value
  const knownReport = known?.(shown, file, stats)
  if (knownReport) return ok(knownReport)
  const read = readCheckedFile(checked.value, into)
  return read.ok ? ok(keep({ path: shown, text: read.value }, file, stats)) : read
}

/** What is kept of each report, which the caller knows already, and the buffer lent to `keep`, if any. */
export interface Reading {
  keep: Keep
  known: Known | undefined
  into?: ReadBuffer | undefined
}

/**
 * The folders a report's paths are relative to: `cwd` for messages, `project` (the folder that holds
 * the source folder) for the data (see SourceText's dataPath).
 */
interface PathBases {
  cwd: string
  project: string
}

function readEach(
  files: readonly string[],
  folderFor: (file: string) => Folder,
  { cwd, project }: PathBases,
  reading: Reading
): ReportsOutcome {
  const reports: SourceText[] = []
  const skipped: SkippedSource[] = []
  // One at a time: a folder of thousands of reports must not run out of file handles.
  for (const file of files) {
    const shown = displayPath(file, cwd)
    const inData = displayPath(file, project)
    const withData = (source: SourceText): SourceText => (inData === shown ? source : { ...source, dataPath: inData })
    const read = readReport(file, folderFor(file), shown, reading)
    if (read.ok) reports.push(withData(read.value))
    else if (read.error.kind === 'failed') return failure(`Cannot read ${shown}: ${read.error.reason}`, shown)
    else if (read.error.kind === 'skipped') skipped.push({ path: shown, reason: read.error.reason })
    else reports.push(withData({ path: shown, text: new Uint8Array(0), unreadSize: read.error.size }))
  }
  // A build of none of its reports would publish an empty site in place of the last one.
  if (reports.length === 0) return failure(`No report could be read: ${skippedList(skipped)}`)
  return ok({ reports, skipped })
}

// A folder of a thousand links out of it would make a message of a thousand reasons on one line.
const skippedListed = 3

/** The first files skipped, each with its reason, and how many more there were. */
function skippedList(skipped: readonly SkippedSource[]): string {
  const listed = skipped.slice(0, skippedListed).map((entry) => `${entry.path}: ${entry.reason}`)
  const more = skipped.length - listed.length
  return [...listed, ...(more > 0 ? [`and ${more} more ${plural(more, 'file')} skipped`] : [])].join('; ')
}
