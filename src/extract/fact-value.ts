import {
  absolute,
  compare,
  convertValue,
  decimalShift,
  fromDecimal,
  fromFactor,
  fromNumber,
  MAX_SIGNIFICANT_DIGITS,
  minus,
  negate,
  powerOfTen,
  readUnit,
  storeValue,
  times,
  type Figure,
  type FigureKind,
  type FigureResult,
  type Ratio,
  type Stored,
  type UnitReading
} from '../chinese-number/index.js'
import type { RuleId } from '../diagnostics/rules.js'
import type { Fact, Metric, MetricKind } from '../model/schema-types.js'

/** Values of the `aspect` attribute: increase and decrease are changes with a sign. */
export const aspectAttributes = ['level', 'start', 'target', 'change', 'increase', 'decrease'] as const
export type AspectAttribute = (typeof aspectAttributes)[number]

export interface ValueRequest {
  /** The label as printed, and what the normalizer read from it. */
  text: string
  figure: FigureResult
  unit?: string
  value?: string
  aspect?: AspectAttribute
  metricId: string
  metric: Metric
  /** The fact's period: a date printed without its year (11-12月) takes the year from it. */
  period: string
}

export type ValueField = Pick<Fact, 'aspect' | 'value' | 'unit' | 'decimals' | 'displayUnit' | 'classifier' | 'bound'>

export interface ValueProblem {
  ruleId: RuleId
  message: string
  /** Which part of the annotation is at fault. */
  at: 'label' | 'unit' | 'value' | 'aspect'
}

export type ValueOutcome = { ok: true; fields: ValueField } | { ok: false; problem: ValueProblem }

