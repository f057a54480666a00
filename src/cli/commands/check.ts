import path from 'node:path'
import { contentDigest } from '../../cache/cache-folder.js'
import { checkKey, keepCheck, readCheck, type KeptCheck } from '../../cache/kept-check.js'
import { pruneChecks } from '../../cache/prune-cache.js'
import { digestedSources } from '../../load/digested-sources.js'
import { sourcesOf } from '../../load/source-input.js'
import { sourcesReadAgain } from '../../load/sources-read-again.js'
import { taskSourceOf } from '../../load/task-source.js'
import { coveragePercent, formatCoverage } from '../../compile/coverage.js'
import type { Coverage } from '../../model/compiled.js'
import type { LoadedRegistry } from '../../load/registry.js'
import { plural } from '../../model/plural.js'
import { err, ok, type Result } from '../../model/result.js'
import { roundTo } from '../../model/rounding.js'
import { terminalText } from '../format/printable.js'
import type { SourceLookup } from '../format/text.js'
import { cacheFolderOf } from '../cache-option.js'
import { exit, type Call } from '../command-line.js'
import { progressLine } from '../progress-line.js'
import type { OnCompiled } from '../../compile/compile-sources.js'
import { report } from '../report.js'
import { narrowedTo, reportsOfNamed } from '../named-reports.js'
import { displayPath } from '../../load/sources.js'

export async function run({ files, values, format, io }: Call): Promise<number> {
  const minimum = coverageMinimum(values['min-coverage'])
  if (!minimum.ok) {
    io.stderr(minimum.error)
    return exit.usage
  }
  const folder = cacheFolderOf(values, io.cwd)
  if (!folder.ok) {
    io.stderr(folder.error)
    return exit.usage
  }
  const cache = { folder: folder.value, reuse: !values['no-cache'] }
  const progress = progressLine(io, { doing: 'checking' })
  // Named reports are checked among the source folder's: what they state is checked against the others.
  let named: ReturnType<typeof reportsOfNamed> | undefined
  if (files.length > 0) {
    // Looked at alone first, by their files' kind and place and not their bytes, so that a check
    // of none that can be read stops as it always has.
    await sourcesOf({ src: values.src, files, cwd: io.cwd }, { known: (shown) => ({ path: shown, text: '' }) })
    named = reportsOfNamed(values.src, files, io.cwd)
  }
  let checked: Awaited<ReturnType<typeof checkOf>>
  try {
    const all = await checkOf(
      { src: values.src, files: named?.files ?? [], cwd: io.cwd, checkUnusedMetrics: named === undefined },
      cache,
      (compiled, of) => progress.show({ kind: 'compiled', compiled, of })
    )
    const registry = displayPath(path.join(values.src, 'metrics.yaml'), io.cwd)
    checked = named ? narrowedTo(all, named.shown, registry) : all
  } finally {
    progress.clear()
  }
  // What checks keep goes once unused for a week (see pruneCache), also where no build runs;
  // what builds keep is left to them.
  if (cache.reuse) pruneChecks(cache.folder)
  const percent = coveragePercent(checked.coverage)
  report(checked, { format, verbose: values.verbose }, io, {
    facts: Object.values(checked.factsOf).reduce((sum, count) => sum + count, 0),
    coverage: { percent: roundTo(percent, 1), reports: checked.coverage }
  })
  if (format === 'text') io.stdout(terminalText(formatCoverage(checked.coverage)))
  const shortfall =
    minimum.value === undefined ? undefined : coverageShortfall(checked.coverage, percent, minimum.value)
  if (shortfall !== undefined) {
    io.stderr(shortfall)
    return exit.invalid
  }
  const count = (severity: string) =>
    checked.diagnostics.filter((diagnostic) => diagnostic.severity === severity).length
  const failed = count('error') > 0 || (values.strict && count('warning') > 0)
  return failed ? exit.invalid : exit.ok
}

/** The sources a check names, and what it checks of them. */
type CheckRequest = { src: string; files: readonly string[]; cwd: string; checkUnusedMetrics: boolean }

/**
 * What the sources say, with a way to their text for the excerpts. A check of sources checked
 * before (the same bytes, registry and factmark: see checkKey) is read from the cache, without
 * loading the compiler: compiling the seed report was three fifths of a check as a new process.
 * Otherwise a collection is checked report by report (see checkUnits), holding the digest of each
 * report's bytes rather than its text until it is compiled; a few reports, a registry with
 * errors, or any check with --no-cache, are read again and compile together.
 */
