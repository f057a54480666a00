import { readdir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { megabytes } from '../remark/input-limits.js'
import { folderOf, ioReason, readSourceFile } from './read-source.js'
import type { CompileInput, SkippedSource, SourceText } from '../model/compiled.js'
import { err, ok, type Result } from '../model/result.js'

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

/** Paths in output are relative to the working directory, with forward slashes, so builds are portable. */
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
    return failure(`Cannot read the source folder ${shownSrc}: ${ioReason(error)}`, shownSrc)
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

  const reports =
    options.files && options.files.length > 0
      ? readFiles(options.files, cwd, options.keep)
      : await readReportFolder(src, cwd, options.keep)
  if (!reports.ok) return reports
  return ok({
    reports: reports.value.reports,
    registry: { path: shownRegistry, text: registry.value },
    skipped: reports.value.skipped
  })
}

/** What is kept of a report read, given its absolute path. */
export type Keep = (report: SourceText, file: string) => SourceText

const keepAll: Keep = (report) => report

/** The reports that were read, and the paths that were skipped on purpose. */
interface ReadReports {
  reports: SourceText[]
  skipped: SkippedSource[]
}

export type ReportsOutcome = Result<ReadReports, SourcesFailure>

/** The reports of a folder (`*.md`, in name order), each path relative to `cwd`. */
export async function readReportFolder(
  folder: string,
  cwd: string = process.cwd(),
  keep: Keep = keepAll
): Promise<ReportsOutcome> {
  const shown = displayPath(folder, cwd)
  let names: string[]
  let real: string
  try {
    real = await realpath(folder)
    names = (await readdir(real)).filter((name) => name.endsWith('.md')).sort()
  } catch (error) {
    return failure(`Cannot read the source folder ${shown}: ${ioReason(error)}`, shown)
  }
  if (names.length === 0) return failure(`No reports (*.md) in ${shown}`, shown)
  return readEach(
    names.map((name) => path.join(folder, name)),
    () => real,
    cwd,
    keep
  )
}

/** Report files named one by one; links are checked against the folder each is named in. */
function readFiles(files: readonly string[], cwd: string, keep: Keep = keepAll): ReportsOutcome {
  return readEach(
    files.map((file) => path.resolve(cwd, file)),
    folderOf,
    cwd,
    keep
  )
}

function readEach(
  files: readonly string[],
  folderFor: (file: string) => string,
  cwd: string,
  keep: Keep
): ReportsOutcome {
  const reports: SourceText[] = []
  const skipped: SkippedSource[] = []
  // One at a time: a folder of thousands of reports must not run out of file handles.
  for (const file of files) {
    const shown = displayPath(file, cwd)
    const outcome = readSourceFile(file, folderFor(file))
    if (outcome.ok) reports.push(keep({ path: shown, text: outcome.value }, file))
    else if (outcome.error.kind === 'failed') return failure(`Cannot read ${shown}: ${outcome.error.reason}`, shown)
    else if (outcome.error.kind === 'skipped') skipped.push({ path: shown, reason: outcome.error.reason })
    else reports.push({ path: shown, text: new Uint8Array(0), unreadSize: outcome.error.size })
  }
  // A build of none of its reports would publish an empty site in place of the last one.
  if (reports.length === 0)
    return failure(`No report could be read: ${skipped.map((entry) => `${entry.path}: ${entry.reason}`).join('; ')}`)
  return ok({ reports, skipped })
}
