import { contentDigest } from '../cache/cache-folder.js'
import { checkKey, keepCheck, readCheck, type KeptCheck } from '../cache/kept-check.js'
import { digestedSources } from '../load/digested-sources.js'
import { sourcesOf } from '../load/source-input.js'
import { sourcesReadAgain } from '../load/sources-read-again.js'
import { taskSourceOf } from '../load/task-source.js'
import type { LoadedRegistry } from '../load/registry.js'
import type { OnCompiled } from '../compile/compile-sources.js'
import type { SourceLookup } from './format/text.js'
import { narrowedTo, reportsOfNamed } from './named-reports.js'
import { registryShown } from './report.js'
import type { Diagnostic } from '../model/compiled.js'
import { failingMessages } from '../diagnostics/failure.js'

/** What a check says of its sources, with a way to their text for the excerpts. */
export type CheckedSources = KeptCheck & { sources: SourceLookup }

/** Where a check keeps what it found, and whether it may take what an earlier one kept. */
export interface CheckCache {
  folder: string
  reuse: boolean
}

/**
 * A check of the source folder, or of the files named: these are checked among the folder's
 * reports, so that what they state is checked against the others (a change against a level
 * another year publishes, a restatement, a target met), and what is said of them alone is kept
 * (see narrowedTo).
 */
export async function checkNamed(
  request: NamedSources,
  cache: CheckCache | undefined,
  onCompiled: OnCompiled
): Promise<CheckedSources> {
  const { src, files, cwd } = request
  if (files.length === 0) return checkOf({ ...request, checkUnusedMetrics: true }, cache, onCompiled)
  // Looked at alone first, by their files' kind and place and not their bytes, so that a check
  // of none that can be read stops as it always has.
  await sourcesOf({ src, files, cwd }, { known: (shown) => ({ path: shown, text: '' }) })
  const named = reportsOfNamed(src, files, cwd)
  const all = await checkOf({ ...request, files: named.files, checkUnusedMetrics: false }, cache, onCompiled)
  return narrowedTo(all, named.shown, registryShown(src, cwd))
}

/** Why what a check says fails it: its errors, or with --strict its warnings; undefined when it passes. */
export function checkFailure(diagnostics: readonly Diagnostic[], strict: boolean): string | undefined {
  const count = (severity: Diagnostic['severity']) =>
    diagnostics.filter((diagnostic) => diagnostic.severity === severity).length
  return failingMessages({ errors: count('error'), warnings: count('warning') }, strict)
}

/** The sources a check names, and what it checks of them. */
type CheckRequest = NamedSources & { checkUnusedMetrics: boolean }

/** The sources a check is asked for; `threads`: at most this many compile reports (see checkRunner). */
type NamedSources = { src: string; files: readonly string[]; cwd: string; threads?: number }

/**
 * What the sources say, with a way to their text for the excerpts. A check of sources checked
 * before (the same bytes, registry and factmark: see checkKey) is read from the cache, without
 * loading the compiler: compiling the seed report was three fifths of a check as a new process.
 * Otherwise a collection is checked report by report (see checkUnits), holding the digest of each
 * report's bytes rather than its text until it is compiled; a few reports, a registry with
 * errors, or any check with --no-cache, are read again and compile together. Without a cache
 * (check --no-cache), nothing is read from a cache folder or written to one.
 */
async function checkOf(
  request: CheckRequest,
  cache: CheckCache | undefined,
  onCompiled: OnCompiled
): Promise<CheckedSources> {
  const { src, files, cwd, threads, checkUnusedMetrics } = request
  const named = { src, files, cwd }
  // The registry, once checked: one with errors is not checked again for the reports compiled together.
  let loaded: LoadedRegistry | undefined
  if (cache?.reuse) {
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
      loaded = (await import('../cache/checked-registry.js')).checkedRegistry(input.registry, cache)
      const { registry } = loaded
      if (registry) {
        const { checkUnits } = await import('../build/check-units.js')
        const reports = input.reports.map((source) => taskSourceOf(source, read))
        const checked = await checkUnits(
          { ...input, reports, checkUnusedMetrics },
          { ...loaded, registry },
          cache.folder,
          digests,
          { onCompiled, ...(threads !== undefined && { threads }) }
        )
        const { changedMeanwhile, ...said } = checked
        if (!changedMeanwhile) keepCheck(cache.folder, key, said)
        return withText(said)
      }
    }
  }
  const input = await sourcesOf(named)
  const { checkedRegistry } = await import('../cache/checked-registry.js')
  const { checkWithRegistry } = await import('../compile/compile-sources.js')
  const registry =
    loaded ??
    (cache
      ? checkedRegistry(input.registry, cache)
      : (await import('../load/registry.js')).loadRegistry(input.registry.path, input.registry.text))
  const result = checkWithRegistry({ ...input, checkUnusedMetrics }, registry, onCompiled)
  const checked = {
    diagnostics: result.diagnostics,
    coverage: result.coverage,
    factsOf: Object.fromEntries(result.reports.map((compiled) => [compiled.path, compiled.bundle.facts.length]))
  }
  // Kept by the bytes compiled, which were read again.
  if (cache?.reuse)
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