async function checkOf(
  request: CheckRequest,
  cache: { folder: string; reuse: boolean },
  onCompiled: OnCompiled
): Promise<KeptCheck & { sources: SourceLookup }> {
  const { src, files, cwd, checkUnusedMetrics } = request
  const named = { src, files, cwd }
  // The registry, once checked: one with errors is not checked again for the reports compiled together.
  let loaded: LoadedRegistry | undefined
  if (cache.reuse) {
    const { input, files: read } = await digestedSources(named)
    // Each report is quoted only as long as it holds the bytes checked.
    const withText = (checked: KeptCheck) => ({
      ...checked,
      sources: sourcesReadAgain(checked.diagnostics, cwd, (file) => read.get(file)?.digest)
    })
    const digests = input.reports.map((source) => read.get(source.path)?.digest ?? contentDigest(source.text))
    const key = checkKey(cache.folder, input, checkUnusedMetrics, digests)
    const found = readCheck(cache.folder, key)
    if (found) return withText(found)
    if (input.reports.length >= fewestForUnits) {
      loaded = (await import('../../cache/checked-registry.js')).checkedRegistry(input.registry, cache)
      const { registry } = loaded
      if (registry) {
        const { checkUnits } = await import('../../build/check-units.js')
        const reports = input.reports.map((source) => taskSourceOf(source, read))
        const checked = await checkUnits(
          { ...input, reports, checkUnusedMetrics },
          { ...loaded, registry },
          cache.folder,
          digests,
          { onCompiled }
        )
        const { changedMeanwhile, ...said } = checked
        if (!changedMeanwhile) keepCheck(cache.folder, key, said)
        return withText(said)
      }
    }
  }
  const input = await sourcesOf(named)
  const { checkedRegistry } = await import('../../cache/checked-registry.js')
  const { checkWithRegistry } = await import('../../compile/compile-sources.js')
  const result = checkWithRegistry(
    { ...input, checkUnusedMetrics },
    loaded ?? checkedRegistry(input.registry, cache),
    onCompiled
  )
  const checked = {
    diagnostics: result.diagnostics,
    coverage: result.coverage,
    factsOf: Object.fromEntries(result.reports.map((compiled) => [compiled.path, compiled.bundle.facts.length]))
  }
  // Kept by the bytes compiled, which were read again.
  if (cache.reuse)
    keepCheck(
      cache.folder,
      checkKey(
        cache.folder,
        input,
        checkUnusedMetrics,
        input.reports.map((source) => contentDigest(source.text))
      ),
      checked
    )
  return { ...checked, sources: new Map(result.files.map((file) => [file.path, String(file.value)])) }
}

// From this many reports on, a check keeps what each report says apart (see checkUnits), so that
// the check after an edit compiles the reports edited alone, and holds one report's facts at a
// time. Below it, the reports compile sooner together: a unit's modules (those of a build, which
// renders files too) take longer to load than a few reports take to compile.
const fewestForUnits = 8

/** The --min-coverage percentage, undefined when it is not given. */
function coverageMinimum(option: string | undefined): Result<number | undefined, string> {
  if (option === undefined) return ok(undefined)
  const minimum = Number(option)
  if (!Number.isFinite(minimum) || minimum < 0 || minimum > 100 || option.trim() === '')
    return err(`factmark: --min-coverage must be a percentage from 0 to 100, not "${option}"\n`)
  return ok(minimum)
}

/** Why the sources fail --min-coverage, or undefined when they meet it. */
function coverageShortfall(coverage: readonly Coverage[], percent: number, minimum: number): string | undefined {
  const unread = coverage.filter((entry) => entry.read === false).length
  // A share measured over the reports that happened to be readable would pass a threshold it has not met.
  if (unread > 0)
    return `factmark: coverage not measured: ${unread} of ${coverage.length} ${plural(coverage.length, 'report was', 'reports were')} not compiled; --min-coverage ${minimum} needs every report\n`
  if (percent < minimum) return `factmark: coverage ${percent.toFixed(1)}% is below --min-coverage ${minimum}\n`
  return undefined
}
