import type { VFile } from 'vfile'
import { report } from '../diagnostics/report.js'
import type { Calculation, Fact } from '../model/schema-types.js'
import { describeDimensions, factKey, groupBy, place } from './fact-groups.js'
import { add, factInterval, overlaps, show, type Interval } from './interval.js'
import type { Registry } from '../model/compiled.js'

/**
 * sum-mismatch: each calculation rule of the registry, checked like XBRL
 * Calculations 1.1 (round to nearest): the total's range and the range of
 * the sum of its tagged parts must overlap. A rule is checked where the
 * total and at least one part are tagged; duplicates count once.
 */
export function checkCalculations(facts: readonly Fact[], registry: Registry, file: VFile): void {
  const numeric = facts.filter((fact): fact is Fact & { value: number } => typeof fact.value === 'number')
  for (const calculation of registry.calculations) {
    // Parts are found by the key of the total they add up to, so that many totals cost no more than many parts.
    const partsByTotal = groupBy(
      numeric.flatMap((fact) => {
        const key = totalKeyOf(fact, calculation)
        return key === undefined ? [] : [[key, fact] as const]
      }),
      ([key]) => key
    )
    for (const total of unique(
      numeric.filter((fact) => fact.metric === calculation.total && isTotal(fact, calculation))
    )) {
      const parts = unique((partsByTotal.get(factKey(total)) ?? []).map(([, fact]) => fact))
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

/** The key of the total a fact is a part of under a calculation, or undefined when it is no part of it. */
function totalKeyOf(fact: Fact, calculation: Calculation): string | undefined {
  if (Array.isArray(calculation.parts)) {
    return calculation.parts.includes(fact.metric) ? factKey({ ...fact, metric: calculation.total }) : undefined
  }
  const { dimension, members } = calculation.parts
  const member = fact.dimensions[dimension]
  if (fact.metric !== calculation.total || member === undefined || !members.includes(member)) return undefined
  return factKey(fact, dimension)
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
