import type { VFile } from 'vfile'
import { report } from '../diagnostics/report.js'
import type { AllowedRange, Fact, Metric } from '../model/schema-types.js'
import { place, where } from './fact-groups.js'
import { show } from './interval.js'
import type { Registry } from '../model/compiled.js'

const percentRange: AllowedRange = { min: 0, max: 100 }

function rangeOf(metric: Metric): AllowedRange | undefined {
  return metric.range ?? (metric.kind === 'percent' ? percentRange : undefined)
}

/** value-out-of-range: levels, starts and targets must lie in the metric's range; changes may be negative. */
export function checkRanges(facts: readonly Fact[], registry: Registry, file: VFile): void {
  for (const fact of facts) {
    const metric = registry.metrics.get(fact.metric)
    if (!metric || typeof fact.value !== 'number' || fact.aspect === 'change' || fact.aspect === 'relative-change')
      continue
    const range = rangeOf(metric)
    if (!range) continue
    const { min, max } = range
    if ((min !== undefined && fact.value < min) || (max !== undefined && fact.value > max)) {
      const bounds =
        min !== undefined && max !== undefined
          ? `from ${min} to ${max}`
          : min !== undefined
            ? `at least ${min}`
            : `at most ${max}`
      const unit = metric.unit === '1' ? '' : ` ${metric.unit}`
      report(
        file,
        'value-out-of-range',
        `"${fact.text}" gives ${show(fact.value)}${unit}, outside the range of ${fact.metric} (${bounds}${unit})`,
        place(fact)
      )
    }
  }
}

/** rank-exceeds-total: a rank cannot be beyond the count of those ranked, in the same period and entity. */
export function checkRanks(facts: readonly Fact[], registry: Registry, file: VFile): void {
  const key = (metric: string, fact: Fact) => JSON.stringify([metric, fact.period, fact.entity])
  // The first count of each metric, period and entity, found once rather than for each rank.
  const counts = new Map<string, Fact>()
  for (const fact of facts) {
    if (fact.aspect !== 'level' || typeof fact.value !== 'number') continue
    const name = key(fact.metric, fact)
    if (!counts.has(name)) counts.set(name, fact)
  }
  for (const fact of facts) {
    const outOf = registry.metrics.get(fact.metric)?.outOf
    if (outOf === undefined || typeof fact.value !== 'number' || fact.aspect !== 'level') continue
    const total = counts.get(key(outOf, fact))
    if (total && typeof total.value === 'number' && fact.value > total.value) {
      report(
        file,
        'rank-exceeds-total',
        `Rank ${show(fact.value)} ("${fact.text}") is beyond the ${show(total.value)} ranked ("${total.text}", ${outOf} at ${where(total)})`,
        place(fact)
      )
    }
  }
}
