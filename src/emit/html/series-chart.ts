import type { Element } from 'hast'
import { h, s } from 'hastscript'
import { compareStrings } from '../../model/compare.js'
import type { Series, SeriesPoint, SeriesTarget } from '../../model/schema-types.js'
import { reportFactHref } from './anchors.js'
import { valueScale, type ValueScale } from './chart-scale.js'
import { unitSymbol } from './display.js'
import { pointValue, scaleValue, targetValue } from './series-display.js'
import { ofOneLength } from '../series-json.js'
import type { SeriesLine } from './series-lines.js'
import { evaluationWords } from './series-words.js'

/** More lines than this tangle; the others are in the table under the chart. */
const drawnLineLimit = 5

const width = 640
const height = 300
const plot = { left: 76, right: width - 16, top: 28, bottom: height - 36 }

/** What the chart needs besides the series: its lines in drawing order, and report titles by slug. */
export interface SeriesChartInput {
  series: Series
  lines: readonly SeriesLine[]
  titleOf: (slug: string) => string
}

interface Frame {
  /** The periods of the drawn lines and their targets, in order. */
  periods: string[]
  x: (period: string) => number
  /** Room per period, for a target's mark. */
  step: number
  y: ValueScale
}

/**
 * The series as a figure: one line per entity and dimensions (the first few), each point a link to
 * its sentence in its report, inferred points hollow and marked 推算, earlier values a report
 * revises, and targets as dashed marks with their evaluation. The drawing is a labelled group,
 * not an image, since an image's content is hidden from assistive technology and its links would
 * be lost; its description and the table under it say everything it draws.
 */
export function seriesChart({ series, lines, titleOf }: SeriesChartInput): Element {
  const drawn = lines.slice(0, drawnLineLimit)
  const frame = frameOf(series, drawn)
  const summary = chartSummary(series, drawn, lines.length - drawn.length)
  const svg = s(
    'svg',
    {
      viewBox: `0 0 ${width} ${height}`,
      role: 'group',
      ariaLabelledBy: 'chart-title chart-desc',
      className: ['series-svg']
    },
    [
      s('title', { id: 'chart-title' }, `${series.metric.label.zh}历年数值`),
      s('desc', { id: 'chart-desc' }, summary),
      axes(series, frame),
      ...drawn.map((line, index) => lineGroup(series, line, index, frame, titleOf))
    ]
  )
  const legend = h(
    'ul.chart-legend',
    drawn.map((line, index) => h('li', [h(`span.swatch.line-swatch-${index}`, { ariaHidden: 'true' }), line.label]))
  )
  const caption = h('figcaption', [summary, ' 实心点为报告公布的数值,空心点为推算值;点击数据点可跳到报告中的原句。'])
  return h('figure.chart.series-chart', [svg, legend, caption])
}

function frameOf(series: Series, lines: readonly SeriesLine[]): Frame {
  const periods = [
    ...new Set(lines.flatMap((line) => [...line.points, ...line.targets].map((item) => item.period)))
  ].sort(compareStrings)
  const step = (plot.right - plot.left) / Math.max(1, periods.length)
  const values = lines.flatMap((line) => [
    ...line.points.flatMap((point) => [point.value, ...(point.revises ?? []).map((ref) => ref.value)]),
    ...line.targets.map((target) => target.value)
  ])
  const rank = series.metric.kind === 'rank'
  return {
    periods,
    x: (period) => Math.round(plot.left + step * (periods.indexOf(period) + 0.5)),
    step,
    y: valueScale(values, {
      top: plot.top,
      bottom: plot.bottom,
      inverted: rank,
      whole: rank || series.metric.kind === 'class' || series.metric.kind === 'count',
      ...(rank && { least: 1 })
    })
  }
}

/** Grid lines, tick labels, periods and the unit: drawn for the eye, told by the description. */
function axes(series: Series, frame: Frame): Element {
  const ticks = frame.y.ticks.map((tick) =>
    s('g', [
      s('line', { x1: plot.left, x2: plot.right, y1: frame.y.at(tick), y2: frame.y.at(tick), className: ['grid'] }),
      s(
        'text',
        { x: plot.left - 6, y: frame.y.at(tick) + 4, textAnchor: 'end', className: ['tick'] },
        scaleValue(tick, { kind: series.metric.kind, unit: '1' }, frame.y.decimals)
      )
    ])
  )
  const xLabels = frame.periods.map((period) =>
    s('text', { x: frame.x(period), y: plot.bottom + 20, textAnchor: 'middle', className: ['tick'] }, period)
  )
  const unit = series.metric.kind === 'rank' ? '名次(靠前在上)' : unitSymbol(series.metric.unit)
  return s('g', { ariaHidden: 'true' }, [
    ...ticks,
    ...xLabels,
    ...(unit ? [s('text', { x: 4, y: 14, className: ['tick'] }, `单位:${unit}`)] : [])
  ])
}

