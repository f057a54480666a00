import type { Element } from 'hast'
import { h, s } from 'hastscript'
import { fromNumber, minus, toDecimal } from '../../chinese-number/index.js'
import type { Calculation, FactBundle } from '../../model/schema-types.js'
import { factKey, seriesKey } from '../../validate/fact-groups.js'
import { formatNumber, formatValue, unitSymbol } from './display.js'
import type { CollectionFact, Registry } from '../../model/compiled.js'
import { roundScaled } from '../../model/rounding.js'
import type { CollectionLookup, PublishedLevel } from './collection-lookup.js'

/** What a chart reads of a fact: a report's fact, or the same fact as a build keeps it of a report (see ReportSummary). */
type Fact = CollectionFact
type NumericFact = Fact & { value: number }

/** What the charts read of a report's bundle. */
export interface ChartedBundle {
  report: Pick<FactBundle['report'], 'slug'>
  metrics: FactBundle['metrics']
  facts: readonly Fact[]
}

interface Bar {
  label: string
  value: number
  text: string
  /** Worked out from other figures rather than printed. */
  derived?: boolean
}

export interface Chart {
  /** The fact after whose paragraph the chart stands. */
  after: string
  kind: 'from-to' | 'level-change' | 'parts'
  title: string
  /** The chart in words: its text alternative. */
  summary: string
  bars: Bar[]
  /** For percentages, the scale runs to 100. */
  max: number
}

const isNumeric = (fact: Fact): fact is NumericFact => typeof fact.value === 'number'

type Label = (fact: Fact) => string
type PublishedLevelOf = CollectionLookup['publishedLevel']
type DimensionParts = Exclude<Calculation['parts'], unknown[]>

/**
 * The charts the data calls for: a value and the value it started from
 * (由50%提升至66.7%), a level and its change (93.8%, +2.1 个百分点), and the
 * parts of a total the registry declares (517 = 512 + 4 + 1). The base of a change is the level a
 * report of the site publishes for it, found by `publishedLevel`, and else worked out and marked so.
 */
export function chartsOf(
  bundle: ChartedBundle,
  registry: Registry | undefined,
  publishedLevel: PublishedLevelOf = () => undefined
): Chart[] {
  const facts = bundle.facts.filter(isNumeric)
  const label: Label = (fact) => bundle.metrics[fact.metric]?.label.zh ?? fact.metric
  const charts: Chart[] = []
  addSeriesCharts(charts, bundle, facts, label, publishedLevel)
  for (const calculation of registry?.calculations ?? []) {
    if (Array.isArray(calculation.parts)) continue
    addPartsCharts(charts, facts, calculation.total, calculation.parts, label)
  }
  return charts
}

function chartMax(fact: Fact, values: number[]): number {
  return fact.unit === '%' ? Math.max(100, ...values) : Math.max(...values)
}

/** Each drawable level with the start of its series, or else with its change. */
function addSeriesCharts(
  charts: Chart[],
  bundle: ChartedBundle,
  facts: NumericFact[],
  label: Label,
  publishedLevel: PublishedLevelOf
): void {
  // Bar lengths mean nothing for an ordinal: Ⅱ类 is better than Ⅲ类, not shorter.
  const drawable = (fact: Fact) => !['class', 'rank', 'date'].includes(bundle.metrics[fact.metric]?.kind ?? '')
  const starts = firstOfEachSeries(facts, 'start')
  const changes = firstOfEachSeries(facts, 'change')
  for (const level of facts.filter((fact) => fact.aspect === 'level' && drawable(fact))) {
    const series = seriesKey(level)
    const start = starts.get(series)
    const change = changes.get(series)
    if (start) charts.push(fromToChart(level, start, label))
    else if (change) charts.push(changeChart(level, change, publishedLevel, bundle.report.slug, label))
  }
}

/** The first start and the first change of each series, found in one pass rather than once per level. */
function firstOfEachSeries(facts: NumericFact[], aspect: Fact['aspect']): Map<string, NumericFact> {
  const found = new Map<string, NumericFact>()
  for (const fact of facts) if (fact.aspect === aspect && !found.has(seriesKey(fact))) found.set(seriesKey(fact), fact)
  return found
}

