import type { Registry } from '../model/compiled.js'

/**
 * Which metrics have any word near a figure: every two characters of every
 * alias and label, indexed once per registry, so that a text of thousands of
 * figures weighs only the few metrics whose words stand near each, not all
 * of them.
 */
interface PhraseIndex {
  byPair: Map<string, Set<string>>
  /** Metrics with a phrase too short to index: always weighed. */
  always: Set<string>
}

const indexes = new WeakMap<Registry, PhraseIndex>()

function indexOf(registry: Registry): PhraseIndex {
  const cached = indexes.get(registry)
  if (cached) return cached
  const index: PhraseIndex = { byPair: new Map(), always: new Set() }
  for (const [id, metric] of registry.metrics) {
    for (const phrase of [metric.label.zh, ...(metric.aliases ?? [])]) {
      if (phrase.length < 2) index.always.add(id)
      for (const pair of pairsOf(phrase)) {
        const ids = index.byPair.get(pair) ?? new Set<string>()
        ids.add(id)
        index.byPair.set(pair, ids)
      }
    }
  }
  indexes.set(registry, index)
  return index
}

function pairsOf(text: string): string[] {
  const pairs: string[] = []
  for (let at = 0; at + 2 <= text.length; at += 1) pairs.push(text.slice(at, at + 2))
  return pairs
}

/** The ids of the metrics that share two characters or more with any of the texts. */
export function metricsNear(registry: Registry, texts: readonly string[]): Set<string> {
  const index = indexOf(registry)
  const found = new Set(index.always)
  for (const text of texts)
    for (const pair of pairsOf(text)) for (const id of index.byPair.get(pair) ?? []) found.add(id)
  return found
}
