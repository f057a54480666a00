import { fromNumber, toFixed } from '../../chinese-number/index.js'
import type { Fact, Metric } from '../../model/schema-types.js'

// How a reader writes the UCUM codes factmark normalizes to.
const unitSymbols: Record<string, string> = {
  '1': '',
  '%': '%',
  'ug/m3': 'μg/m³',
  'mg/m3': 'mg/m³',
  'mg/L': 'mg/L',
  'm2/km': 'm²/km',
  m2: 'm²',
  km2: 'km²',
  m3: 'm³',
  t: 't',
  kg: 'kg',
  a: '年',
  mo: '月',
  d: '天',
  h: '小时',
  dB: 'dB',
  CNY: '元'
}

export function unitSymbol(unit: string): string {
  return unitSymbols[unit] ?? unit
}

/**
 * A number grouped the way Chinese official documents print it, with the
 * places it was written with: 11,590,000; 17.40. Rounded in exact decimal
 * arithmetic, so every written digit shows however many there are.
 */
export function formatNumber(value: number, decimals?: number): string {
  const places = decimals !== undefined && decimals > 0 ? decimals : 0
  const [whole = '0', fraction] = toFixed(fromNumber(Math.abs(value)), places).split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${value < 0 && /[1-9]/.test(whole + (fraction ?? '')) ? '−' : ''}${grouped}${fraction ? `.${fraction}` : ''}`
}

// A class or rank is an ordinal: 2 says less than the Ⅱ类 or 第2 the report prints.
const ordinalKinds = new Set<Metric['kind']>(['class', 'rank'])

/** What formatValue reads of a figure: a fact, or a point of a series. */
export type ShownValue = Pick<Fact, 'value' | 'aspect' | 'unit' | 'decimals' | 'text'>

/**
 * A value in % that is a difference of two percentages, which readers know as 个百分点: the change
 * of a percentage (93.8% against 91.7%), or any value but a relative change of a metric that
 * measures a gap in points (城乡差距3.5个百分点).
 */
function inPoints(fact: ShownValue, metric?: Pick<Metric, 'kind'>): boolean {
  if (fact.unit !== '%' || fact.aspect === 'relative-change') return false
  return fact.aspect === 'change' || metric?.kind === 'percentage-point'
}

/**
 * The normalized value with its unit: `11,590,000 t`, `93.8%`, `+2.1 个百分点`; a class or rank as
 * printed, and a change of rank in places as reports say it (上升4位).
 */
export function formatValue(fact: ShownValue, metric?: Pick<Metric, 'kind'>): string {
  if (typeof fact.value === 'string') return fact.value
  if (metric?.kind === 'rank' && fact.aspect === 'change') return placesMoved(fact.value, fact.decimals)
  if (metric && ordinalKinds.has(metric.kind) && fact.aspect !== 'change') return fact.text
  const number = formatNumber(fact.value, fact.decimals)
  const signed =
    fact.aspect === 'change' || fact.aspect === 'relative-change' ? (fact.value > 0 ? `+${number}` : number) : number
  if (inPoints(fact, metric)) return `${signed} 个百分点`
  const symbol = unitSymbol(fact.unit)
  return symbol === '' ? signed : symbol === '%' ? `${signed}%` : `${signed} ${symbol}`
}

/** A change of a rank in places: a smaller place number is a rise (上升4位 is −4). */
function placesMoved(value: number, decimals: number | undefined): string {
  if (value === 0) return '名次不变'
  return `${value < 0 ? '上升' : '下降'}${formatNumber(Math.abs(value), decimals)}位`
}

const aspectWords: Record<Fact['aspect'], string> = {
  level: '',
  start: '期初值',
  target: '目标值',
  change: '变化量',
  'relative-change': '变化率'
}

export function aspectWord(aspect: Fact['aspect']): string {
  return aspectWords[aspect]
}

/** One line a reader can take in at a glance: what, how much, when, about whom. */
export function describeFact(fact: Fact, metric: Metric | undefined): string {
  const what = metric?.label.zh ?? fact.metric
  const aspect = aspectWord(fact.aspect)
  const dimensions = Object.values(fact.dimensions).join('、')
  return [
    `${what}${aspect ? `(${aspect})` : ''}`,
    formatValue(fact, metric),
    fact.period,
    [fact.entity, dimensions].filter(Boolean).join(' ')
  ].join(' · ')
}

/**
 * A report's title as its pages show it: one of blanks only (which the front matter schema lets
 * through) gives way to the slug, as a page title must not be empty.
 */
export function reportTitle(report: { title: string; slug: string }): string {
  return report.title.trim() === '' ? report.slug : report.title
}