/** The forms of figure each kind of metric accepts; a bare number is taken to be in the metric's unit. */
export const accepts: Record<MetricKind, readonly FigureKind[]> = {
  quantity: ['quantity', 'number'],
  percent: ['percent', 'percentage-point', 'number'],
  'percentage-point': ['percentage-point', 'number'],
  count: ['count', 'number'],
  rank: ['rank', 'number'],
  class: ['class', 'number'],
  money: ['money', 'number'],
  index: ['number'],
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
  date: 'a date'
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

const fail = (ruleId: RuleId, message: string, at: ValueProblem['at']): ValueOutcome => ({ ok: false, problem: { ruleId, message, at } })

/**
 * Decide a fact's value, unit, precision and aspect from its label, its
 * attributes and its metric: the label is the source of truth, attributes
 * add what it lacks, and the result is in the metric's canonical unit.
 * Scales and units are applied in exact arithmetic; the value is then kept
 * exactly or refused, never rounded (only a factor with no finite decimal,
 * as from 亩 to m², rounds, to 15 significant digits).
 */
export function resolveValue(request: ValueRequest): ValueOutcome {
  const { text, metric, metricId } = request
  let given: { value: Ratio; decimals: number } | undefined
  if (request.value !== undefined) {
    if (request.value.trim() === '') return fail('attribute-invalid', 'value= is empty: give the value as a plain number (value=12), or remove the attribute', 'value')
    given = readPlainNumber(request.value)
    if (!given) return fail('attribute-invalid', `value="${request.value}" is not a plain number (write it like 12 or 0.5)`, 'value')
    const stored = storeValue(given.value)
    if (!stored.ok) return fail('value-too-precise', `Cannot keep value="${request.value}" exactly: it ${notKept(stored, false)}`, 'value')
  }

  let figure: Figure
  if (request.figure.ok) {
    figure = request.figure.figure
  } else if (request.figure.code === 'too-precise') {
    return fail('value-too-precise', `Cannot keep "${text}" exactly: ${request.figure.reason}`, 'label')
  } else if (given) {
    figure = { kind: 'number', value: 0, decimals: given.decimals, unit: '1', displayUnit: '' }
  } else {
    return fail('label-unparseable', `Cannot read a figure from "${text}": ${request.figure.reason}`, 'label')
  }
  if (figure.upper !== undefined && figure.kind !== 'date') {
    return fail('label-unparseable', `"${text}" is a range, not one figure: annotate each end as a fact of its own`, 'label')
  }
  let exact = request.figure.ok ? fromNumber(figure.value) : (given?.value ?? fromNumber(0))

  if (request.unit !== undefined) {
    const reading = readUnit(request.unit)
    if (!reading) return fail('unit-unknown', `Unknown unit "${request.unit}"`, 'unit')
    if (figure.displayUnit === '') {
      figure = withUnit(figure, reading)
      exact = times(exact, fromFactor(reading.factor))
    } else if (figure.unit !== reading.unit) {
      return fail('unit-conflict', `The label "${text}" already gives the unit ${figure.displayUnit}, which unit="${request.unit}" contradicts`, 'unit')
    } else if (reading.kind === 'percentage-point') {
      // A report may print 下降2% where it means points; unit=个百分点 says so.
      figure = { ...figure, kind: 'percentage-point' }
    }
  }

  const changing = request.aspect === 'change' || request.aspect === 'increase' || request.aspect === 'decrease'
  let aspect: Fact['aspect'] = changing ? 'change' : (request.aspect as Fact['aspect'] | undefined) ?? 'level'
  let unit = metric.unit
  let value: Ratio | string
  let decimals: number | undefined = figure.decimals

  if (figure.kind === 'percentage-point' && metric.kind === 'percent') {
    if (request.aspect !== undefined && !changing) {
      return fail('unit-incompatible', `"${text}" is a change in percentage points, but aspect=${request.aspect} asks for ${request.aspect === 'level' ? 'a level' : `a ${request.aspect} value`} of the percentage ${metricId}`, 'aspect')
    }
    aspect = 'change'
    value = exact
  } else if (figure.kind === 'percent' && changing && metric.kind !== 'percentage-point') {
    aspect = 'relative-change'
    unit = '%'
    value = exact
  } else if (!accepts[metric.kind].includes(figure.kind)) {
    return fail('unit-incompatible', `"${text}" is ${figureWords[figure.kind]}, but ${metricId} is ${metricWords[metric.kind]} (${metric.unit})`, 'label')
  } else if (figure.kind === 'date') {
    const year = request.period.slice(0, 4)
    value = (figure.period ?? String(figure.value)).replace(/(^|\/)--/g, `$1${year}-`)
    decimals = undefined
  } else if (figure.kind === 'number') {
    value = exact
  } else {
    const converted = convertValue(exact, figure.decimals, figure.unit, metric.unit)
    if (!converted) {
      return fail('unit-incompatible', `"${text}" is in ${figure.displayUnit || figure.unit} (${figure.unit}), which cannot be converted to the unit of ${metricId} (${metric.unit})`, 'label')
    }
    value = converted.value
    decimals = converted.decimals
  }

  let stored: number | string
  if (typeof value === 'string') {
    stored = value
  } else {
    const outcome = storeValue(request.aspect === 'decrease' ? negate(value) : value)
    if (!outcome.ok) {
      const converted = figure.unit === unit ? '' : `in ${unit}, the unit of ${metricId}, `
      return fail('value-too-precise', `Cannot keep "${text}" exactly: ${converted}it ${notKept(outcome, true)}`, request.figure.ok ? 'label' : 'value')
    }
    stored = outcome.value
    if (given && request.figure.ok && !agrees(value, decimals ?? 0, given.value)) {
      const reads = request.aspect === 'decrease' ? -stored : stored
      return fail('value-conflict', `value="${request.value}" disagrees with the label "${text}", which reads ${reads}${unit === '1' ? '' : ` ${unit}`}`, 'value')
    }
  }

  const fields: ValueField = { aspect, value: stored, unit, displayUnit: figure.displayUnit }
  if (decimals !== undefined) fields.decimals = decimals
  if (figure.classifier !== undefined) fields.classifier = figure.classifier
  if (figure.bound !== undefined) fields.bound = figure.bound
  return { ok: true, fields }
}

/** Why a value cannot be kept exactly, naming the limit; `shown` when the value differs from what the editor wrote. */
function notKept(stored: Exclude<Stored, { ok: true }>, shown: boolean): string {
  const value = shown ? `is ${stored.text}, which ` : ''
  if (stored.problem === 'digits') {
    return `${value}has ${stored.digits} significant digits, more than the ${MAX_SIGNIFICANT_DIGITS} a value keeps exactly (a double-precision number holds no more)`
  }
  const size = /^-?0\./.test(stored.text) ? 'too close to zero' : 'too large'
  return `${shown ? `is ${stored.text}, ` : 'is '}${size}: a double-precision number reaches from about 1e-307 to 1e308`
}

/** A number given in an attribute, exactly, with the precision it was written with. */
export function readPlainNumber(text: string): { value: Ratio; decimals: number } | undefined {
  const match = /^[+-]?\d+(?:\.(\d+))?$/.exec(text.trim())
  const value = match ? fromDecimal(text.trim()) : undefined
  if (!match || !value) return undefined
  return { value, decimals: match[1]?.length ?? 0 }
}

/** A bare number written next to a unit given by `unit=`: scale it as the label would have been. */
function withUnit(figure: Figure, reading: UnitReading): Figure {
  const kind: FigureKind = reading.kind
  const next: Figure = {
    ...figure,
    kind,
    decimals: figure.decimals - decimalShift(reading.factor),
    unit: reading.unit,
    displayUnit: reading.display
  }
  if (reading.classifier !== undefined) next.classifier = reading.classifier
  return next
}

/** Whether `other` is the same value at the precision `value` was written with: at most half a unit of its last place away. */
function agrees(value: Ratio, decimals: number, other: Ratio): boolean {
  return compare(times(absolute(minus(value, other)), fromNumber(2)), powerOfTen(-decimals)) <= 0
}
