import { sortedEntries } from '../model/compare.js'
import type { Fact } from '../model/schema-types.js'

/** Facts about the same thing: metric, aspect, period, entity and dimensions (XBRL's aspect-equal facts). */
export function factKey(
  fact: Pick<Fact, 'metric' | 'aspect' | 'period' | 'basePeriod' | 'entity' | 'unit' | 'dimensions'>,
  leave?: string
): string {
  const dimensions = sortedEntries(fact.dimensions).filter(([name]) => name !== leave)
  return JSON.stringify([
    fact.metric,
    fact.aspect,
    fact.period,
    fact.basePeriod ?? '',
    fact.entity,
    fact.unit,
    dimensions
  ])
}

/**
 * Facts of one series: metric, period, entity and dimensions, whatever their aspect (a start, its
 * level, their change).
 */
export function seriesKey(fact: Pick<Fact, 'metric' | 'period' | 'entity' | 'dimensions'>): string {
  for (const _ in fact.dimensions)
    return JSON.stringify([fact.metric, fact.period, fact.entity, sortedEntries(fact.dimensions)])
  // Most facts have no dimensions, and a collection keys each of its facts several times: joined
  // with NUL, which JSON always escapes, their key is made at a third of the cost and is never one
  // of the others. (Metric ids and periods cannot hold NUL, so the parts are never ambiguous.)
  return `${fact.metric}\0${fact.period}\0${fact.entity}`
}

/** Where a fact stands, for messages that point at another fact: `12:34`. */
export function where(fact: Fact): string {
  return `${fact.source.line}:${fact.source.column}`
}

export function place(fact: Pick<Fact, 'source'>) {
  const { line, column, offset, endLine, endColumn, endOffset } = fact.source
  return { start: { line, column, offset }, end: { line: endLine, column: endColumn, offset: endOffset } }
}

export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const name = key(item)
    const list = groups.get(name)
    if (list) list.push(item)
    else groups.set(name, [item])
  }
  return groups
}

export function describeDimensions(fact: Pick<Fact, 'dimensions'>): string {
  const entries = Object.entries(fact.dimensions)
  return entries.length === 0 ? '' : ` (${entries.map(([name, value]) => `${name}=${value}`).join(', ')})`
}
