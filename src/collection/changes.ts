import { report } from '../diagnostics/report.js'
import type { Registry } from '../model/compiled.js'
import { roundTo } from '../model/rounding.js'
import type { SeriesPoint } from '../model/schema-types.js'
import { place, seriesKey } from '../validate/fact-groups.js'
import {
  add,
  factInterval,
  overlaps,
  percentChange,
  show,
  showSigned,
  subtract,
  type Interval
} from '../validate/interval.js'
import { inferBase, inferLevel, inferredPoint } from './inferred.js'
import { relatedPlace, type PublishedLevel } from './levels.js'
import { referenceTo, subjectOf, type LazyCheck, type NumericFact, type OfMetric, type Printed } from './published.js'

/** A change measured against a base period (同比, 比上年): the kind the checks across reports compare. */
export const isChange = (fact: NumericFact) =>
  (fact.aspect === 'change' || fact.aspect === 'relative-change') && fact.basePeriod !== undefined

/**
 * Every change measured against a period (同比 …; the printed facts isChange holds of) checked against the levels any report publishes
 * for its two periods (change-contradicts-levels), and the level of a period that no report
 * publishes inferred from the other and the change (change-base-unpublished when it is the base).
 * Returns the inferred points by series key, one per period, entity and dimensions: the first change that gives
 * one decides, unless a later change says it corrects that one's report (revises=).
 */
export function checkChangesAcrossReports(
  changes: readonly Printed[],
  levels: ReadonlyMap<string, PublishedLevel>,
  registry: Registry,
  checks: LazyCheck[]
): Map<string, OfMetric<SeriesPoint>> {
  const inferred = new Map<string, OfMetric<SeriesPoint>>()
  // Per period no report publishes, the first change that implies its value, for the changes after it.
  const implied = new Map<string, Implied>()
  // The report whose change gave each inferred value: the first change decides, unless a later
  // one says it corrects that report's (revises=), as a level a later report revises is replaced.
  const inferredBy = new Map<string, string>()
  // The value a change and the level at its other end put on a period no report publishes: the
  // series' (see above), and checked against what the changes before put there.
  const inferFrom = (
    key: string,
    { change, from, point, interval }: { change: Printed; from: Printed; point: SeriesPoint; interval?: Interval }
  ) => {
    const { fact, publication } = change
    const by = inferredBy.get(key)
    if (by === undefined || (fact.revises !== undefined && fact.revises === by)) {
      inferred.set(key, { metric: fact.metric, record: point })
      inferredBy.set(key, publication.slug)
    }
    const kind = registry.metrics.get(fact.metric)?.kind
    checkImplied(implied, key, { change, from, text: point.text, interval }, kind)
  }
  for (const change of changes) {
    const { fact } = change
    const metric = registry.metrics.get(fact.metric)
    if (!metric) continue
    const basePeriod = fact.basePeriod as string
    const baseKey = seriesKey({ ...fact, period: basePeriod })
    const levelsOf = printingsFor(levels.get(seriesKey(fact)), change)
    const basesOf = printingsFor(levels.get(baseKey), change)
    const [level, base] = [levelsOf[0], basesOf[0]]
    if (level && base) {
      const kind = metric.kind
      const pair = agreeingPair(change, basesOf, levelsOf, kind) ?? { base, level }
      checkAgainst(change, pair.base, pair.level, kind, checks)
    } else if (level) {
      const inference = inferBase(level.fact, fact)
      const point = inference && inferredPoint(change, basePeriod, inference, level, metric)
      if (point) inferFrom(baseKey, { change, from: level, point, interval: impliedBase(change, level, metric.kind) })
      const puts = point
        ? `it puts ${basePeriod} at ${point.text} (${point.derivation?.expression ?? ''})`
        : `a fall of 100% or more leaves 0 of any value: it tells nothing of ${basePeriod}`
      report(
        change.publication.file,
        'change-base-unpublished',
        `The change "${fact.text}" of ${subjectOf(change)} is measured against ${basePeriod}, whose value no report publishes; ${puts}`,
        place(fact),
        [relatedPlace(level, `the level "${level.fact.text}" of ${fact.period}`)]
      )
    } else if (base) {
      const key = seriesKey(fact)
      const point = inferredPoint(change, fact.period, inferLevel(base.fact, fact), base, metric)
      inferFrom(key, { change, from: base, point, interval: impliedLevel(change, base, metric.kind) })
    } else {
      report(
        change.publication.file,
        'change-base-unpublished',
        `The change "${fact.text}" of ${subjectOf(change)} is measured against ${basePeriod}, whose value no report publishes, and no report publishes its level for ${fact.period} either: nothing can be checked or inferred`,
        place(fact)
      )
    }
  }
  return inferred
}

