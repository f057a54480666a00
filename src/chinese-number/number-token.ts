import type { Result } from '../model/result.js'
import { readArabic, type ArabicNumber } from './arabic.js'
import {
  DIGITS,
  isDigitSequence,
  isNumeralChar,
  opensNumeral,
  parseChineseNumeralExactly,
  SEQUENCE_DIGITS,
  trailingScale
} from './numerals.js'
import { ratio, significantDigits } from './ratio.js'
import type { FigureProblem } from './types.js'
import { failure, success } from './reading.js'
import { reasons } from './reasons.js'
import { MAX_SIGNIFICANT_DIGITS } from './storable.js'

/** Digits; or a Chinese numeral with a fraction (九十九点五), read as the digits it writes (99.5). */
interface ArabicToken extends ArabicNumber {
  form: 'arabic'
}

interface ChineseToken {
  form: 'chinese'
  text: string
  end: number
  /** Scale included: 三千万 → 30000000. Exact: a numeral of more than 15 significant digits is refused. */
  value: number
  /** Trailing 万/亿/万亿 as written, '' when none: it alone fixes the precision. */
  scaleText: string
  scalePower: number
  /** Written digit by digit (二〇二五), as years are. */
  sequence: boolean
}

export type NumberToken = ArabicToken | ChineseToken

/**
 * The ways the text at `start` can be read as a number. Arabic digits give
 * one reading. A run of Chinese numeral characters gives every prefix that
 * is a numeral, longest first, because the run can swallow the start of a
 * unit: 三千克 is 三 千克 as well as 三千 克.
 *
 * Undefined when no number starts there.
 */
export function readNumberTokens(text: string, start: number): Result<NumberToken[], FigureProblem> | undefined {
  const arabic = readArabic(text, start)
  return arabic ? arabicTokens(arabic) : chineseTokens(text, start)
}

function arabicTokens(arabic: ArabicNumber | { invalid: string }): Result<NumberToken[], FigureProblem> {
  if ('invalid' in arabic) return failure(reasons.notANumber(arabic.invalid))
  const digits = decimalDigits(arabic.mantissa)
  if (digits > MAX_SIGNIFICANT_DIGITS)
    return failure(reasons.tooPrecise(arabic.text, digits, MAX_SIGNIFICANT_DIGITS), 'too-precise')
  return success([{ form: 'arabic', ...arabic }])
}

/**
 * Significant digits of a mantissa (ASCII digits and at most one point): from the first digit that
 * is not zero to the last, as significantDigits counts them of its exact value, without reading it.
 */
export function decimalDigits(mantissa: string): number {
  return mantissa.replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length
}

function chineseTokens(text: string, start: number): Result<NumberToken[], FigureProblem> | undefined {
  let end = start
  while (end < text.length && isNumeralChar(text[end] ?? '')) end += 1
  if (end === start || !opensNumeral(text[start] ?? '')) return undefined
  const decimal = chineseDecimal(text, start, end)
  if (decimal) return decimal
  const tokens: NumberToken[] = []
  for (let stop = end; stop > start; stop -= 1) {
    const written = text.slice(start, stop)
    const value = parseChineseNumeralExactly(written)
    if (value === undefined) continue
    const digits = significantDigits(ratio(value))
    // Shorter readings of a numeral too long to keep would only be parts of it.
    if (digits > MAX_SIGNIFICANT_DIGITS && tokens.length === 0)
      return failure(reasons.tooPrecise(written, digits, MAX_SIGNIFICANT_DIGITS), 'too-precise')
    tokens.push(chineseToken(written, stop, value))
  }
  if (tokens.length === 0) return failure(reasons.notAChineseNumeral(text.slice(start, end)))
  return success(tokens)
}

/** The point of a numeral with a fraction (九十九点五), and the digits its fraction is written in, one by one. */
const POINT = '点'
// The fraction is written digit by digit, as a year is (二〇二五).
const FRACTION_DIGITS = SEQUENCE_DIGITS

/**
 * A numeral with a fraction, 九十九点五 or 一百二十三点四五, read as the Arabic number it writes
 * (99.5, 123.45), so that the scale and the unit after it are read as they are after digits
 * (三点五亿元 is 3.5亿元) and its precision is the digits of its fraction. Only the whole numeral
 * before the point is its whole part: 三千点五克 is 3000.5 克, never 三 千点五克. Undefined when no
 * point and fraction follow the numeral; a failure when what stands before the point is no numeral.
 */
function chineseDecimal(text: string, start: number, end: number): Result<NumberToken[], FigureProblem> | undefined {
  if (text[end] !== POINT || !FRACTION_DIGITS.has(text[end + 1] ?? '')) return undefined
  let stop = end + 1
  while (FRACTION_DIGITS.has(text[stop] ?? '')) stop += 1
  const whole = parseChineseNumeralExactly(text.slice(start, end))
  if (whole === undefined) return failure(reasons.notAChineseNumeral(text.slice(start, stop)))
  const fraction = [...text.slice(end + 1, stop)].map((char) => DIGITS[char] ?? 0).join('')
  const mantissa = `${whole}.${fraction}`
  const written = text.slice(start, stop)
  const digits = decimalDigits(mantissa)
  if (digits > MAX_SIGNIFICANT_DIGITS)
    return failure(reasons.tooPrecise(written, digits, MAX_SIGNIFICANT_DIGITS), 'too-precise')
  return success([{ form: 'arabic', text: written, mantissa, fraction: fraction.length, plain: false, end: stop }])
}

function chineseToken(written: string, end: number, value: bigint): ChineseToken {
  const scale = trailingScale(written)
  return {
    form: 'chinese',
    text: written,
    end,
    value: Number(value),
    scaleText: scale?.text ?? '',
    scalePower: scale?.power ?? 0,
    sequence: isDigitSequence(written)
  }
}

/** A whole number as a year, month, day or rank needs: 8, 2025, 二十. */
export function tokenInteger(token: NumberToken): number | undefined {
  if (token.form === 'chinese') return token.value
  return token.plain ? Number(token.mantissa) : undefined
}
