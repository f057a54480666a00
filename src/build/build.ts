import path from 'node:path'
import type { CompileOptions } from '../api.js'
import type { ReportFile } from './render-artifacts.js'
import {
  checkOutputFolder,
  readManifestPaths,
  type KnownManifest,
  type OutputCheck,
  type OutputPlaces
} from './output-folder.js'
import { recoverOutput, type PublishStep } from './publish.js'
import { defaultCacheFolder } from '../cache/cache-folder.js'
import { readRecord, recordedFiles, recordedManifest, spareTree } from './build-record.js'
import type { BuildResult } from './build-result.js'
import { buildSite } from './build-site.js'
import type { SiteBuildOutcome } from './site-build.js'
import type { UnitRunner } from './unit-pool.js'
import { changedMeanwhile, FactmarkError, type FactmarkErrorCode } from '../model/factmark-error.js'
import { err, ok, type Result } from '../model/result.js'
import { failingMessages } from '../diagnostics/failure.js'
import { stepClock, type StepTime } from './step-clock.js'
import type { BuildProgress } from './build-progress.js'

export interface BuildOptions extends CompileOptions {
  /** Output folder. Default `dist`. */
  out?: string
  /** Fail on warnings too. */
  strict?: boolean
  /** The files written for each report (default: every format factmark publishes). */
  reportFiles?: readonly ReportFile[]
  /** Called after each step of publishing; for fault-injection tests. */
  onPublishStep?: (step: PublishStep) => void | Promise<void>
  /** Told of each report compiled and each step ended, as the build goes (see BuildProgress). */
  onProgress?: (progress: BuildProgress) => void
  /** Use what earlier builds compiled (default true); false compiles every report again, and refills the cache. */
  cache?: boolean
  /** Where the cache is kept; see defaultCacheFolder. */
  cacheFolder?: string
  /** At most this many worker threads compile reports; 0 or 1 compiles in this thread. Default: one per core. */
  threads?: number
  /**
   * At most this many facts are held at once by the rules across reports (default 150,000); a
   * larger collection is made a group of metrics at a time, the rest kept on disk meanwhile. The
   * output is the same.
   */
  factsHeld?: number
}

/**
 * A site written to `out`, or found there as this build would write it (`unchanged`, nothing
 * written); `restored` when an interrupted build's tree was put back first.
 */
export interface Built {
  result: BuildResult
  /** Every file of the site, relative to `out`. */
  files: string[]
  out: string
  restored: boolean
  unchanged: boolean
  /**
   * Why the record of this build could not be kept in the cache, when it could not: the site was
   * written all the same, and the next build checks it against the sources again.
   */
  unrecorded?: string
  /** The steps the build took, in order, with their times. */
  steps: StepTime[]
  /**
   * The slugs of the reports `out` held before this build and holds no longer (a report deleted,
   * or given another slug): their pages and data were taken down, at addresses readers may know.
   */
  withdrawn: string[]
  /**
   * Files of `out` the last build wrote that were modified since (by hand, say) where this build
   * took the rest as they stood: each is written anew as the sources make it. One a report at most.
   */
  modified: string[]
}

/**
 * Why nothing was written: the sources are invalid, an emitter failed, or
 * `out` may not be replaced, in which case nothing was compiled either.
 */
export type BuildFailure =
  | { reason: 'invalid' | 'emit'; result: BuildResult; message: string; out: string; restored: boolean }
  | {
      reason: 'output'
      result?: undefined
      message: string
      out: string
      /** Another build is writing `out` now: a build once it is done may write it. */
      busy?: boolean
    }

export type BuildOutcome = Result<Built, BuildFailure>

/**
 * Compile the sources and, if they are valid, write the whole site: a new
 * tree is rendered and checked in memory, written beside `out`, and swapped
 * in. `out` is replaced only when it is missing, empty or a tree factmark
 * wrote. When anything fails, `out` stays exactly as it was.
 */
export async function build(options: BuildOptions = {}): Promise<BuildOutcome> {
  return buildWith(options)
}

/**
 * build, with threads that compile reports started by a process that builds again and again
 * (watch) and kept across its builds, so that a save is compiled at once by a thread that has
 * compiled before; `threads` is then not used. Without them, threads are started for the build
 * and stopped after it.
 */
