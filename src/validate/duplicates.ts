import type { VFile } from 'vfile'
import { report } from '../diagnostics/report.js'
import type { Fact } from '../model/schema-types.js'
import { describeDimensions, factKey, groupBy, place, where } from './fact-groups.js'
import { allowedInterval, isBound, overlaps, show, type Interval } from './interval.js'
import type { Registry } from '../model/compiled.js'
import { fewOfMany } from '../model/few-of-many.js'

/**
 * inconsistent-duplicate: aspect-equal facts must agree at their written
 * precision. Numbers are consistent when facts of equal decimals have equal
 * values and the ranges of all of them share a point; dates must be equal.
 */
export function checkDuplicates(facts: readonly Fact[], registry: Registry, file: VFile): void {
  for (const group of groupBy(facts, (fact) => factKey(fact)).values()) {
    if (group.length < 2) continue
    const breaking = firstInconsistent(group, registry.metrics.get(group[0]?.metric ?? '')?.kind)
    if (!breaking) continue
    const others = fewOfMany(
      group.filter((fact) => fact !== breaking).map((fact) => `"${fact.text}" at ${where(fact)}`)
    )
    report(
      file,
      'inconsistent-duplicate',
      `${breaking.metric}${describeDimensions(breaking)} for ${breaking.period} is given as "${breaking.text}" (${showValue(breaking)}) here and as ${others}; the values disagree at the precision written`,
      place(breaking)
    )
  }
}

/** The first fact that breaks the consistency of the facts before it, if any. */
function firstInconsistent(group: readonly Fact[], kind: string | undefined): Fact | undefined {
  const [first] = group
  if (typeof first?.value !== 'number') return group.find((fact) => fact.value !== first?.value)
  let shared: Interval = { low: -Infinity, high: Infinity }
  const byDecimals = new Map<number | undefined, Fact['value']>()
  for (const fact of group) {
    if (typeof fact.value !== 'number') return fact
    // Facts written with the same precision must be written the same; a bound (98%以上) says less.
    const bounded = isBound(fact.bound)
    const earlier = byDecimals.get(fact.decimals)
    if (!bounded && earlier !== undefined && earlier !== fact.value) return fact
    if (!bounded) byDecimals.set(fact.decimals, fact.value)
    const range = allowedInterval(
      {
        value: fact.value,
        aspect: fact.aspect,
        ...(fact.decimals !== undefined && { decimals: fact.decimals }),
        ...(fact.bound !== undefined && { bound: fact.bound })
      },
      kind
    )
    shared = { low: Math.max(shared.low, range.low), high: Math.min(shared.high, range.high) }
    if (!overlaps(shared, shared)) return fact
  }
  return undefined
}

function showValue(fact: Fact): string {
  return typeof fact.value === 'number' ? `${show(fact.value)}${fact.unit === '1' ? '' : ` ${fact.unit}`}` : fact.value
}
