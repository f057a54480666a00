import {
  RANK_PLACE_CLASSIFIERS,
  convertValue,
  fromNumber,
  type FigureKind,
  type Ratio
} from '../chinese-number/index.js'
import { ok, type Result } from '../model/result.js'
import type { Fact, Metric, MetricKind } from '../model/schema-types.js'
import { factAspects, isChangeAttribute, type AspectAttribute } from './aspects.js'
import type { ExactFigure } from './value-attributes.js'
import { fail, type ValueProblem } from './value-problem.js'

/** The forms of figure each kind of metric accepts; a bare number is taken to be in the metric's unit. */
export const accepts: Record<MetricKind, readonly FigureKind[]> = {
  quantity: ['quantity', 'number', 'unchanged'],
  percent: ['percent', 'percentage-point', 'number', 'unchanged'],
  'percentage-point': ['percentage-point', 'number', 'unchanged'],
  count: ['count', 'number', 'unchanged'],
  rank: ['rank', 'number', 'unchanged'],
  class: ['class', 'number', 'unchanged'],
  money: ['money', 'number', 'unchanged'],
  index: ['number', 'unchanged'],
  date: ['date']
}

const figureWords: Record<FigureKind, string> = {
  number: 'a plain number',
  percent: 'a percentage',
  'percentage-point': 'a change in percentage points',
  count: 'a count',
  quantity: 'a quantity',
  money: 'an amount of money',
  rank: 'a rank',
  class: 'a class',
  date: 'a date',
  unchanged: 'no change'
}

const metricWords: Record<MetricKind, string> = {
  quantity: 'a quantity',
  percent: 'a percentage',
  'percentage-point': 'a difference in percentage points',
  count: 'a count',
  rank: 'a rank',
  class: 'a class',
  money: 'an amount of money',
  index: 'an index',
  date: 'a date'
}

/** A figure of the label beside the metric it is annotated with. */
export interface FigureAndMetric extends ExactFigure {
  text: string
  metricId: string
  metric: Metric
  aspect: AspectAttribute | undefined
  /** The fact's period: a date printed without its year takes the year from it. */
  period: string
}

/** What a figure is to its metric, before it is stored. */
export interface Meaning {
  aspect: Fact['aspect']
  unit: string
  /** Exact; a date is its ISO form. */
  value: Ratio | string
  decimals: number | undefined
}

type Reader = (read: FigureAndMetric) => Result<Meaning, ValueProblem>

const aspectOf = (read: FigureAndMetric): Fact['aspect'] =>
  read.aspect === undefined ? 'level' : factAspects[read.aspect]

const inMetricUnit = (read: FigureAndMetric, value: Ratio | string, decimals: number | undefined): Meaning => ({
  aspect: aspectOf(read),
  unit: read.metric.unit,
  value,
  decimals
})

/**
 * Points can only be a change of a percentage: an aspect that asks for anything else contradicts
 * the label, and without one the points say neither which way the percentage moved nor that they
 * are not its level miswritten (70.8个百分点 for 70.8%), which would be published as a change.
 */
const pointsOfPercentage: Reader = (read) => {
  if (read.aspect === undefined)
    return fail(
      'unit-incompatible',
      `"${read.text}" is a change in percentage points, but no aspect= says which way ${read.metricId} moved: a level of the percentage is written in % (${read.text.replace(/个?百分点$/, '%')}); a change takes aspect=increase, decrease, improve or worsen (and base= the year it is measured from, 同比)`,
      'label'
    )
  if (aspectOf(read) !== 'change') {
    const asked = read.aspect === 'level' ? 'a level' : `a ${read.aspect} value`
    return fail(
      'unit-incompatible',
      `"${read.text}" is a change in percentage points, but aspect=${read.aspect} asks for ${asked} of the percentage ${read.metricId}`,
      'aspect'
    )
  }
  return ok({ ...inMetricUnit(read, read.exact, read.figure.decimals), aspect: 'change' })
}