export async function buildWith(options: BuildOptions, workers?: UnitRunner): Promise<BuildOutcome> {
  const { onLap, onCompiled } = progressHooks(options.onProgress)
  const clock = stepClock(undefined, onLap)
  const places = outputPlaces(options)
  const { out } = places
  const refused = (message: string, code?: FactmarkErrorCode) =>
    err({ reason: 'output' as const, message, out, ...(code === 'FACTMARK_BUSY' && { busy: true }) })
  const cache = { folder: options.cacheFolder ?? defaultCacheFolder(places.cwd), reuse: options.cache !== false }
  // Read once: it says what the manifest of out lists, and what this build may take from out.
  const last = cache.reuse ? readRecord(cache.folder, out) : undefined
  const known = recordedManifest(last, out)
  const ours = recordedFiles(last, out)
  const allowed = await checkOutputFolder(places, known, ours)
  if (!allowed.ok) return refused(allowed.error.message)
  // Read before this build replaces them: the reports the site published until now.
  const published = await reportsOf(out, known)
  let checkedFirst: Promise<OutputCheck> | undefined = Promise.resolve(allowed)
  // An interrupted build is mended first, so that this one leaves a whole tree even if it fails.
  // The tree an interrupted build was staging is kept as the spare: its reports need not compile again.
  const recovered = await unlessRefused(() =>
    recoverOutput(out, cache.reuse ? { spare: spareTree(cache.folder, out) } : {})
  )
  if (!recovered.ok) return refused(recovered.error.message, recovered.error.code)
  const { restored } = recovered.value
  clock.lap('check the output folder')

  const buildOnce = () =>
    buildSite(
      {
        cwd: places.cwd,
        src: options.src ?? 'source',
        ...(options.files && { files: options.files }),
        out,
        ...(options.reportFiles && { reportFiles: options.reportFiles }),
        cache,
        ...(last && { last }),
        ...(options.threads !== undefined && { threads: options.threads }),
        ...(options.factsHeld !== undefined && { factsHeld: options.factsHeld }),
        ...(workers && { workers }),
        clock,
        check: () => {
          // publishTree asks before it takes the lock, as this build did before compiling (and
          // again under the lock, which is the answer that counts): listing the folder and reading
          // its manifest took 35 ms at a thousand reports, so the answer given then stands for it.
          const answer = checkedFirst ?? checkOutputFolder(places, known, ours)
          checkedFirst = undefined
          return answer
        },
        ...(options.onPublishStep && { onPublishStep: options.onPublishStep }),
        ...(onCompiled && { onCompiled })
      },
      (result) => failingMessages({ errors: result.errorCount, warnings: result.warningCount }, options.strict)
    )
  let outcome: SiteBuildOutcome
  try {
    outcome = await startingOverOnChange(buildOnce)
  } catch (error) {
    // Another build took the folder meanwhile, or it changed under this one.
    const refusedNow =
      error instanceof FactmarkError && (error.code === 'FACTMARK_OUTPUT' || error.code === 'FACTMARK_BUSY')
    if (refusedNow) return refused(error.message, error.code)
    throw error
  }
  if (!outcome.ok) {
    const { reason, result, message } = outcome
    return err({ reason, result, message, out, restored: restored || outcome.restored })
  }
  const { ok: _built, restored: restoredNow, ...site } = outcome
  const kept = reportSlugs(site.files)
  const withdrawn = [...published].filter((slug) => !kept.has(slug))
  return ok({
    ...site,
    out,
    restored: restored || restoredNow,
    steps: clock.steps(),
    withdrawn,
    modified: site.modified ?? []
  })
}

/** The slugs of the reports the site in `out` holds, from the record of the build that wrote it or its manifest. */
async function reportsOf(out: string, known: KnownManifest): Promise<Set<string>> {
  return reportSlugs(known() ?? (await readManifestPaths(out)))
}

/** The slugs of the reports a site's files hold: each folder with a facts.json of its own. */
function reportSlugs(files: Iterable<string> | 'foreign' | undefined): Set<string> {
  const slugs = new Set<string>()
  if (typeof files !== 'object') return slugs
  for (const file of files) {
    const slug = /^([^/]+)\/facts\.json$/.exec(file)?.[1]
    if (slug !== undefined) slugs.add(slug)
  }
  return slugs
}

/** What the clock and the site build are told, as the progress of the build. */
function progressHooks(onProgress: BuildOptions['onProgress']): {
  onLap?: (step: StepTime) => void
  onCompiled?: (compiled: number, of: number) => void
} {
  if (!onProgress) return {}
  return {
    onLap: (step) => onProgress({ kind: 'step', step }),
    onCompiled: (compiled, of) => onProgress({ kind: 'compiled', compiled, of })
  }
}

/** Where a build with these options writes, beside its sources and working directory. */
export function outputPlaces(options: Pick<BuildOptions, 'cwd' | 'src' | 'out'>): OutputPlaces {
  const cwd = path.resolve(options.cwd ?? process.cwd())
  // Explicit report files are checked against their registry's folder too: the output must not swallow it.
  return {
    out: path.resolve(cwd, options.out ?? 'dist'),
    src: path.resolve(cwd, options.src ?? 'source'),
    cwd,
    shown: options.out ?? 'dist'
  }
}

/** How many times a build starts at most: see startingOverOnChange. */
const buildAttempts = 3

/**
 * What `run` gives, run again while it fails because a report was saved again after it compiled
 * (FACTMARK_SAVED_AGAIN), as an editor may save twice in a row, or was removed or renamed after the
 * sources were read (FACTMARK_SOURCE_GONE): each run reads the sources anew, and what the last
 * compiled stands in the cache. A few times at most, for one who saves on and on.
 */
async function startingOverOnChange<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run()
    } catch (error) {
      if (!changedMeanwhile(error) || attempt >= buildAttempts) throw error
    }
  }
}

/** A step's value, or the FactmarkError by which it refused; any other error is a bug and thrown on. */
async function unlessRefused<T>(step: () => Promise<T>): Promise<Result<T, FactmarkError>> {
  try {
    return ok(await step())
  } catch (error) {
    if (error instanceof FactmarkError) return err(error)
    throw error
  }
}
