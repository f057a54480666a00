import {
  absolute,
  compare,
  fromNumber,
  minus,
  negate,
  powerOfTen,
  storeValue,
  times,
  type Figure,
  type FigureResult,
  type Ratio
} from '../chinese-number/index.js'
import { ok, type Result } from '../model/result.js'
import type { Fact, Metric } from '../model/schema-types.js'
import { changeSign, type AspectAttribute, type Sign } from './aspects.js'
import { meaningOf, type Meaning } from './figure-meaning.js'
import { applyUnitAttribute, readValueAttribute, type ExactFigure, type PlainNumber } from './value-attributes.js'
import { fail, notKept, type ValueProblem } from './value-problem.js'

// Suggestions guess a metric only among those that accept the figure.
export { accepts } from './figure-meaning.js'

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

/**
 * Decide a fact's value, unit, precision and aspect from its label, its
 * attributes and its metric: the label is the source of truth, attributes
 * add what it lacks, and the result is in the metric's canonical unit.
 * Scales and units are applied in exact arithmetic; the value is then kept
 * exactly or refused, never rounded (only a factor with no finite decimal,
 * as from 亩 to m², rounds, to 15 significant digits). Each step refuses
 * before the next begins, so an annotation reports its first problem.
 */
export function resolveValue(request: ValueRequest): Result<ValueField, ValueProblem> {
  const given = readValueAttribute(request.value)
  if (!given.ok) return given
  const labelled = labelFigure(request.text, request.figure, given.value)
  if (!labelled.ok) return labelled
  const read = applyUnitAttribute(request.text, request.unit, labelled.value)
  if (!read.ok) return read
  const { text, metricId, metric, period } = request
  const meaning = meaningOf({ ...read.value, text, metricId, metric, aspect: request.aspect, period })
  if (!meaning.ok) return meaning
  const stored = storeMeaning(request, read.value.figure, meaning.value, given.value)
  if (!stored.ok) return stored
  return ok(fieldsOf(read.value.figure, meaning.value, stored.value))
}

/** The figure the label gives: one figure, not a range; a label that is no figure (首次) takes its value from value=. */
function labelFigure(
  text: string,
  read: FigureResult,
  given: PlainNumber | undefined
): Result<ExactFigure, ValueProblem> {
  if (read.ok) {
    const figure = read.value
    if (figure.upper !== undefined && figure.kind !== 'date')
      return fail(
        'label-unparseable',
        `"${text}" is a range, not one figure: annotate each end as a fact of its own`,
        'label'
      )
    return ok({ figure, exact: fromNumber(figure.value) })
  }
  if (read.error.code === 'too-precise')
    return fail('value-too-precise', `Cannot keep "${text}" exactly: ${read.error.reason}`, 'label')
  if (!given) return fail('label-unparseable', `Cannot read a figure from "${text}": ${read.error.reason}`, 'label')
  return ok({
    figure: { kind: 'number', value: 0, decimals: given.decimals, unit: '1', displayUnit: '' },
    exact: given.value
  })
}

/**
 * The value as published: a date as it is, a number with the sign of a decrease, kept exactly and
 * agreeing with value=.
 */
function storeMeaning(
  request: ValueRequest,
  figure: Figure,
  meaning: Meaning,
  given: PlainNumber | undefined
): Result<number | string, ValueProblem> {
  if (typeof meaning.value === 'string') return ok(meaning.value)
  const sign = signOf(request)
  if (!sign.ok) return sign
  const stored = storeValue(sign.value === -1 ? negate(meaning.value) : meaning.value)
  if (!stored.ok) {
    const converted = figure.unit === meaning.unit ? '' : `in ${meaning.unit}, the unit of ${request.metricId}, `
    return fail(
      'value-too-precise',
      `Cannot keep "${request.text}" exactly: ${converted}it ${notKept(stored.error, true)}`,
      request.figure.ok ? 'label' : 'value'
    )
  }
  return checkGiven(request, meaning, meaning.value, stored.value.number, given, sign.value)
}

/** The sign of the value: a decrease, a rank that rises and an improvement of what is better lower are negative. */
function signOf(request: ValueRequest): Result<Sign, ValueProblem> {
  const sign = changeSign(request.aspect, request.metric)
  if (sign !== undefined) return ok(sign)
  return fail(
    'attribute-invalid',
    `aspect=${request.aspect} needs to know which way ${request.metricId} is better, but its registry entry says better: neutral: write aspect=increase or aspect=decrease, or give the metric a better direction`,
    'aspect'
  )
}

/**
 * value= checks a label that carries a value, at the precision the label is written with; it only
 * supplies one to a label that does not.
 */
function checkGiven(
  request: ValueRequest,
  meaning: Meaning,
  exact: Ratio,
  stored: number,
  given: PlainNumber | undefined,
  sign: Sign
): Result<number, ValueProblem> {
  if (!given || !request.figure.ok || agrees(exact, meaning.decimals ?? 0, given.value)) return ok(stored)
  // The label as written, before a sign was put on it.
  const reads = sign * stored
  const unit = meaning.unit === '1' ? '' : ` ${meaning.unit}`
  return fail(
    'value-conflict',
    `value="${request.value}" disagrees with the label "${request.text}", which reads ${reads}${unit}`,
    'value'
  )
}

function fieldsOf(figure: Figure, meaning: Meaning, value: number | string): ValueField {
  const fields: ValueField = { aspect: meaning.aspect, value, unit: meaning.unit, displayUnit: figure.displayUnit }
  if (meaning.decimals !== undefined) fields.decimals = meaning.decimals
  if (figure.classifier !== undefined) fields.classifier = figure.classifier
  if (figure.bound !== undefined) fields.bound = figure.bound
  return fields
}

/**
 * Whether `other` is the same value at the precision `value` was written with: at most half a unit
 * of its last place away.
 */
function agrees(value: Ratio, decimals: number, other: Ratio): boolean {
  return compare(times(absolute(minus(value, other)), fromNumber(2)), powerOfTen(-decimals)) <= 0
}
