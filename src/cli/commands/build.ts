import path from 'node:path'
import { build, type BuildFailure, type BuildOutcome, type Built } from '../../build/build.js'
import { displayPath } from '../../load/sources.js'
import { isInside } from '../../model/paths.js'
import { FactmarkError } from '../../model/factmark-error.js'
import { isNodeError } from '../../model/node-error.js'
import { plural } from '../../model/plural.js'
import { err, ok, type Result } from '../../model/result.js'
import { cacheFolderOf } from '../cache-option.js'
import { toldThreads } from '../jobs-option.js'
import { leftOutOfSite } from '../named-reports.js'
import { checkFailure, checkNamed, type CheckedSources } from '../check-sources.js'
import { exit, type Call, type Io } from '../command-line.js'
import { registryShown, report, type Output } from '../report.js'
import { formatStepTimes } from '../format/step-times.js'
import { modifiedLine, outputLeft, unrecordedLine, withdrawnLine } from '../output-left.js'
import { progressLine } from '../progress-line.js'

export async function run({ files, values, format, io }: Call): Promise<number> {
  const where = `${values.out.replace(/\/+$/, '')}/`
  const cache = cacheFolderOf(values, io.cwd)
  if (!cache.ok) {
    io.stderr(cache.error)
    return exit.usage
  }
  const jobs = await toldThreads(values, io)
  if (!jobs) return exit.usage
  const { threads } = jobs
  const output = { format, verbose: values.verbose, registry: registryShown(values.src, io.cwd) }
  let checked: CheckedSources | undefined
  if (files.length > 0) {
    const among = await checkAmongFolder({ files, values, format, io }, where, cache.value, threads)
    if (!among.ok) return among.error
    checked = among.value
  }
  let outcome: BuildOutcome
  const progress = progressLine(io)
  try {
    outcome = await build({
      src: values.src,
      files,
      cwd: io.cwd,
      out: values.out,
      strict: values.strict,
      cache: !values['no-cache'],
      cacheFolder: cache.value,
      ...(threads !== undefined && { threads }),
      onProgress: progress.show
    })
  } catch (error) {
    progress.clear()
    // A source that cannot be read says so itself; the file system failed while writing.
    const message =
      error instanceof FactmarkError
        ? error.message
        : isNodeError(error)
          ? `Cannot write ${writtenPlace(error, where, cache.value, io.cwd)}: ${error.message}`
          : undefined
    if (message === undefined) throw error
    io.stderr(`factmark: ${message}; ${outputLeft(where, values.out, io.cwd).words}\n`)
    return exit.usage
  }
  progress.clear()
  if (!outcome.ok) return reportNotBuilt(outcome.error, where, output, io, outputLeft(where, values.out, io.cwd).words)
  // Of named reports, what the check among the folder said, which the build of them alone cannot.
  const built = checked ? { ...outcome.value, said: checked } : outcome.value
  const code = reportBuilt(built, where, output, io)
  if (files.length > 0) {
    const left = leftOutOfSite(values.src, files, io.cwd).length
    if (left > 0)
      io.stderr(
        `factmark: ${where} now holds the named ${plural(files.length, 'report')} alone; the ${left} other ${plural(left, 'report')} of ${displayPath(values.src, io.cwd)}/ ${plural(left, 'is', 'are')} not published (build without files publishes them all)\n`
      )
  }
  if (values.timings) io.stderr(formatStepTimes(outcome.value.steps))
  return code
}

/**
 * The named reports are published alone, but what they state is checked among the folder's
 * reports first, as `check` with the same files does: a site of one report must not publish a
 * figure that contradicts another year's. The check, or the exit code when the build stops at it.
 */
async function checkAmongFolder(
  { files, values, format, io }: Call,
  where: string,
  cacheFolder: string,
  threads: number | undefined
): Promise<Result<CheckedSources, number>> {
  const left = () => outputLeft(where, values.out, io.cwd).words
  const checking = progressLine(io, { doing: 'checking' })
  let checked: CheckedSources
  try {
    checked = await checkNamed(
      { src: values.src, files, cwd: io.cwd, ...(threads !== undefined && { threads }) },
      { folder: cacheFolder, reuse: !values['no-cache'] },
      (compiled, of) => checking.show({ kind: 'compiled', compiled, of })
    )
  } catch (error) {
    if (!(error instanceof FactmarkError)) throw error
    checking.clear()
    io.stderr(`factmark: ${error.message}; ${left()}\n`)
    return err(exit.usage)
  }
  checking.clear()
  const failed = checkFailure(checked.diagnostics, values.strict)
  if (failed === undefined) return ok(checked)
  report(checked, { format, verbose: values.verbose, registry: registryShown(values.src, io.cwd) }, io, {})
  io.stderr(`factmark: build failed: ${failed} among the reports of ${displayPath(values.src, io.cwd)}/; ${left()}\n`)
  return err(exit.invalid)
}

/** What a write that failed was writing: the cache, when the file the system names is in it; else the output folder. */
function writtenPlace(error: NodeJS.ErrnoException, where: string, cache: string, cwd: string): string {
  const file = error.path === undefined ? undefined : path.resolve(cwd, error.path)
  return file !== undefined && (file === cache || isInside(file, cache))
    ? `the cache folder ${displayPath(cache, cwd)}/`
    : where
}

function reportBuilt(
  { result, files, restored, unchanged, unrecorded, said, withdrawn, modified }: Built & { said?: CheckedSources },
  where: string,
  output: Output,
  io: Io
): number {
  const facts = result.factCount
  report(said ?? result, output, io, { facts, files: files.map((file) => `${where}${file}`) })
  if (restored)
    io.stderr(
      unchanged
        ? `factmark: an earlier build was interrupted; its complete ${where} was restored\n`
        : `factmark: an earlier build was interrupted; its complete ${where} was restored before this one replaced it\n`
    )
  const count = files.length
  const reports = `${result.reports.length} ${plural(result.reports.length, 'report')}, ${facts} ${plural(facts, 'fact')}`
  io.stderr(
    unchanged
      ? `factmark: ${where} is up to date (${count} ${plural(count, 'file')}, ${reports}): nothing changed since it was built\n`
      : `factmark: wrote ${count} ${plural(count, 'file')} to ${where} (${reports})\n`
  )
  if (withdrawn.length > 0) io.stderr(withdrawnLine(withdrawn, where))
  if (modified.length > 0) io.stderr(modifiedLine(modified, where))
  if (unrecorded !== undefined) io.stderr(unrecordedLine(unrecorded, where))
  return exit.ok
}

function reportNotBuilt(failure: BuildFailure, where: string, output: Output, io: Io, left: string): number {
  if (failure.reason === 'output') {
    io.stderr(`factmark: ${failure.message}\n`)
    return exit.usage
  }
  report(failure.result, output, io, {})
  if (failure.restored) io.stderr(`factmark: an earlier build was interrupted; its complete ${where} was restored\n`)
  io.stderr(`factmark: build failed: ${failure.message}; ${left}\n`)
  return failure.reason === 'invalid' ? exit.invalid : exit.usage
}
