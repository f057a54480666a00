import { stat } from 'node:fs/promises'
import path from 'node:path'
import type { BuildFailure, Built } from '../../build/build.js'
import { sourceFolderHint } from '../../load/source-folder-hint.js'
import { displayPath } from '../../load/sources.js'
import { FactmarkError } from '../../model/factmark-error.js'
import { fewOfMany } from '../../model/few-of-many.js'
import { isNodeError } from '../../model/node-error.js'
import { plural } from '../../model/plural.js'
import { startWatch, type BuildThrown, type WatchedBuild, type Watching } from '../../watch/watch.js'
import { cacheFolderOf } from '../cache-option.js'
import { toldThreads } from '../jobs-option.js'
import { exit, type Call, type Io } from '../command-line.js'
import { registryShown, report, type Output } from '../report.js'
import { modifiedLine, namedInLine, outputLeft, unrecordedLine, withdrawnLine } from '../output-left.js'
import { progressLine } from '../progress-line.js'

export async function run({ files, values, io }: Call): Promise<number> {
  if (files.length > 0) {
    io.stderr(`factmark: watch builds the whole of ${values.src}/ and takes no files\n`)
    return exit.usage
  }
  const port = portOf(values.port)
  if (port === undefined) {
    io.stderr(`factmark: --port must be a whole number from 0 to 65535, not "${values.port}"\n`)
    return exit.usage
  }
  const cache = cacheFolderOf(values, io.cwd)
  if (!cache.ok) {
    io.stderr(cache.error)
    return exit.usage
  }
  const jobs = await toldThreads(values, io)
  if (!jobs) return exit.usage
  // A watch with no source folder would serve nothing until one appeared, and say so at each save.
  const missing = await missingSourceFolder(values.src, io.cwd)
  if (missing !== undefined) {
    io.stderr(`factmark: ${missing}\n`)
    return exit.usage
  }
  const where = `${values.out.replace(/\/+$/, '')}/`
  // A note is printed once: a save's rebuild counts the notes it printed before.
  const output: Output = {
    format: 'text',
    verbose: values.verbose,
    notesShown: new Map(),
    registry: registryShown(values.src, io.cwd)
  }
  let watching: Watching
  // Once stopping, the build that runs finishes quietly: the last line says the watch stopped.
  let stopping = false
  let waiting = false
  // Shown for a build that takes a while (the first, of many reports); a save's rebuild prints its line alone.
  const progress = progressLine(io, { after: 500 })
  try {
    watching = await startWatch({
      src: values.src,
      out: values.out,
      cwd: io.cwd,
      cacheFolder: cache.value,
      ...(jobs.threads !== undefined && { threads: jobs.threads }),
      strict: values.strict,
      port,
      onProgress: (told) => {
        if (!stopping) progress.show(told)
      },
      onBuild: (watched) => {
        progress.clear()
        if (stopping) return
        // Told once, however many times the build is tried again before it is done.
        if (watched.retrying && !waiting) io.stderr(retryLine(watched, where))
        waiting = watched.retrying === true
        if (!waiting) printBuild(watched, () => outputLeft(where, values.out, io.cwd), where, output, io)
      },
      onWatchError: (error) =>
        io.stderr(`factmark: cannot watch ${values.src}/: ${error instanceof Error ? error.message : String(error)}\n`)
    })
  } catch (error) {
    if (error instanceof FactmarkError) {
      io.stderr(`factmark: ${error.message}\n`)
      return exit.usage
    }
    if (!isNodeError(error, 'EADDRINUSE')) throw error
    io.stderr(`factmark: port ${port} is in use; choose another with --port (0 takes any free port)\n`)
    return exit.usage
  }
  io.stderr(`factmark: serving ${where} at ${watching.url} and watching ${values.src}/ (Ctrl-C stops)\n`)
  const signal = await stopSignal()
  stopping = true
  progress.clear()
  io.stderr(`factmark: ${signal}: stopping\n`)
  await watching.close()
  return exit.ok
}