/** A value of a period no report publishes, as a change and a published level imply it. */
interface Implied {
  change: Printed
  /** The level it is measured from or to. */
  from: Printed
  text: string
  /** The values the change and the level allow at their printed precision; undefined when they allow any. */
  interval: Interval | undefined
}

/**
 * change-contradicts-change: two changes that imply different values of one period no report
 * publishes (10.5 and 10.2 points up to the same 70.8% of 2024 put 2023 at 60.3% and at 60.6%).
 * Each agrees with the levels published, so no other check tells; the series would show the first
 * change's value, and the second report's page another. Told once, of each change after the first,
 * where both are measured from levels that agree (where they do not, restatement-conflict tells).
 */
function checkImplied(implied: Map<string, Implied>, key: string, next: Implied, kind: string | undefined): void {
  const first = implied.get(key)
  if (!first) {
    implied.set(key, next)
    return
  }
  if (!first.interval || !next.interval || overlaps(first.interval, next.interval)) return
  if (!overlaps(factInterval(first.from.fact, kind), factInterval(next.from.fact, kind))) return
  const { fact } = next.change
  const other = first.change
  // A later report that says it corrects the earlier one's change (revises=), as it may a level.
  if (fact.revises !== undefined && fact.revises === other.publication.slug) return
  const period = key === seriesKey(fact) ? fact.period : (fact.basePeriod ?? '')
  const levels =
    first.from.fact.text === next.from.fact.text
      ? `from the same level "${first.from.fact.text}"`
      : `from the levels "${first.from.fact.text}" and "${next.from.fact.text}", which may be one value at the precision printed`
  report(
    next.change.publication.file,
    'change-contradicts-change',
    `The change "${fact.text}" of ${subjectOf(next.change)} puts ${period} at ${next.text}, but the change "${other.fact.text}" in ${other.publication.slug} (${other.fact.source.file}:${other.fact.source.line}:${other.fact.source.column}) puts it at ${first.text}, ${levels}: no report publishes ${period}, and the two changes cannot both be right; if this one corrects that, say revises=${other.publication.slug} on it`,
    place(fact),
    [
      relatedPlace(other, `the change "${other.fact.text}"`),
      relatedPlace(first.from, `the level "${first.from.fact.text}"`)
    ]
  )
}

/** The values of the base a change and its level allow: level − change, or level ÷ (1 + change%). */
function impliedBase(change: Printed, level: Printed, kind: string | undefined): Interval | undefined {
  const [end, by] = [factInterval(level.fact, kind), factInterval(change.fact, kind)]
  if (change.fact.aspect !== 'relative-change') return subtract(end, by)
  if (by.low <= -100) return undefined
  const corners = [end.low, end.high].flatMap((value) => [by.low, by.high].map((rate) => value / (1 + rate / 100)))
  return { low: Math.min(...corners), high: Math.max(...corners) }
}

/** The values of the level a change and its base allow: base + change, or base × (1 + change%). */
function impliedLevel(change: Printed, base: Printed, kind: string | undefined): Interval | undefined {
  const [start, by] = [factInterval(base.fact, kind), factInterval(change.fact, kind)]
  if (change.fact.aspect !== 'relative-change') return add(start, by)
  const corners = [start.low, start.high].flatMap((value) => [by.low, by.high].map((rate) => value * (1 + rate / 100)))
  return { low: Math.min(...corners), high: Math.max(...corners) }
}

