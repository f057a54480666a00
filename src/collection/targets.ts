import { report } from '../diagnostics/report.js'
import type { Registry } from '../model/compiled.js'
import type { Metric, SeriesPoint, SeriesTarget } from '../model/schema-types.js'
import { describeDimensions, place, seriesKey } from '../validate/fact-groups.js'
import { relatedPlace, type PublishedLevel } from './levels.js'
import {
  pointReference,
  referenceTo,
  seriesFields,
  sourcePoint,
  type NumericFact,
  type OfMetric,
  type Printed
} from './published.js'

type Evaluation = SeriesTarget['evaluation']

// Binary fractions must not turn an outcome equal to its target into a miss.
const slack = (a: number, b: number) => 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))

/**
 * Whether an outcome meets a target: at least it (不低于), at most it (不高于, 保十争先), or for a
 * target without a bound (保持100%), the target or better; where neither way is better, the target
 * itself.
 */
export function meets(outcome: number, target: NumericFact, better: Metric['better']): boolean {
  const tolerance = slack(outcome, target.value)
  const atLeast = outcome >= target.value - tolerance
  const atMost = outcome <= target.value + tolerance
  if (target.bound === 'at-least') return atLeast
  if (target.bound === 'at-most') return atMost
  if (better === 'higher') return atLeast
  if (better === 'lower') return atMost
  return atLeast && atMost
}

/**
 * Every target evaluated against the outcome of its period, published or inferred: met, missed
 * (target-missed, a finding for readers) or pending while no report gives the outcome
 * (target-pending).
 */
export function evaluateTargets(
  printed: readonly Printed[],
  levels: ReadonlyMap<string, PublishedLevel>,
  inferred: ReadonlyMap<string, OfMetric<SeriesPoint>>,
  registry: Registry
): Array<OfMetric<SeriesTarget>> {
  return printed
    .filter((entry) => entry.fact.aspect === 'target')
    .flatMap((target) => {
      const metric = registry.metrics.get(target.fact.metric)
      if (!metric) return []
      const key = seriesKey(target.fact)
      const evaluation = evaluate(target, metric, levels.get(key)?.printed, inferred.get(key)?.record)
      return [{ metric: target.fact.metric, record: seriesTarget(target, evaluation) }]
    })
}

function evaluate(
  target: Printed,
  metric: Metric,
  published: Printed | undefined,
  inferred: SeriesPoint | undefined
): Evaluation {
  const { fact, publication } = target
  const what = `The target "${fact.text}" of ${fact.metric}${describeDimensions(fact)} for ${fact.period}`
  if (!published && !inferred) {
    report(publication.file, 'target-pending', `${what} is pending: no report gives the outcome yet`, place(fact))
    return { status: 'pending' }
  }
  const outcome = published ? referenceTo(published) : pointReference(inferred as SeriesPoint)
  const status = meets(outcome.value, fact, metric.better) ? 'met' : 'missed'
  if (status === 'missed') {
    report(
      publication.file,
      'target-missed',
      `${what} was missed: the outcome is "${outcome.text}" (${outcome.report})`,
      place(fact),
      published ? [relatedPlace(published, `the outcome "${published.fact.text}"`)] : []
    )
  }
  return { status, outcome, outcomeStatus: published ? 'published' : 'inferred' }
}

function seriesTarget({ fact, publication }: Printed, evaluation: Evaluation): SeriesTarget {
  const bound = fact.bound === 'at-least' || fact.bound === 'at-most' ? fact.bound : undefined
  // Added to the fields, not spread with them: see seriesFields.
  return Object.assign(
    seriesFields(fact),
    fact.decimals !== undefined ? { decimals: fact.decimals } : {},
    bound ? { text: fact.text, bound } : { text: fact.text },
    { report: publication.slug, fact: fact.id, source: sourcePoint(fact), evaluation }
  )
}
