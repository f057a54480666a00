/**
 * The range a written figure stands for: 17.4 (decimals 1) is anything from
 * 17.35 to 17.45. Comparing ranges instead of values is how XBRL judges
 * duplicates and calculations written at different precisions.
 */
export interface Interval {
  low: number
  high: number
}

/** Counts, ranks and classes written in whole units are exact: 517件 is not 516.5 to 517.5. */
const exactKinds = new Set(['count', 'rank', 'class'])

/**
 * The range of a fact: exact for whole counts, ranks and classes, else its written precision. A
 * change in percent of a count is no count: 同比下降7.6% of 92件 to 85件 is −7.6087% rounded.
 */
export function factInterval(
  fact: { value: number; decimals?: number; aspect?: string },
  kind: string | undefined
): Interval {
  const exact =
    kind !== undefined && exactKinds.has(kind) && fact.aspect !== 'relative-change' && (fact.decimals ?? 0) >= 0
  return intervalOf(fact.value, exact ? undefined : fact.decimals)
}

/** Whether a figure is printed as a bound (98%以上, 20微克/立方米以内), not as a value. */
export function isBound(bound: string | undefined): bound is 'at-least' | 'at-most' {
  return bound === 'at-least' || bound === 'at-most'
}

/**
 * The values a fact's words allow: its range, open on the side its bound leaves open (98%以上 is
 * 98% or more, 20微克/立方米以内 20 or less). A level printed with a bound agrees with an exact one
 * within it: 99.2% does not contradict 98%以上.
 */
export function allowedInterval(
  fact: { value: number; decimals?: number; aspect?: string; bound?: string },
  kind: string | undefined
): Interval {
  const range = factInterval(fact, kind)
  if (fact.bound === 'at-least') return { low: range.low, high: Infinity }
  if (fact.bound === 'at-most') return { low: -Infinity, high: range.high }
  return range
}

function intervalOf(value: number, decimals: number | undefined): Interval {
  const half = decimals === undefined ? 0 : 0.5 * 10 ** -decimals
  return { low: value - half, high: value + half }
}

// Binary fractions make 0.1 + 0.2 miss 0.3; a relative slack far below any written precision absorbs that.
function slack(a: Interval, b: Interval): number {
  // The open end of a bound (see allowedInterval) has no size to scale by.
  const ends = [a.low, a.high, b.low, b.high].filter(Number.isFinite).map(Math.abs)
  return 1e-9 * Math.max(1, ...ends)
}

export function overlaps(a: Interval, b: Interval): boolean {
  const tolerance = slack(a, b)
  return a.low <= b.high + tolerance && b.low <= a.high + tolerance
}

/**
 * Whether two printed figures of one quantity may stand for the same value: their ranges share
 * more than an end. 98.6 and 98.7 touch at 98.65, which XBRL's closed ranges call consistent,
 * but no value rounds to both by one rule, so a report that prints the other has changed it. A
 * range of one point (an exact figure) agrees with any range it lies in.
 */
export function mayBeSame(a: Interval, b: Interval): boolean {
  const tolerance = slack(a, b)
  const shared = Math.min(a.high, b.high) - Math.max(a.low, b.low)
  if (shared < -tolerance) return false
  return shared > tolerance || a.high - a.low <= tolerance || b.high - b.low <= tolerance
}

export function add(a: Interval, b: Interval): Interval {
  return { low: a.low + b.low, high: a.high + b.high }
}

export function subtract(a: Interval, b: Interval): Interval {
  return { low: a.low - b.high, high: a.high - b.low }
}

/** (a - b) / b × 100, for a relative change; undefined when b may be zero. */
export function percentChange(a: Interval, b: Interval): Interval | undefined {
  if (b.low <= 0 && b.high >= 0) return undefined
  const corners = [a.low, a.high].flatMap((x) => [b.low, b.high].map((y) => ((x - y) / y) * 100))
  return { low: Math.min(...corners), high: Math.max(...corners) }
}

/** A number as a reader would write it back: no binary noise. */
export function show(value: number): string {
  return String(Number(value.toPrecision(12)))
}

/** A number as a reader writes it, with a real minus sign: the arithmetic of a message reads as printed. */
export function showSigned(value: number): string {
  return show(value).replace(/^-/, '−')
}
