import type { VFile } from 'vfile'
import { report } from '../diagnostics/report.js'
import type { Fact } from '../model/schema-types.js'
import { describeDimensions, groupBy, place, seriesKey, where } from './fact-groups.js'
import { factInterval, overlaps, percentChange, showSigned, subtract, type Interval } from './interval.js'
import type { Registry } from '../model/compiled.js'
import { roundTo } from '../model/rounding.js'

type NumericFact = Fact & { value: number }

/**
 * change-inconsistent: where a start value, the level and a change of the
 * same metric, period, entity and dimensions are all tagged, the level minus
 * the start must be the change (or, relative, that difference in percent of
 * the start), at the precision written.
 */
export function checkChanges(facts: readonly Fact[], registry: Registry, file: VFile): void {
  const numeric = facts.filter((fact): fact is NumericFact => typeof fact.value === 'number')
  const groups = groupBy(numeric, seriesKey)
  for (const group of groups.values()) {
    const start = group.find((fact) => fact.aspect === 'start')
    const level = group.find((fact) => fact.aspect === 'level')
    if (!start || !level) continue
    const range = (fact: NumericFact): Interval => factInterval(fact, registry.metrics.get(fact.metric)?.kind)
    for (const change of group.filter((fact) => fact.aspect === 'change' || fact.aspect === 'relative-change')) {
      const relative = change.aspect === 'relative-change'
      const expected = relative ? percentChange(range(level), range(start)) : subtract(range(level), range(start))
      if (!expected || overlaps(expected, range(change))) continue
      const computed = relative ? ((level.value - start.value) / start.value) * 100 : level.value - start.value
      const how = relative
        ? `(${showSigned(level.value)} − ${showSigned(start.value)}) / ${showSigned(start.value)} = ${showSigned(roundTo(computed, 4))}%`
        : `${showSigned(level.value)} − ${showSigned(start.value)} = ${showSigned(computed)}`
      report(
        file,
        'change-inconsistent',
        `The change "${change.text}" of ${change.metric}${describeDimensions(change)} disagrees with its start "${start.text}" (${where(start)}) and level "${level.text}" (${where(level)}): ${how}`,
        place(change)
      )
    }
  }
}
