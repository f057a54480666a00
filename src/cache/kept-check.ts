import { createHash } from 'node:crypto'
import path from 'node:path'
import type { CompileInput, Coverage, Diagnostic } from '../model/compiled.js'
import { contentDigest, keepJson, markUsed, readKept } from './cache-folder.js'
import { factmarkDigest } from './factmark-digest.js'

/** What `check` printed of its sources, kept by everything it depends on (see checkKey). */
export interface KeptCheck {
  diagnostics: Diagnostic[]
  coverage: Coverage[]
  /** How many facts each report that compiled publishes, by its path. */
  factsOf: Record<string, number>
}

/**
 * The key of a check: factmark (its code, templates and schemas), the registry's path and bytes,
 * each report's path and bytes, the paths skipped and why, and whether unused metrics are looked
 * for. Nothing else reaches the compiler's diagnostics, so a check of the same key says the same.
 */
export function checkKey(
  cacheFolder: string,
  input: CompileInput,
  checkUnusedMetrics: boolean,
  reportDigests: readonly string[]
): string {
  const hash = createHash('sha256')
    .update(factmarkDigest(cacheFolder))
    .update(JSON.stringify([checkUnusedMetrics, input.skipped ?? []]))
  const digests = [contentDigest(input.registry.text), ...reportDigests]
  for (const [at, source] of [input.registry, ...input.reports].entries())
    hash
      .update(`\0${JSON.stringify([source.path, source.dataPath ?? null, source.unreadSize ?? null])}\0`)
      .update(digests[at] ?? '')
  return hash.digest('hex')
}

const checkFile = (cacheFolder: string, key: string) => path.join(cacheFolder, 'checked', `${key}.json`)

/**
 * The check kept under a key, or undefined when there is none or it is not one (a file cut short
 * or changed by hand is checked again). Marked as used now: no build records what `check` reads,
 * so pruning keeps it by when it was last used (see pruneCache).
 */
export function readCheck(cacheFolder: string, key: string): KeptCheck | undefined {
  const file = checkFile(cacheFolder, key)
  const kept = readKept(file)
  if (!isKeptCheck(kept)) return undefined
  markUsed([file])
  return kept
}

/** Keep what a check found; a cache folder that cannot be written to costs the next check time, not this one its result. */
export function keepCheck(cacheFolder: string, key: string, check: KeptCheck): void {
  try {
    keepJson(checkFile(cacheFolder, key), check)
  } catch {
    // Checked again next time.
  }
}

function isKeptCheck(value: unknown): value is KeptCheck {
  if (typeof value !== 'object' || value === null) return false
  const { diagnostics, coverage, factsOf } = value as Record<string, unknown>
  return (
    Array.isArray(diagnostics) &&
    Array.isArray(coverage) &&
    typeof factsOf === 'object' &&
    factsOf !== null &&
    Object.values(factsOf).every((count) => typeof count === 'number')
  )
}