function lineGroup(
  series: Series,
  line: SeriesLine,
  index: number,
  frame: Frame,
  titleOf: (slug: string) => string
): Element {
  // A point of a longer period (2021/2024 among single years) is marked, and left out of the trace.
  const traced = ofOneLength(line.points)
  const path = traced
    .map((point, n) => `${n === 0 ? 'M' : 'L'}${frame.x(point.period)} ${frame.y.at(point.value)}`)
    .join(' ')
  return s('g', { className: [`series-line`, `line-${index}`] }, [
    ...(traced.length > 1 ? [s('path', { d: path, className: ['trace'], ariaHidden: 'true' })] : []),
    ...line.targets.flatMap((target) => targetMark(series, line, target, frame, titleOf)),
    ...line.points.flatMap((point) => [
      ...(point.revises ?? []).flatMap((ref) => revisedMark(line, point, ref, frame, titleOf)),
      ...pointMark(series, line, point, frame, titleOf)
    ])
  ])
}

/**
 * A note drawn beside a mark (推算, 修订前, a target's words): outside the mark's link and hidden,
 * since the link's label already says it and a name must contain the visible text of its link.
 */
const note = (x: number, y: number, className: string, words: string) =>
  s('text', { x, y, className: [className], ariaHidden: 'true' }, words)

type Revised = NonNullable<SeriesPoint['revises']>[number]

/** An earlier value a report revised, as a cross where it stood, linked to where it was printed. */
function revisedMark(
  line: SeriesLine,
  point: SeriesPoint,
  ref: Revised,
  frame: Frame,
  titleOf: (slug: string) => string
): Element[] {
  const x = frame.x(point.period)
  const y = frame.y.at(ref.value)
  const label = revisedLabel(line, point, ref, titleOf)
  return [
    s('a', { href: reportFactHref(ref.report, ref.fact), ariaLabel: label }, [
      s('title', label),
      s('path', { d: cross(x, y), className: ['revised'] })
    ]),
    note(x + 8, y + 4, 'point-note', '修订前')
  ]
}

const cross = (x: number, y: number) => `M${x - 4} ${y - 4} L${x + 4} ${y + 4} M${x - 4} ${y + 4} L${x + 4} ${y - 4}`

function revisedLabel(line: SeriesLine, point: SeriesPoint, ref: Revised, titleOf: (slug: string) => string): string {
  return `${point.period} ${line.label}:修订前为${ref.text}(《${titleOf(ref.report)}》)`
}

/** What a point says to a reader who points at it or reaches it with the keyboard. */
function pointLabel(series: Series, line: SeriesLine, point: SeriesPoint, titleOf: (slug: string) => string): string {
  const value = pointValue(point, series.metric)
  const source = `《${titleOf(point.report)}》`
  const how =
    point.status === 'inferred' ? `推算:${point.derivation?.expression ?? ''},依据${source}` : `公布于${source}`
  const revised = point.revises?.length ? `;修订了${point.revises.map((ref) => ref.text).join('、')}` : ''
  return `${point.period} ${line.label}:${value}(${how}${revised})`
}

function pointMark(
  series: Series,
  line: SeriesLine,
  point: SeriesPoint,
  frame: Frame,
  titleOf: (slug: string) => string
): Element[] {
  const x = frame.x(point.period)
  const y = frame.y.at(point.value)
  const label = pointLabel(series, line, point, titleOf)
  const inferred = point.status === 'inferred'
  return [
    s('a', { href: reportFactHref(point.report, point.fact), ariaLabel: label }, [
      s('title', label),
      s('circle', { cx: x, cy: y, r: 5, className: ['point', inferred ? 'point-inferred' : 'point-published'] })
    ]),
    ...(inferred ? [note(x + 8, y + 16, 'point-note', '推算')] : [])
  ]
}

function targetMark(
  series: Series,
  line: SeriesLine,
  target: SeriesTarget,
  frame: Frame,
  titleOf: (slug: string) => string
): Element[] {
  const x = frame.x(target.period)
  const y = frame.y.at(target.value)
  const half = Math.min(40, frame.step * 0.4)
  const words = `目标${targetValue(target, series.metric)} ${evaluationWords[target.evaluation.status]}`
  const label = `${target.period} ${line.label}:${words}(《${titleOf(target.report)}》)`
  return [
    s('a', { href: reportFactHref(target.report, target.fact), ariaLabel: label }, [
      s('title', label),
      s('line', {
        x1: x - half,
        x2: x + half,
        y1: y,
        y2: y,
        className: ['target', `target-${target.evaluation.status}`]
      })
    ]),
    note(x - half, y - 6, 'target-note', words)
  ]
}

/** The chart in words: each drawn line's values, the targets, and how many lines only the table shows. */
function chartSummary(series: Series, drawn: readonly SeriesLine[], hidden: number): string {
  const lines = drawn.map((line) => {
    const values = line.points.map(
      (point) => `${point.period} ${pointValue(point, series.metric)}${point.status === 'inferred' ? '(推算)' : ''}`
    )
    const targets = line.targets.map(
      (target) =>
        `${target.period}目标${targetValue(target, series.metric)},${evaluationWords[target.evaluation.status]}`
    )
    return `${line.label}:${[...values, ...targets].join(';')}`
  })
  const rest = hidden > 0 ? `另有 ${hidden} 条线未画出,见数据表。` : ''
  return `${lines.join('。')}。${rest}`
}