function portOf(option: string): number | undefined {
  const port = Number(option)
  return /^\d+$/.test(option) && port <= 65535 ? port : undefined
}

/**
 * Resolves with the first Ctrl-C (SIGINT) or SIGTERM. The listeners are removed then, so that a
 * second Ctrl-C, while a long build finishes, ends the process the default way.
 */
function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve(signal)
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}

/** Why a build is tried again shortly, and not printed as failed: see WatchedBuild.retrying. */
function retryLine({ outcome }: WatchedBuild, where: string): string {
  const busy = !outcome.ok && outcome.error.reason === 'output'
  return busy
    ? `factmark: another factmark build is writing ${where}; building again once it is done\n`
    : 'factmark: the sources changed again while they were built; building again\n'
}

/** One build as `build` prints it: the diagnostics with the text formatter, then a line that says what happened. */
function printBuild(
  { changed, added, removed, renamed, milliseconds, outcome }: WatchedBuild,
  left: () => { kept: boolean; words: string },
  where: string,
  output: Output,
  io: Io
): void {
  const cause = changed.length === 0 ? 'built' : `${whatChanged(changed, added, removed, renamed)}; rebuilt`
  const time = `${Math.round(milliseconds)} ms`
  if (outcome.ok) {
    printBuilt(outcome.value, `${cause} ${where} in ${time}`, output, io, where)
    if (outcome.value.unrecorded !== undefined) io.stderr(unrecordedLine(outcome.value.unrecorded, where))
  } else
    printFailed(
      outcome.error,
      `${cause === 'built' ? 'build' : cause.replace(/rebuilt$/, 'rebuild')} failed in ${time}`,
      left(),
      output,
      io
    )
}

/**
 * The sources a save changed, as the line of its build names them: a rename as one, and a few of
 * each kind when many changed at once (a folder of reports copied in, or removed), so the line
 * stays a line.
 */
export function whatChanged(
  changed: readonly string[],
  added: readonly string[],
  removed: readonly string[],
  renamed: WatchedBuild['renamed']
): string {
  if (renamed) return `${renamed.from} renamed to ${renamed.to}`
  const edited = changed.filter((file) => !added.includes(file) && !removed.includes(file))
  const groups: Array<[readonly string[], string]> = [
    [edited, 'changed'],
    [added, 'added'],
    [removed, 'removed']
  ]
  return groups
    .flatMap(([files, how]) => (files.length === 0 ? [] : [`${fewOfMany(files, namedInLine)} ${how}`]))
    .join(', ')
}

function printBuilt({ result, withdrawn, modified }: Built, done: string, output: Output, io: Io, where: string): void {
  report(result, output, io, {})
  const reports = result.reports.length
  io.stderr(
    `factmark: ${done} (${reports} ${plural(reports, 'report')}, ${result.factCount} ${plural(result.factCount, 'fact')})\n`
  )
  if (withdrawn.length > 0) io.stderr(withdrawnLine(withdrawn, where))
  if (modified.length > 0) io.stderr(modifiedLine(modified, where))
}

function printFailed(
  failure: BuildFailure | BuildThrown,
  failed: string,
  left: { kept: boolean; words: string },
  output: Output,
  io: Io
): void {
  if (failure.reason === 'invalid' || failure.reason === 'emit') report(failure.result, output, io, {})
  const served = left.kept ? ' and is still served' : ', and nothing is served until a build succeeds'
  io.stderr(`factmark: ${failed}: ${failure.message}; ${left.words}${served}\n`)
}

/** Why `src` cannot be watched, when it is no folder; undefined when it is one. */
async function missingSourceFolder(src: string, cwd: string): Promise<string | undefined> {
  const folder = path.resolve(cwd, src)
  const isFolder = await stat(folder).then(
    (stats) => stats.isDirectory(),
    () => false
  )
  if (isFolder) return undefined
  const hint = sourceFolderHint(cwd, src) ?? 'run `npx factmark init` to start a project'
  return `there is no source folder ${displayPath(folder, cwd)}/ to watch: ${hint}`
}
