import type { VFile } from 'vfile'
import { report } from '../diagnostics.js'
import type { Registry } from '../registry.js'
import type { Calculation, Fact } from '../schema-types.js'
import { describeDimensions, factKey, place } from './fact-groups.js'
import { add, factInterval, overlaps, show, type Interval } from './interval.js'

/**
 * sum-mismatch: each calculation rule of the registry, checked like XBRL
 * Calculations 1.1 (round to nearest): the total's range and the range of
 * the sum of its tagged parts must overlap. A rule is checked where the
 * total and at least one part are tagged; duplicates count once.
 */
export function checkCalculations(facts: readonly Fact[], registry: Registry, file: VFile): void {
  const numeric = facts.filter((fact): fact is Fact & { value: number } => typeof fact.value === 'number')
  for (const calculation of registry.calculations) {
    for (const total of unique(numeric.filter((fact) => fact.metric === calculation.total && isTotal(fact, calculation)))) {
      const parts = unique(numeric.filter((fact) => isPartOf(fact, total, calculation)))
      if (parts.length === 0) continue
      const kind = (fact: Fact) => registry.metrics.get(fact.metric)?.kind
      const sum = parts.reduce<Interval>((acc, part) => add(acc, factInterval(part, kind(part))), { low: 0, high: 0 })
      if (overlaps(factInterval(total, kind(total)), sum)) continue
      const exact = parts.reduce((acc, part) => acc + part.value, 0)
      const terms = parts.map((part) => show(part.value)).join(' + ')
      const names = Array.isArray(calculation.parts)
        ? parts.map((part) => part.metric).join(', ')
        : `${calculation.parts.dimension} ${parts.map((part) => part.dimensions[(calculation.parts as { dimension: string }).dimension]).join(', ')}`
      report(
        file,
        'sum-mismatch',
        `The total "${total.text}" of ${total.metric}${describeDimensions(total)} is ${show(total.value)}, but its parts (${names}) add up to ${terms} = ${show(exact)}`,
        place(total)
      )
    }
  }
}

function isTotal(fact: Fact, calculation: Calculation): boolean {
  return Array.isArray(calculation.parts) || fact.dimensions[calculation.parts.dimension] === undefined
}

function isPartOf(fact: Fact, total: Fact, calculation: Calculation): boolean {
  if (Array.isArray(calculation.parts)) {
    if (!calculation.parts.includes(fact.metric)) return false
    return factKey({ ...fact, metric: total.metric }) === factKey(total)
  }
  const { dimension, members } = calculation.parts
  const member = fact.dimensions[dimension]
  if (fact.metric !== total.metric || member === undefined || !members.includes(member)) return false
  return factKey(fact, dimension) === factKey(total)
}

/** One fact per aspect-equal group: a total or part tagged twice is added once. */
function unique<T extends Fact>(facts: readonly T[]): T[] {
  const seen = new Set<string>()
  return facts.filter((fact) => {
    const key = factKey(fact)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