/**
 * The printings of a level that a change is measured from. A change is measured from the figures
 * its own report gives: a later report that revises one of them (2024's 17.4 to 17.6) leaves the
 * change measured from 17.4, and a base inferred from 17.6 and that change would be a value no
 * report implies. A report that prints no level of its own has the value that stands, then the
 * values that dispute it: while two reports disagree on a level, a change that agrees with one of
 * them is not told again of the dispute that restatement-conflict tells.
 */
function printingsFor(level: PublishedLevel | undefined, change: Printed): Printed[] {
  if (!level) return []
  const { slug } = change.publication
  const mine = (entry: Printed) => entry.publication.slug === slug
  // Searched list by list: a figure ten thousand reports restate is in as many of them.
  const own = mine(level.printed)
    ? level.printed
    : (level.alsoIn.find(mine) ?? level.revised.find(mine) ?? level.disputed.find(mine))
  return own ? [own] : level.disputed.length === 0 ? [level.printed] : [level.printed, ...level.disputed]
}

/** The first levels of the base and of the period, among those a change may be measured from, with which it agrees. */
function agreeingPair(
  change: Printed,
  bases: readonly Printed[],
  levels: readonly Printed[],
  kind: string | undefined
): { base: Printed; level: Printed } | undefined {
  if (bases.length * levels.length === 1) return undefined
  for (const base of bases)
    for (const level of levels) if (changeHolds(change, base, level, kind)) return { base, level }
  return undefined
}

/** Whether level − base is the change (in percent of the base for a relative one), undefined when it cannot be said. */
function changeHolds(change: Printed, base: Printed, level: Printed, kind: string | undefined): boolean | undefined {
  const expected = expectedChange(change, base, level, kind)
  return expected && overlaps(expected, factInterval(change.fact, kind))
}

/** The changes two printed levels allow, at their printed precision. */
function expectedChange(
  change: Printed,
  base: Printed,
  level: Printed,
  kind: string | undefined
): Interval | undefined {
  const [start, end] = [factInterval(base.fact, kind), factInterval(level.fact, kind)]
  return change.fact.aspect === 'relative-change' ? percentChange(end, start) : subtract(end, start)
}

/** change-contradicts-levels: level − base must be the change (in percent of the base for a relative one). */
function checkAgainst(
  change: Printed,
  base: Printed,
  level: Printed,
  kind: string | undefined,
  checks: LazyCheck[]
): void {
  const { fact } = change
  const relative = fact.aspect === 'relative-change'
  const expected = expectedChange(change, base, level, kind)
  if (!expected) return
  const holds = overlaps(expected, factInterval(fact, kind))
  const computed = relative
    ? ((level.fact.value - base.fact.value) / base.fact.value) * 100
    : level.fact.value - base.fact.value
  const arithmeticOf = () =>
    relative
      ? `(${showSigned(level.fact.value)} − ${showSigned(base.fact.value)}) / ${showSigned(base.fact.value)} = ${showSigned(roundTo(computed, 4))}%`
      : `${showSigned(level.fact.value)} − ${showSigned(base.fact.value)} = ${showSigned(computed)}`
  const stated = `${showSigned(fact.value)}${relative ? '%' : ''}`
  const statedInWords = inWords(fact, kind, stated)
  // The levels as printed allow a range of changes, said where the arithmetic of the printed values
  // alone does not show why the check holds (17.6 → 16.4 is −6.8182%, and −6.3% holds), or how far
  // a change that does not hold is from it.
  const allowed = allowedRange(expected, fact.decimals, relative ? '%' : '')
  const plain = holds && overlaps({ low: computed, high: computed }, factInterval(fact, kind))
  checks.push({
    metric: fact.metric,
    line: fact,
    report: change.publication.slug,
    record: () => ({
      kind: 'change',
      holds,
      statement: referenceTo(change),
      against: [referenceTo(base), referenceTo(level)],
      detail: `${arithmeticOf()};报告为${statedInWords},${verdict(holds, plain, allowed?.zh)}`
    })
  })
  if (holds) return
  const arithmetic = arithmeticOf()
  // 同比提升2.1% of a rate that rose 2.1 points: the percent sign of 个百分点 lost in typing.
  const hint =
    relative &&
    kind === 'percent' &&
    overlaps(subtract(factInterval(level.fact, kind), factInterval(base.fact, kind)), factInterval(fact, kind))
      ? `; ${showSigned(fact.value)} is the difference in percentage points: write ${show(Math.abs(fact.value))}个百分点`
      : kind === 'rank' && !relative
        ? `; ${rankWords(base.fact.text, level.fact.text, computed)}`
        : ''
  report(
    change.publication.file,
    'change-contradicts-levels',
    `The change "${fact.text}" of ${subjectOf(change)} from ${fact.basePeriod ?? ''} to ${fact.period} disagrees with the levels "${base.fact.text}" (${base.publication.slug}) and "${level.fact.text}" (${level.publication.slug}): ${arithmetic}, stated ${stated}${allowed ? `; the levels as printed allow ${allowed.en}` : ''}${hint}`,
    place(fact),
    [
      relatedPlace(base, `the level "${base.fact.text}" of ${fact.basePeriod ?? ''}`),
      relatedPlace(level, `the level "${level.fact.text}" of ${fact.period}`)
    ]
  )
}

