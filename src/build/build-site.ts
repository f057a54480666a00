import { digestedSources } from '../load/digested-sources.js'
import type { SourceText } from '../model/compiled.js'
import { manifestName } from '../model/site.js'
import { contentDigest } from '../cache/cache-folder.js'
import { environmentKey, unitKey } from './build-cache.js'
import { buildResult, type BuildResult } from './build-result.js'
import {
  knownDigest,
  readRecordedResult,
  seenFile,
  standsAsWritten,
  type BuildRecord,
  type SeenFile
} from './build-record.js'
import type { SiteBuildOptions, SiteBuildOutcome } from './site-build.js'
import type { UnitRunner } from './unit-pool.js'
import type { UnitTask } from './unit-task.js'

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
  const started = Date.now()
  const last = cache.reuse ? options.last : undefined
  const seen: Record<string, SeenFile> = {}
  const { input, files: digests } = await digestedSources(
    { src: options.src, cwd: options.cwd, ...(options.files && { files: options.files }) },
    {
      onRead: (file, stats, digest) => {
        const saw = seenFile(stats, digest, started)
        if (saw) seen[file] = saw
      },
      // A file whose stats are those the last build saw is not read again: its digest is known.
      known: (_shown, file, stats) => {
        const before = last?.seen?.[file]
        const digest = knownDigest(before, stats)
        if (!before || digest === undefined) return undefined
        seen[file] = before
        return digest
      }
    }
  )
  options.clock.lap('read the sources')
  // The files factmark renders by default are part of its code, which the environment covers.
  const environment = environmentKey(input.registry, options.reportFiles?.map((file) => file.href) ?? [], cache.folder)
  const keyOf = (source: SourceText) =>
    unitKey(environment, source, digests.get(source.path)?.digest ?? contentDigest(source.text))
  const keys = input.reports.map(keyOf)
  const skipped = (input.skipped ?? []).map(({ path: shown, reason }): [string, string] => [shown, reason])
  const record = last?.environment === environment ? last : undefined
  // What a process that builds again and again (watch) does once this build is done: see readyForSaves.
  const ready = () => {
    if (!options.workers) return
    const source = largestSource(input.reports, digests)
    const sample = source && {
      source,
      registry: input.registry,
      environment,
      root: out,
      cacheFolder: cache.folder,
      reuse: cache.reuse
    }
    readyForSaves(options.workers, sample, input.reports.length)
  }

  const said =
    record &&
    unchanged(
      record,
      input.reports.map((source, index) => [source.path, keys[index] ?? '']),
      skipped,
      out
    )
      ? readRecordedResult(cache.folder, out, record)
      : undefined
  if (record && said) {
    const { diagnostics, coverage, reports } = said
    const result = buildResult(diagnostics, coverage, reports, options.cwd, (file) => digests.get(file)?.digest)
    const problems = problemsOf(result)
    options.clock.lap('compare with the last build')
    ready()
    if (problems !== undefined)
      return { ok: false, reason: 'invalid', result, message: `the sources have ${problems}`, restored: false }
    return { ok: true, result, files: Object.keys(record.files).sort(), restored: false, unchanged: true }
  }

  // Only now is the compiler loaded: a build with nothing to do never loads it.
  const { stageSite } = await import('./stage-site.js')
  const outcome = await stageSite({ options, input, digests, seen, keys, environment, record, skipped, problemsOf })
  ready()
  return outcome
}

/**
 * Ready a process that builds again and again for its first save, without waiting: load the
 * modules that stage a site (a build with nothing to do loads none), and have its threads compile
 * `sample`, the largest report, if they have compiled too little (see UnitRunner.warm).
 */
function readyForSaves(workers: UnitRunner, sample: UnitTask | undefined, reports: number): void {
  import('./stage-site.js')
    .then((staging) => {
      staging.startTableWriter(workers, reports)
      return staging.loadStageModules()
    })
    .catch(() => undefined)
  if (sample) void workers.warm?.(sample)
}

/**
 * The report of most bytes, which runs the most of the compiler's code, and its file. Reports too
 * large to read are left out.
 */
function largestSource(
  reports: readonly SourceText[],
  digests: ReadonlyMap<string, { file: string; size: number }>
): UnitTask['source'] | undefined {
  let largest: UnitTask['source'] | undefined
  let most = -1
  for (const report of reports) {
    const read = digests.get(report.path)
    if (report.unreadSize !== undefined || read === undefined) continue
    if (read.size > most) [largest, most] = [{ path: report.path, file: read.file }, read.size]
  }
  return largest
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
