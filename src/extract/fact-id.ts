import { sortedEntries } from '../model/compare.js'
import type { Fact } from '../model/schema-types.js'

export type IdParts = Pick<Fact, 'metric' | 'period' | 'aspect' | 'entity' | 'dimensions'>

/**
 * The id a fact gets when the annotation names none: the metric and period,
 * then whatever sets it apart from the plain level of the report's entity
 * (`air.pm25@2025`, `water.good_ratio@2025:start`,
 * `water.section_class@2025:site=隘头潭`). Editing other figures never changes it.
 */
export function deriveFactId(parts: IdParts, defaultEntity: string): string {
  const qualifiers: string[] = []
  if (parts.aspect !== 'level') qualifiers.push(parts.aspect)
  if (parts.entity !== defaultEntity) qualifiers.push(`entity=${parts.entity}`)
  for (const [name, value] of sortedEntries(parts.dimensions)) {
    qualifiers.push(`${name}=${value}`)
  }
  return [`${parts.metric}@${parts.period}`, ...qualifiers].join(':')
}

/**
 * Make derived ids unique in document order: the second of a kind gets `-2`,
 * the third `-3`. Returns a function that hands out ids; it remembers the
 * last suffix of each id, so that n facts of one kind cost n steps, not n².
 */
export function uniqueIds(taken: Iterable<string>): (id: string) => string {
  const used = new Set(taken)
  const next = new Map<string, number>()
  return (id) => {
    let unique = id
    if (used.has(id)) {
      let n = next.get(id) ?? 2
      while (used.has(`${id}-${n}`)) n++
      next.set(id, n + 1)
      unique = `${id}-${n}`
    }
    used.add(unique)
    return unique
  }
}
