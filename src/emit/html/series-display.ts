import type { FactReference, SeriesMetric, SeriesPoint, SeriesTarget } from '../../model/schema-types.js'
import { decimalString } from '../decimal.js'
import { reportFactHref } from './anchors.js'
import { formatNumber, formatValue, unitSymbol } from './display.js'
import { boundWords } from './series-words.js'

/**
 * A point's value as the report pages show a level, `17.4 μg/m³`, `91.7%`; a rank or class in
 * words, `第3`, `Ⅱ类`, since the text printed may be the bare number (第:fact[3]).
 */
export function pointValue(point: SeriesPoint, metric: SeriesMetric): string {
  return ordinal(metric) ? scaleValue(point.value, metric, point.decimals) : formatValue(point, metric)
}

const ordinal = (metric: Pick<SeriesMetric, 'kind'>) => metric.kind === 'rank' || metric.kind === 'class'

/** The places a number is written with, for figures the series gives without their precision. */
function ownDecimals(value: number): number {
  const [, fraction = ''] = decimalString(value).split('.')
  return fraction.length
}

// Water quality classes as GB 3838-2002 writes them; the registry stores worse than Ⅴ as 6.
const classNames = ['Ⅰ类', 'Ⅱ类', 'Ⅲ类', 'Ⅳ类', 'Ⅴ类', '劣Ⅴ类']

/**
 * A number on the scale of a metric, as its reports print it: `第3` for a rank, `Ⅱ类` for a
 * class, else the number with its unit (`18 μg/m³`, `99.5%`).
 */
export function scaleValue(value: number, metric: Pick<SeriesMetric, 'kind' | 'unit'>, decimals?: number): string {
  const number = formatNumber(value, decimals ?? ownDecimals(value))
  if (metric.kind === 'rank') return `第${number}`
  if (metric.kind === 'class') return (Number.isInteger(value) && classNames[value - 1]) || number
  const symbol = unitSymbol(metric.unit)
  return `${number}${symbol === '' || symbol === '%' ? symbol : ` ${symbol}`}`
}

/**
 * A target's value with its bound: `不高于18 μg/m³`, `不低于99.5%`, `达到第10`; a rank bounded above
 * is a place to stay within, `前10名以内`, as 不高于第10 would read as a worse place.
 */
export function targetValue(target: SeriesTarget, metric: SeriesMetric): string {
  if (metric.kind === 'rank' && target.bound === 'at-most') return `前${formatNumber(target.value)}名以内`
  return `${boundWords[target.bound ?? 'none']}${scaleValue(target.value, metric)}`
}

/** A fact of a report as the series page links it: its figure as printed, the report, and where it stands. */
export interface FactLink {
  text: string
  href: string
  report: string
}

export function factLink(
  reference: Pick<FactReference, 'report' | 'fact' | 'text'>,
  titleOf: (slug: string) => string
): FactLink {
  return {
    text: reference.text,
    href: reportFactHref(reference.report, reference.fact),
    report: titleOf(reference.report)
  }
}