/** 持平: a change of exactly zero (基本持平: about zero), whatever the metric's unit. */
const unchanged: Reader = (read) => {
  if (read.aspect !== undefined && !isChangeAttribute(read.aspect))
    return fail(
      'attribute-invalid',
      `"${read.text}" says that ${read.metricId} did not change, but aspect=${read.aspect} asks for ${aspectNouns[read.aspect] ?? 'a value'}: leave aspect out, or write aspect=change`,
      'aspect'
    )
  // Nothing is rounded in 持平, so the zero is exact: no decimals, as XBRL's INF.
  return ok({ aspect: 'change', unit: read.metric.unit, value: fromNumber(0), decimals: undefined })
}

const aspectNouns: Partial<Record<AspectAttribute, string>> = {
  level: 'a level',
  start: 'a start value',
  target: 'a target'
}

/** 上升4位 of a rank: a number of places is a change of rank, never a rank itself. */
const placesOfRank: Reader = (read) => {
  if (!isChangeAttribute(read.aspect))
    return fail(
      'unit-incompatible',
      `"${read.text}" is a number of places in a ranking, but aspect=${read.aspect ?? 'level'} asks for ${aspectNouns[read.aspect ?? 'level'] ?? 'a value'} of the rank ${read.metricId}: a rank is written 第4; places moved are a change (aspect=increase, decrease, improve or worsen)`,
      'label'
    )
  return ok({ ...inMetricUnit(read, read.exact, read.figure.decimals), aspect: 'change' })
}

const relativeChange: Reader = (read) =>
  ok({ aspect: 'relative-change', unit: '%', value: read.exact, decimals: read.figure.decimals })

const incompatible: Reader = ({ text, figure, metricId, metric }) =>
  fail(
    'unit-incompatible',
    `"${text}" is ${figureWords[figure.kind]}, but ${metricId} is ${metricWords[metric.kind]} (${metric.unit})`,
    'label'
  )

/** A date without its year (11-12月, read as --11/--12) takes the year of the fact's period. */
const dateValue: Reader = (read) => {
  const year = read.period.slice(0, 4)
  return ok(
    inMetricUnit(read, (read.figure.period ?? String(read.figure.value)).replace(/(^|\/)--/g, `$1${year}-`), undefined)
  )
}

const bareNumber: Reader = (read) => ok(inMetricUnit(read, read.exact, read.figure.decimals))

const converted: Reader = (read) => {
  const { text, figure, metricId, metric } = read
  const value = convertValue(read.exact, figure.decimals, figure.unit, metric.unit)
  if (!value) {
    return fail(
      'unit-incompatible',
      `"${text}" is in ${figure.displayUnit || figure.unit} (${figure.unit}), which cannot be converted to the unit of ${metricId} (${metric.unit})`,
      'label'
    )
  }
  return ok(inMetricUnit(read, value.value, value.decimals))
}

/**
 * How a figure is read against its metric, in order: the first case that
 * applies decides; a figure no case takes is converted, exactly, to the
 * metric's unit.
 */
const cases: ReadonlyArray<{ when: (read: FigureAndMetric) => boolean; read: Reader }> = [
  // 持平 of anything but a date.
  { when: ({ figure, metric }) => figure.kind === 'unchanged' && metric.kind !== 'date', read: unchanged },
  // 上升4位 of a rank.
  {
    when: ({ figure, metric }) =>
      figure.kind === 'count' && metric.kind === 'rank' && RANK_PLACE_CLASSIFIERS.includes(figure.classifier ?? ''),
    read: placesOfRank
  },
  // 2.1个百分点 of a percentage.
  {
    when: ({ figure, metric }) => figure.kind === 'percentage-point' && metric.kind === 'percent',
    read: pointsOfPercentage
  },
  // 下降10% of anything but a difference in points is a change relative to where it started.
  {
    when: (read) =>
      read.figure.kind === 'percent' && aspectOf(read) === 'change' && read.metric.kind !== 'percentage-point',
    read: relativeChange
  },
  { when: ({ figure, metric }) => !accepts[metric.kind].includes(figure.kind), read: incompatible },
  { when: ({ figure }) => figure.kind === 'date', read: dateValue },
  // A bare number is in the metric's unit.
  { when: ({ figure }) => figure.kind === 'number', read: bareNumber }
]

/** The aspect, unit, exact value and precision a figure has as a fact of its metric. */
export function meaningOf(read: FigureAndMetric): Result<Meaning, ValueProblem> {
  const reader = cases.find((entry) => entry.when(read))?.read ?? converted
  return reader(read)
}