function fromToChart(level: NumericFact, start: NumericFact, label: Label): Chart {
  return {
    after: level.id,
    kind: 'from-to',
    title: `${label(level)}:由${start.text}到${level.text}`,
    summary: `${label(level)}在${level.period}由${formatValue(start)}变为${formatValue(level)}。`,
    bars: [
      { label: '期初', value: start.value, text: formatValue(start) },
      { label: '期末', value: level.value, text: formatValue(level) }
    ],
    max: chartMax(level, [start.value, level.value])
  }
}

function levelChangeChart(level: NumericFact, change: NumericFact, label: Label): Chart {
  // Worked out, not printed: the difference of two exact values, to the digits a double holds.
  const before = Number(toDecimal(minus(fromNumber(level.value), fromNumber(change.value)), 15).text)
  const beforeText = formatValue({ ...level, value: before })
  const previous = change.basePeriod ?? '期初'
  return {
    after: change.id,
    kind: 'level-change',
    title: `${label(level)}:${level.text},较${previous}${change.value >= 0 ? '提升' : '下降'}${change.text}`,
    summary: `${label(level)}在${level.period}为${formatValue(level)},较${previous}变化${formatValue(change)};${previous}的值${beforeText}由此推算。`,
    bars: [
      { label: previous, value: before, text: `${beforeText}(推算)`, derived: true },
      { label: level.period, value: level.value, text: formatValue(level) }
    ],
    max: chartMax(level, [before, level.value])
  }
}

/** A level and its change, with the base a report of the site prints when one does, else worked out. */
function changeChart(
  level: NumericFact,
  change: NumericFact,
  publishedLevel: PublishedLevelOf,
  slug: string,
  label: Label
): Chart {
  const base = change.basePeriod === undefined ? undefined : publishedLevel({ ...level, period: change.basePeriod })
  if (!base) return levelChangeChart(level, change, label)
  const where = base.report === slug ? '本报告' : `《${base.reportTitle}》`
  return publishedChangeChart(level, change, { ...base, where }, label)
}

/** A level and its change against a period whose level a report of the site prints: both bars are printed figures. */
function publishedChangeChart(
  level: NumericFact,
  change: NumericFact,
  base: PublishedLevel & { where: string },
  label: Label
): Chart {
  const previous = change.basePeriod ?? '期初'
  const baseText = formatValue({ ...level, value: base.value, decimals: base.decimals })
  return {
    after: change.id,
    kind: 'level-change',
    title: `${label(level)}:${level.text},较${previous}${change.value >= 0 ? '提升' : '下降'}${change.text}`,
    summary: `${label(level)}在${level.period}为${formatValue(level)},较${previous}变化${formatValue(change)};${previous}的值${baseText}见${base.where}。`,
    bars: [
      { label: previous, value: base.value, text: baseText },
      { label: level.period, value: level.value, text: formatValue(level) }
    ],
    max: chartMax(level, [base.value, level.value])
  }
}

/** One chart per distinct total of `totalMetric` that has at least two of its members written. */
function addPartsCharts(
  charts: Chart[],
  facts: NumericFact[],
  totalMetric: string,
  { dimension, members }: DimensionParts,
  label: Label
): void {
  const totals = facts.filter((fact) => fact.metric === totalMetric && fact.dimensions[dimension] === undefined)
  const memberParts = firstOfEachMember(facts, totalMetric, dimension, members)
  const seen = new Set<string>()
  for (const total of totals) {
    const key = factKey(total)
    if (seen.has(key)) continue
    seen.add(key)
    const parts = members
      .flatMap((member) => {
        const part = memberParts.get(JSON.stringify([key, member]))
        return part ? [part] : []
      })
      .sort((a, b) => a.source.offset - b.source.offset)
    if (parts.length >= 2) charts.push(partsChart(total, parts, dimension, label))
  }
}

