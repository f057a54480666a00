import { existsSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { buildWith, outputPlaces, type BuildOutcome } from '../build/build.js'
import type { BuildProgress } from '../build/build-progress.js'
import { checkOutputFolder } from '../build/output-folder.js'
import { defaultCacheFolder } from '../cache/cache-folder.js'
import { changedMeanwhile, FactmarkError } from '../model/factmark-error.js'
import type { Diagnostic } from '../model/compiled.js'
import { isNodeError } from '../model/node-error.js'
import { lastingRunner } from '../build/unit-pool.js'
import { buildQueue } from './build-queue.js'
import { reloadChannel, type BuildProblem, type OverlayDiagnostic, type SiteState } from './reload-channel.js'
import { startServer, type SiteServer } from './server.js'
import { claimOutput } from './watch-claim.js'
import { watchSources, type SourceEvent } from './source-watcher.js'

export interface WatchOptions {
  /** Folder of the reports and metrics.yaml. Default `source`. */
  src?: string
  /** Output folder, built and served. Default `dist`. */
  out?: string
  /** Folder the other paths are relative to. Default the process's. */
  cwd?: string
  /** Where the cache is kept; see defaultCacheFolder. */
  cacheFolder?: string
  /** Fail on warnings too. */
  strict?: boolean
  /**
   * At most this many threads compile reports, kept from build to build. With 1 none is kept: a
   * save compiles in this thread, and a build of many reports on a thread of its own (see
   * unitRunner). Default: see defaultThreads.
   */
  threads?: number
  /** Port to serve on; 0 takes any free port. Default 4321. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** How long the file events must be quiet before a build starts, in ms. Default 40. */
  delay?: number
  /** Told of every build, when it has been announced to the pages. */
  onBuild?: (watched: WatchedBuild) => void
  /** Told of each report compiled and each step ended, as a build goes (see BuildProgress). */
  onProgress?: (progress: BuildProgress) => void
  /** Told when the source folder cannot be watched (it was removed, or may not be read). */
  onWatchError?: (error: unknown) => void
}

/** build() threw: the sources cannot be read, the file system failed, or a bug. */
export interface BuildThrown {
  reason: 'thrown'
  message: string
  /**
   * A report was saved again, or removed or renamed, time after time while the build used it
   * (FACTMARK_SAVED_AGAIN, FACTMARK_SOURCE_GONE): a build tried again reads it as it is then.
   */
  sourcesChanged?: boolean
}

export interface WatchedBuild {
  /** The sources whose events started the build, relative to `cwd`; empty for the first build. */
  changed: string[]
  /** Of those, the ones added since the build before, and the ones gone (a rename is one of each). */
  added: string[]
  removed: string[]
  /** The one gone and the one added, when they are one file renamed (see SourceWatcher.isRenamed). */
  renamed?: { from: string; to: string }
  /** The time build() took, in ms. */
  milliseconds: number
  outcome: BuildOutcome | { ok: false; error: BuildThrown }
  /**
   * The build could not be done now and is tried again shortly, with the same sources: another
   * build is writing the output, or a report was saved again and again while it ran. The pages are
   * told nothing of it.
   */
  retrying?: boolean
}

export interface Watching {
  /** Where the site is served, e.g. http://127.0.0.1:4321/ */
  url: string
  /** Resolves once no build is running or waiting to run. */
  settled(): Promise<void>
  /** Stop watching, let the build that runs finish, end the pages' streams and stop serving. */
  close(): Promise<void>
}

/**
 * Build the sources, serve the output, and build again whenever a report or the registry is saved,
 * added, removed or renamed. Each build is an incremental `build` (only the reports that changed
 * are compiled; the catalog and the series follow every change, a rename too); a failed build
 * leaves the last good output in place and is shown over the page.
 *
 * The templates are not watched: they are factmark's own (templates/ of the package, not of the
 * project) and are read once per process, so a change to them needs a new `factmark watch`.
 * Rejects with a FactmarkError, serving nothing, when the output folder is one every build would
 * refuse to write (see checkOutputFolder).
 */
export async function startWatch(options: WatchOptions = {}): Promise<Watching> {
  const cwd = path.resolve(options.cwd ?? process.cwd())
  const src = options.src ?? 'source'
  const out = options.out ?? 'dist'
  // A folder every build would refuse to write is not served either: it may be the project itself.
  const allowed = await checkOutputFolder(outputPlaces({ cwd, src, out }))
  if (!allowed.ok) throw new FactmarkError('FACTMARK_OUTPUT', allowed.error.message)
  const claim = await claimOutput(path.resolve(cwd, out), options.cacheFolder ?? defaultCacheFolder(cwd))
  if (!('release' in claim)) {
    const where = claim.url === undefined ? '' : ` at ${claim.url}`
    throw new FactmarkError(
      'FACTMARK_OUTPUT',
      `${out.replace(/\/+$/, '')}/ is served${where} and rebuilt at each save by another factmark watch (process ${claim.pid}): open that one, or stop it first; a second watch of the same folder would build it again at each save, and find it locked`
    )
  }
  const channel = reloadChannel()
  let server: SiteServer
  try {
    server = await startServer({
      root: path.resolve(cwd, out),
      port: options.port ?? 4321,
      ...(options.host !== undefined && { host: options.host }),
      channel
    })
  } catch (error) {
    await claim.release()
    throw error
  }
  await claim.serving(server.url)

  // Each source an event named, and what the events say of it since the last build.
  const changed = new Map<string, SourceEvent>()
  // Kept from build to build, as are the compiled units and the registry (see stage-site.ts).
  const { threads } = options
  const workers = threads === undefined || threads > 1 ? lastingRunner(threads) : undefined
  const run = async () => {
    const events = new Map(changed)
    const files = [...changed.keys()].sort()
    const gone = files.filter((file) => !existsSync(path.resolve(cwd, file)))
    const added = files.filter((file) => changed.get(file) === 'added' && !gone.includes(file))
    const [from] = gone
    const [to] = added
    const renamed =
      files.length === 2 &&
      from !== undefined &&
      to !== undefined &&
      watcher.isRenamed(path.resolve(cwd, from), path.resolve(cwd, to))
        ? { from, to }
        : undefined
    changed.clear()
    const started = performance.now()
    const outcome = await buildCatching(() =>
      buildWith(
        {
          src,
          out,
          cwd,
          ...(options.cacheFolder !== undefined && { cacheFolder: options.cacheFolder }),
          ...(options.strict && { strict: true }),
          // Without threads kept (one asked for), each build starts its own, or compiles in this thread.
          ...(threads !== undefined && { threads }),
          ...(options.onProgress && { onProgress: options.onProgress })
        },
        workers
      )
    )
    const milliseconds = performance.now() - started
    const retry = retryAfter(outcome)
    if (retry !== undefined) {
      // The events go back, for the build that tries again to build and tell them.
      for (const [file, how] of events) {
        const since = changed.get(file)
        changed.set(file, since === undefined ? how : together(how, since))
      }
      queue.request(Math.max(delay, retry))
    } else channel.announce(nextState(channel.state(), outcome, options.strict === true))
    options.onBuild?.({
      changed: files,
      added,
      removed: gone,
      ...(renamed && { renamed }),
      milliseconds,
      outcome,
      ...(retry !== undefined && { retrying: true })
    })
  }
  const onError = options.onWatchError ?? (() => undefined)
  const delay = options.delay ?? 40
  const queue = buildQueue(run, { delay, onError })
  const watcher = watchSources(
    path.resolve(cwd, src),
    (file, how) => {
      const shown = path.relative(cwd, file)
      changed.set(shown, together(changed.get(shown), how))
      // chokidar holds a removal back about 100 ms, to tell a save that replaces a file: a file
      // added may be the new name of one renamed, whose removal is to be built (and told) with it.
      queue.request(how === 'added' ? Math.max(delay, heldRemoval) : delay)
    },
    onError
  )
  await watcher.ready
  queue.request()

  return {
    url: server.url,
    settled: () => queue.settled(),
    async close() {
      // The queue first: a save reported while the watcher closes must not start a build.
      await Promise.all([queue.close(), watcher.close()])
      await server.close()
      await workers?.close()
      await claim.release()
    }
  }
}

/** How long after an addition the watch waits for the removal of a rename (see watchSources). */
const heldRemoval = 150

/**
 * What two events of a source since the last build say of it: a file added and then written is
 * added; one removed and added again (an editor's save that replaces it) is changed.
 */
function together(before: SourceEvent | undefined, now: SourceEvent): SourceEvent {
  if (before === 'added' && now === 'changed') return 'added'
  if (before === 'removed' && now === 'added') return 'changed'
  return now
}

/** What build() gave, or why it threw; the watch goes on either way, waiting for the next save. */
async function buildCatching(
  attempt: () => Promise<BuildOutcome>
): Promise<BuildOutcome | { ok: false; error: BuildThrown }> {
  try {
    return await attempt()
  } catch (error) {
    const message =
      error instanceof FactmarkError || isNodeError(error)
        ? error.message
        : `internal error: ${error instanceof Error ? error.message : String(error)}`
    const sourcesChanged = changedMeanwhile(error)
    return { ok: false, error: { reason: 'thrown', message, ...(sourcesChanged && { sourcesChanged }) } }
  }
}

// How long a watch waits to build again when another build is writing the output.
const busyRetryMs = 250

/** In how many ms a build that could not be done now is tried again; undefined for a build that is done, or failed for good. */
function retryAfter(outcome: WatchedBuild['outcome']): number | undefined {
  if (outcome.ok) return undefined
  const { error } = outcome
  if (error.reason === 'output' && error.busy === true) return busyRetryMs
  if (error.reason === 'thrown' && error.sourcesChanged === true) return 0
  return undefined
}

/**
 * The state after a build: a new build number when it wrote the output, with its warnings; the last
 * one, its warnings and the build's problem when not.
 */
function nextState(previous: SiteState, outcome: WatchedBuild['outcome'], strict: boolean): SiteState {
  if (!outcome.ok) {
    const { warnings } = previous
    return { build: previous.build, ...(warnings && { warnings }), problem: problemOf(outcome.error, strict) }
  }
  const warnings = outcome.value.result.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning')
  if (warnings.length === 0) return { build: previous.build + 1 }
  return {
    build: previous.build + 1,
    warnings: { count: warnings.length, shown: warnings.slice(0, warningsShown).map(overlayDiagnostic) }
  }
}

// A page lists this many warnings at most; the terminal prints them all.
const warningsShown = 50

/** A diagnostic as a page shows it. */
function overlayDiagnostic({ file, line, column, severity, ruleId, message }: Diagnostic): OverlayDiagnostic {
  return { file, line, column, severity, ruleId, message }
}

function problemOf(failure: Exclude<WatchedBuild['outcome'], { ok: true }>['error'], strict: boolean): BuildProblem {
  if (failure.reason === 'thrown' || failure.reason === 'output') return { message: failure.message, diagnostics: [] }
  // What failed the build: its errors, and its warnings under --strict; notes and the rest are in the terminal.
  const failing = failure.result.diagnostics.filter(
    (diagnostic) => diagnostic.severity === 'error' || (strict && diagnostic.severity === 'warning')
  )
  return { message: `build failed: ${failure.message}`, diagnostics: failing.map(overlayDiagnostic) }
}
