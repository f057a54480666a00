import { fromNumber, minus, readFigure, readUnit, toDecimal, toFixed } from '../chinese-number/index.js'
import type { Metric, SeriesPoint } from '../model/schema-types.js'
import { roundTo } from '../model/rounding.js'
import { show } from '../validate/interval.js'
import { referenceTo, sourcePoint, type NumericFact, type Printed } from './published.js'

/** A value worked out from a level and a change rather than printed, and how. */
export interface Inference {
  value: number
  decimals: number | undefined
  expression: string
}

const isRelative = (change: NumericFact) => change.aspect === 'relative-change'

/**
 * The finer of two precisions, undefined (exact) giving way to any other: 70% − 3.3 points is
 * written 66.7%, as a report would, not rounded to 67% by the figure written with fewer places.
 */
function finer(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b
  if (b === undefined) return a
  return Math.max(a, b)
}

/** Exact decimal arithmetic for an absolute change: 93.8 − 2.1 is 91.7, not 91.69999999999999. */
function exactly(a: number, b: number, sign: 1 | -1): number {
  const rhs = fromNumber(sign === 1 ? -b : b)
  return Number(toDecimal(minus(fromNumber(a), rhs), 15).text)
}

// A negative figure in parentheses with a real minus sign, as the expressions around it use.
const signed = (value: number) => (value < 0 ? `(−${show(-value)})` : show(value))

/**
 * The value at the base period, from the level at the end and the change between: level − change,
 * or level ÷ (1 + change%) for a relative change, at the precision of the figures it comes from.
 * Undefined for a fall of 100% or more, which leaves 0 (or less) of any base.
 */
export function inferBase(level: NumericFact, change: NumericFact): Inference | undefined {
  if (isRelative(change)) {
    if (change.value <= -100) return undefined
    const decimals = level.decimals
    const raw = level.value / (1 + change.value / 100)
    const value = decimals === undefined ? raw : roundTo(raw, decimals)
    return { value, decimals, expression: `${show(level.value)} ÷ (1 + ${signed(change.value)}%) ≈ ${show(value)}` }
  }
  const value = exactly(level.value, change.value, -1)
  return {
    value,
    decimals: finer(level.decimals, change.decimals),
    expression: `${show(level.value)} − ${signed(change.value)} = ${show(value)}`
  }
}

/** The value at the end of the period, from the base and the change: base + change, or base × (1 + change%). */
export function inferLevel(base: NumericFact, change: NumericFact): Inference {
  if (isRelative(change)) {
    const decimals = base.decimals
    const raw = base.value * (1 + change.value / 100)
    const value = decimals === undefined ? raw : roundTo(raw, decimals)
    return { value, decimals, expression: `${show(base.value)} × (1 + ${signed(change.value)}%) ≈ ${show(value)}` }
  }
  const value = exactly(base.value, change.value, 1)
  return {
    value,
    decimals: finer(base.decimals, change.decimals),
    expression: `${show(base.value)} + ${signed(change.value)} = ${show(value)}`
  }
}

/**
 * A value as a report would print it: 91.7%, 第7, 2.61, and in the unit the figure it comes from
 * is written in (`written`, its label) when that unit is one of powers of ten: 18.4微克/立方米, 85件,
 * 1159万吨, rather than the unit's code (18.4 ug/m3).
 */
export function printedForm(
  value: number,
  decimals: number | undefined,
  metric: Pick<Metric, 'kind' | 'unit'>,
  written?: string
): string {
  const digitsOf = (scaled: number, places: number | undefined) =>
    places === undefined ? show(scaled) : toFixed(fromNumber(scaled), Math.max(places, 0))
  if (metric.kind === 'rank') return `第${digitsOf(value, decimals)}`
  if (metric.unit === '%') return `${digitsOf(value, decimals)}%`
  const unit = metric.kind === 'class' || written === undefined ? undefined : writtenUnit(written, metric.unit)
  if (unit) {
    const places = decimals === undefined ? undefined : decimals + Math.round(Math.log10(unit.factor))
    return `${digitsOf(value / unit.factor, places)}${unit.display}`
  }
  const digits = digitsOf(value, decimals)
  return metric.unit === '1' ? digits : `${digits} ${metric.unit}`
}

/** The unit a label is written in, when it stands for `unit` times a power of ten: 万吨 for t. */
function writtenUnit(label: string, unit: string): { display: string; factor: number } | undefined {
  const figure = readFigure(label)
  if (!figure.ok || figure.value.unit !== unit || figure.value.displayUnit === '') return undefined
  const reading = readUnit(figure.value.displayUnit)
  const power = reading && Math.log10(reading.factor)
  if (!reading || reading.unit !== unit || power === undefined || !Number.isInteger(power) || power < 0)
    return undefined
  return { display: reading.display, factor: reading.factor }
}

/** A series point that no report prints, worked out from `from` by the change stated in `change`. */
export function inferredPoint(
  change: Printed,
  period: string,
  inference: Inference,
  from: Printed,
  metric: Pick<Metric, 'kind' | 'unit'>
): SeriesPoint {
  const { fact, publication } = change
  return {
    period,
    entity: fact.entity,
    dimensions: fact.dimensions,
    value: inference.value,
    unit: from.fact.unit,
    ...(inference.decimals !== undefined && { decimals: inference.decimals }),
    text: printedForm(inference.value, inference.decimals, metric, from.fact.text),
    aspect: 'level',
    status: 'inferred',
    report: publication.slug,
    fact: fact.id,
    source: sourcePoint(fact),
    derivation: { expression: inference.expression, from: [referenceTo(from), referenceTo(change)] }
  }
}