/** The first fact of each member of each total, by the key of its total. */
function firstOfEachMember(
  facts: NumericFact[],
  totalMetric: string,
  dimension: string,
  members: readonly string[]
): Map<string, NumericFact> {
  const memberParts = new Map<string, NumericFact>()
  for (const fact of facts) {
    const member = fact.dimensions[dimension]
    if (fact.metric !== totalMetric || member === undefined || !members.includes(member)) continue
    const name = JSON.stringify([factKey(fact, dimension), member])
    if (!memberParts.has(name)) memberParts.set(name, fact)
  }
  return memberParts
}

function partsChart(total: NumericFact, parts: NumericFact[], dimension: string, label: Label): Chart {
  const qualifier = Object.values(total.dimensions).join('、')
  const unit = unitSymbol(total.unit)
  const terms = parts
    .map((part) => `${part.dimensions[dimension]} ${formatNumber(part.value, part.decimals)}`)
    .join(',')
  return {
    after: parts.at(-1)?.id ?? total.id,
    kind: 'parts',
    title: `${qualifier}${label(total)}构成:共${total.text}`,
    summary: `${qualifier}${label(total)}共${formatNumber(total.value, total.decimals)}${unit},其中${terms}。`,
    bars: parts.map((part) => ({
      label: part.dimensions[dimension] ?? '',
      value: part.value,
      text: formatNumber(part.value, part.decimals)
    })),
    max: total.value
  }
}

const width = 320
const barHeight = 18
const gap = 10
const labelWidth = 64

/** A chart as a figure: an SVG drawing named by its title, and a caption that says the same in words. */
export function chartFigure(chart: Chart, index: number): Element {
  const id = `chart-${index + 1}`
  const svg = chart.kind === 'parts' ? stackedBar(chart, id) : pairedBars(chart, id)
  const legend =
    chart.kind === 'parts'
      ? [
          h(
            'ul.chart-legend',
            chart.bars.map((bar, n) =>
              h('li', [h(`span.swatch.swatch-${n % 4}`, { ariaHidden: 'true' }), `${bar.label} ${bar.text}`])
            )
          )
        ]
      : []
  return h(`figure.chart.chart-${chart.kind}`, { id }, [svg, ...legend, h('figcaption', chart.summary)])
}

function titled(chart: Chart, id: string, height: number, children: Element[]): Element {
  return s(
    'svg',
    {
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      ariaLabelledBy: `${id}-title ${id}-desc`,
      className: ['chart-svg']
    },
    [s('title', { id: `${id}-title` }, chart.title), s('desc', { id: `${id}-desc` }, chart.summary), ...children]
  )
}

function pairedBars(chart: Chart, id: string): Element {
  const room = width - labelWidth - 90
  const rows = chart.bars.map((bar, n) => {
    const y = n * (barHeight + gap)
    const length = Math.max(2, (bar.value / (chart.max || 1)) * room)
    return s('g', [
      s('text', { x: 0, y: y + barHeight - 5, className: ['chart-label'] }, bar.label),
      s('rect', {
        x: labelWidth,
        y,
        width: roundScaled(length, 1),
        height: barHeight,
        className: [bar.derived ? 'bar-derived' : `bar-${n}`]
      }),
      s(
        'text',
        { x: roundScaled(labelWidth + length + 6, 1), y: y + barHeight - 5, className: ['chart-value'] },
        bar.text
      )
    ])
  })
  return titled(chart, id, chart.bars.length * (barHeight + gap), rows)
}

function stackedBar(chart: Chart, id: string): Element {
  let x = 0
  const total = chart.bars.reduce((sum, bar) => sum + bar.value, 0) || 1
  const segments = chart.bars.map((bar, n) => {
    // A part too small to see (1 of 517) still gets a sliver.
    const length = Math.max(2, (bar.value / total) * width)
    const rect = s('rect', {
      x: roundScaled(x, 1),
      y: 0,
      width: roundScaled(length, 1),
      height: barHeight + 4,
      className: [`swatch-${n % 4}`]
    })
    x += length
    return rect
  })
  return titled(chart, id, barHeight + 4, segments)
}
