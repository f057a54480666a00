import { readdir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { megabytes } from '../remark/input-limits.js'
import { folderOf, ioReason, readSourceFile } from './read-source.js'
import type { CompileInput, SkippedSource, SourceText } from '../model/compiled.js'

export const registryName = 'metrics.yaml'

export type SourcesOutcome = { ok: true; input: CompileInput } | { ok: false; message: string }

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
export async function readSources(options: { src: string; files?: readonly string[]; cwd?: string }): Promise<SourcesOutcome> {
  const cwd = options.cwd ?? process.cwd()
  const src = path.resolve(cwd, options.src)
  let folder: string
  try {
    folder = await realpath(src)
    if (!(await stat(folder)).isDirectory()) return { ok: false, message: `Cannot read the source folder ${displayPath(src, cwd)}: not a folder` }
  } catch (error) {
    return { ok: false, message: `Cannot read the source folder ${displayPath(src, cwd)}: ${ioReason(error)}` }
  }
  const registryPath = path.join(src, registryName)
  const registry = await readSourceFile(registryPath, folder)
  if (registry.kind === 'too-large') return { ok: false, message: `Cannot read ${displayPath(registryPath, cwd)}: it is ${megabytes(registry.size)} MB, more than factmark reads` }
  if (registry.kind !== 'read') return { ok: false, message: `Cannot read ${displayPath(registryPath, cwd)}: ${registry.reason}` }

  const reports = options.files && options.files.length > 0 ? await readFiles(options.files, cwd) : await readReportFolder(src, cwd)
  if (!reports.ok) return reports
  return { ok: true, input: { reports: reports.reports, registry: { path: displayPath(registryPath, cwd), text: registry.bytes }, skipped: reports.skipped } }
}

export type ReportsOutcome = { ok: true; reports: SourceText[]; skipped: SkippedSource[] } | { ok: false; message: string }

/** The reports of a folder (`*.md`, in name order), each path relative to `cwd`. */
export async function readReportFolder(folder: string, cwd: string = process.cwd()): Promise<ReportsOutcome> {
  let names: string[]
  let real: string
  try {
    real = await realpath(folder)
    names = (await readdir(real)).filter((name) => name.endsWith('.md')).sort()
  } catch (error) {
    return { ok: false, message: `Cannot read the source folder ${displayPath(folder, cwd)}: ${ioReason(error)}` }
  }
  if (names.length === 0) return { ok: false, message: `No reports (*.md) in ${displayPath(folder, cwd)}` }
  return readEach(names.map((name) => path.join(folder, name)), () => Promise.resolve(real), cwd)
}

/** Report files named one by one; links are checked against the folder each is named in. */
async function readFiles(files: readonly string[], cwd: string): Promise<ReportsOutcome> {
  return readEach(files.map((file) => path.resolve(cwd, file)), folderOf, cwd)
}

async function readEach(files: readonly string[], folderFor: (file: string) => Promise<string>, cwd: string): Promise<ReportsOutcome> {
  const reports: SourceText[] = []
  const skipped: SkippedSource[] = []
  // One at a time: a folder of thousands of reports must not run out of file handles.
  for (const file of files) {
    const shown = displayPath(file, cwd)
    const outcome = await readSourceFile(file, await folderFor(file))
    if (outcome.kind === 'failed') return { ok: false, message: `Cannot read ${shown}: ${outcome.reason}` }
    if (outcome.kind === 'skipped') skipped.push({ path: shown, reason: outcome.reason })
    else if (outcome.kind === 'too-large') reports.push({ path: shown, text: new Uint8Array(0), unreadSize: outcome.size })
    else reports.push({ path: shown, text: outcome.bytes })
  }
  // A build of none of its reports would publish an empty site in place of the last one.
  if (reports.length === 0) return { ok: false, message: `No report could be read: ${skipped.map((entry) => `${entry.path}: ${entry.reason}`).join('; ')}` }
  return { ok: true, reports, skipped }
}