/**
 * A rank's change in words, since its arithmetic runs against them: from 第7 to 第3 the place
 * number falls by 4, and the rank rises 4 places (上升4位, aspect=increase).
 */
function rankWords(from: string, to: string, computed: number): string {
  const places = show(Math.abs(computed))
  if (computed === 0) return `from ${from} to ${to} the rank stays where it was`
  return computed < 0
    ? `from ${from} to ${to} the rank rises ${places} places (上升${places}位, aspect=increase)`
    : `from ${from} to ${to} the rank falls ${places} places (下降${places}位, aspect=decrease)`
}

/** What a check of a change concludes, in the words of a series page, with the range the levels allow where it says more. */
function verdict(holds: boolean, plain: boolean, allowed: string | undefined): string {
  if (plain) return '在印刷精度内相符'
  const range = allowed === undefined ? '' : `两值按印刷精度可得${allowed}`
  if (holds) return `${range},相符`
  return range === '' ? '不符' : `不符(${range})`
}

/**
 * The changes two printed levels allow, rounded outwards to one place more than the change is
 * printed with: −7.37% to −6.26% for 17.6 → 16.4 against a change printed to a tenth. Undefined
 * for exact levels (counts), which allow one change, the one the arithmetic shows.
 */
function allowedRange(
  range: Interval,
  decimals: number | undefined,
  unit: string
): { zh: string; en: string } | undefined {
  if (range.high - range.low <= 1e-9 * Math.max(1, Math.abs(range.low))) return undefined
  const scale = 10 ** (Math.max(decimals ?? 0, 0) + 1)
  // The slack keeps a bound that is a whole number of places from moving a place out by a binary fraction.
  const low = showSigned(Math.floor(range.low * scale + 1e-9) / scale)
  const high = showSigned(Math.ceil(range.high * scale - 1e-9) / scale)
  return { zh: `${low}${unit}至${high}${unit}`, en: `${low}${unit} to ${high}${unit}` }
}

/**
 * A change as a reader of the report knows it: its figure as printed with the way it went, 下降10.3%
 * for −10.3%, 上升2.1个百分点 for 2.1. A rank rises as its number falls, so 上升4位 is a change of
 * −4 in the number, which is said beside it. A figure printed with its sign is said as it is.
 */
function inWords(fact: NumericFact, kind: string | undefined, stated: string): string {
  if (fact.value === 0 || /^[-+−－＋]/.test(fact.text)) return stated
  if (kind === 'rank' && fact.aspect === 'change')
    return `${fact.value < 0 ? '上升' : '下降'}${show(Math.abs(fact.value))}位（名次数${stated}）`
  return `${fact.value < 0 ? '下降' : '上升'}${fact.text}`
}
