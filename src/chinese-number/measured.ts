import type { Result } from '../model/result.js'
import { INFIX_BOUNDS, infixBoundAt } from './bounds.js'
import { CLASS_CLASSIFIERS } from './classifiers.js'
import { isNumeralChar } from './numerals.js'
import type { NumberToken } from './number-token.js'
import { decimalShift } from './precision.js'
import { failure, success, type Reading } from './reading.js'
import { reasons } from './reasons.js'
import { scaleNamed, scalesAtStart, type Scale } from './scales.js'
import { scaledValue } from './token-value.js'
import type { Bound, FigureKind, FigureProblem } from './types.js'
import { lookupPlainUnit, lookupUnit, type UnitEntry } from './units.js'

/** Kinds whose figures may be negative or carry a sign: changes, balances, temperatures. */
const SIGNED_KINDS: ReadonlySet<FigureKind> = new Set(['number', 'percent', 'percentage-point', 'quantity', 'money'])

/** What follows the number: a unit from the table, a grade classifier, or nothing. */
interface Tail {
  scale?: Scale
  entry?: UnitEntry
  classClassifier?: string
  bound?: Bound
}

/**
 * A number and what is written after it: 1159万吨, 205个, 三轮, 99.2%, 1.2万,
 * 三星级. Every reading of the number is tried; the one that leaves the
 * longest unit wins (三千克 is 3 千克), then the longest numeral (三千万吨
 * is 三千万 吨).
 */
export function readMeasured(
  label: string,
  text: string,
  tokens: NumberToken[],
  sign: number
): Result<Reading, FigureProblem> {
  const outcomes = tokens.map((token) => readAfter(label, token, text.slice(token.end), sign))
  const best = outcomes
    .flatMap((outcome) => (outcome.ok ? [outcome.value] : []))
    .sort((a, b) => b.unitText.length - a.unitText.length)[0]
  if (best) return success(best)
  const first = tokens[0]
  if (first?.form === 'chinese' && isNumeralChar(text[first.end] ?? '')) {
    let end = first.end
    while (isNumeralChar(text[end] ?? '')) end += 1
    return failure(reasons.notAChineseNumeral(text.slice(first.end - first.text.length, end)))
  }
  return outcomes[0] ?? failure(reasons.noNumber(label))
}

function readAfter(label: string, token: NumberToken, written: string, sign: number): Result<Reading, FigureProblem> {
  const tail = token.form === 'arabic' ? readArabicTail(written) : readChineseTail(written)
  if (!tail) return failure(reasons.unknownUnit(label, written))
  const reading = buildReading(label, token, tail, sign)
  if (!reading.ok) return reading
  const { kind, value } = reading.value
  if (sign !== 0 && !SIGNED_KINDS.has(kind)) return failure(reasons.signNotAllowed(label, kind))
  if (kind === 'class' && (!Number.isInteger(value) || value < 1)) {
    return failure(reasons.classNotWhole(label))
  }
  return reading
}

/** After Arabic digits: [余] [scale] [余] [unit]. */
function readArabicTail(written: string): Tail | undefined {
  const infix = infixBoundAt(written, 0)
  const bound = infix?.bound
  const rest = infix ? written.slice(infix.text.length) : written
  const withBound = (tail: Tail): Tail => (bound ? { ...tail, bound } : tail)
  if (rest === '') return withBound({})
  const scale = scaleNamed(rest)
  if (scale) return withBound({ scale })
  const match = lookupUnit(rest)
  if (match) return withBound(match)
  if (CLASS_CLASSIFIERS.includes(rest)) return withBound({ classClassifier: rest })
  if (bound) return undefined
  const after = boundAfterUnit(rest)
  if (after) return after
  for (const scale of scalesAtStart(rest)) {
    const late = infixBoundAt(rest, scale.text.length)
    if (!late) continue
    const unitText = rest.slice(scale.text.length + late.text.length)
    if (unitText === '') return { scale, bound: late.bound }
    const entry = lookupPlainUnit(unitText)
    if (entry?.scalable) return { scale, entry, bound: late.bound }
  }
  return undefined
}

/** After a Chinese numeral, which already holds its scale: [余] [unit]. */
function readChineseTail(written: string): Tail | undefined {
  const infix = infixBoundAt(written, 0)
  const rest = infix ? written.slice(infix.text.length) : written
  const tail: Tail = infix ? { bound: infix.bound } : {}
  if (rest === '') return tail
  const entry = lookupPlainUnit(rest)
  if (entry) return { ...tail, entry }
  if (CLASS_CLASSIFIERS.includes(rest)) return { ...tail, classClassifier: rest }
  return infix ? undefined : boundAfterUnit(rest)
}

/** 两成多, 一倍多: a ratio word takes 多 or 余 after it. */
function boundAfterUnit(rest: string): Tail | undefined {
  const word = INFIX_BOUNDS.find((candidate) => rest.endsWith(candidate.text))
  const entry = word && lookupPlainUnit(rest.slice(0, rest.length - word.text.length))
  return word && entry?.boundAfter ? { entry, bound: word.bound } : undefined
}

/** Where the scale is written and the decimals it leaves, before any unit factor. */
interface WrittenScale {
  text: string
  /** Power of ten the value still needs: only Arabic digits take it from the tail. */
  power: number
  decimals: number
}

function buildReading(label: string, token: NumberToken, tail: Tail, sign: number): Result<Reading, FigureProblem> {
  const factor = tail.entry?.factor ?? 1
  const shift = factor === 1 ? 0 : decimalShift(factor)
  const scale = writtenScale(token, tail)
  const value = scaledValue(label, token, scale.power, factor, sign)
  if (!value.ok) return value
  const unitText = tail.entry?.text ?? tail.classClassifier ?? ''
  const reading: Reading = {
    kind: kindOf(tail),
    value: value.value,
    decimals: scale.decimals - shift,
    unit: tail.entry?.unit ?? '1',
    displayUnit: unitText === '' ? '' : scale.text + unitText,
    scaleText: scale.text,
    unitText
  }
  addMarks(reading, tail)
  return success(reading)
}

/** A Chinese numeral holds its scale already; Arabic digits take it from the tail. */
function writtenScale(token: NumberToken, tail: Tail): WrittenScale {
  if (token.form === 'chinese') return { text: token.scaleText, power: 0, decimals: 0 - token.scalePower }
  const power = tail.scale?.power ?? 0
  return { text: tail.scale?.text ?? '', power, decimals: token.fraction - power }
}

function kindOf(tail: Tail): FigureKind {
  return tail.classClassifier ? 'class' : (tail.entry?.kind ?? 'number')
}

/** Classifier and bound are set only when written, so that readings compare exactly. */
function addMarks(reading: Reading, tail: Tail): void {
  const classifier = tail.entry?.classifier ?? tail.classClassifier
  if (classifier !== undefined) reading.classifier = classifier
  if (tail.bound) reading.bound = tail.bound
}
