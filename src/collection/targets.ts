import { report } from '../diagnostics/report.js'
import type { Registry } from '../model/compiled.js'
import type { Metric, SeriesPoint, SeriesTarget } from '../model/schema-types.js'
import { place, seriesKey } from '../validate/fact-groups.js'
import { factInterval, isBound, mayBeSame } from '../validate/interval.js'
import { relatedPlace, type PublishedLevel } from './levels.js'
import {
  pointReference,
  referenceTo,
  seriesFields,
  sourcePoint,
  subjectOf,
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
 * target-conflict: a target that another report, earlier, gives another value or bound for (不低于
 * 99.2% in the plan, 不低于99.0% where a later report recalls it). One of the two is a typo, or the
 * target was changed, which the later report says with revises=<slug>. Each target is compared with
 * the first of its period, entity and dimensions in another report.
 */
export function checkTargetsAcrossReports(printed: readonly Printed[], registry: Registry): void {
  const first = new Map<string, Printed>()
  for (const target of printed) {
    if (target.fact.aspect !== 'target') continue
    const key = seriesKey(target.fact)
    const earlier = first.get(key)
    if (!earlier) {
      first.set(key, target)
      continue
    }
    const { fact, publication } = target
    if (earlier.publication === publication || fact.revises === earlier.publication.slug) continue
    const metric = registry.metrics.get(fact.metric)
    // A target without a bound is reached as meets() reads it: 86.7% of a rate that is better higher is 不低于86.7%.
    const boundOf = ({ bound }: NumericFact) =>
      bound ?? (metric?.better === 'higher' ? 'at-least' : metric?.better === 'lower' ? 'at-most' : undefined)
    const same =
      boundOf(fact) === boundOf(earlier.fact) &&
      mayBeSame(factInterval(fact, metric?.kind), factInterval(earlier.fact, metric?.kind))
    if (same) continue
    const misnamed =
      fact.revises === undefined ? '' : `; revises=${fact.revises} names no earlier report that gives this target`
    report(
      publication.file,
      'target-conflict',
      `The target of ${subjectOf(target)} for ${fact.period} is "${fact.text}" here but "${earlier.fact.text}" in ${earlier.publication.slug} (${earlier.fact.source.file}:${earlier.fact.source.line}:${earlier.fact.source.column})${misnamed}; if this report changes that target, say so with revises=${earlier.publication.slug}`,
      place(fact),
      [relatedPlace(earlier, `the target "${earlier.fact.text}"`)]
    )
  }
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
      const evaluation = evaluate(target, metric, levels.get(key), inferred.get(key)?.record)
      return [{ metric: target.fact.metric, record: seriesTarget(target, evaluation) }]
    })
}

function evaluate(
  target: Printed,
  metric: Metric,
  level: PublishedLevel | undefined,
  inferred: SeriesPoint | undefined
): Evaluation {
  const { fact, publication } = target
  const published = level?.printed
  const what = `The target "${fact.text}" of ${subjectOf(target)} for ${fact.period}`
  if (!published && !inferred) {
    report(publication.file, 'target-pending', `${what} is pending: no report gives the outcome yet`, place(fact))
    return { status: 'pending' }
  }
  const outcome = published ? referenceTo(published) : pointReference(inferred as SeriesPoint)
  const status = meets(outcome.value, fact, metric.better) ? 'met' : 'missed'
  if (status === 'missed') {
    // An outcome no report prints says how it was worked out, and from which change.
    const inferredFrom = !published && inferred ? inferred : undefined
    // An outcome a later report revised says what it replaces, which the target's own report may quote.
    const replaced = level?.revised.at(-1)
    const how = inferredFrom
      ? `inferred in ${outcome.report}: ${inferredFrom.derivation?.expression ?? ''}`
      : replaced
        ? `${outcome.report}, which revises "${replaced.fact.text}" of ${replaced.publication.slug}`
        : outcome.report
    report(
      publication.file,
      'target-missed',
      `${what} was missed: the outcome is "${outcome.text}" (${how})`,
      place(fact),
      published
        ? [relatedPlace(published, `the outcome "${published.fact.text}"`)]
        : inferredFrom
          ? [
              {
                ...inferredFrom.source,
                endLine: inferredFrom.source.line,
                endColumn: inferredFrom.source.column,
                message: `the change the outcome "${outcome.text}" is inferred from, in ${outcome.report}`
              }
            ]
          : []
    )
  }
  return { status, outcome, outcomeStatus: published ? 'published' : 'inferred' }
}

function seriesTarget({ fact, publication }: Printed, evaluation: Evaluation): SeriesTarget {
  const bound = isBound(fact.bound) ? fact.bound : undefined
  // Added to the fields, not spread with them: see seriesFields.
  return Object.assign(
    seriesFields(fact),
    fact.decimals !== undefined ? { decimals: fact.decimals } : {},
    bound ? { text: fact.text, bound } : { text: fact.text },
    { report: publication.slug, fact: fact.id, source: sourcePoint(fact), evaluation }
  )
}
