import { err, ok, type Result } from '../model/result.js'
import { fromDecimal, fromNumber, sameRatio, significantDigits, toDecimal, type Ratio } from './ratio.js'

/**
 * A double-precision number, which JSON readers and JavaScript use, holds
 * any decimal of 15 significant digits exactly (IEEE 754's DBL_DIG): written
 * back, it gives the same digits. Some longer decimals survive too, but a
 * limit that depends on the digits would be one no editor can predict.
 */
export const MAX_SIGNIFICANT_DIGITS = 15

/** A value as published: `exact` is false only for a value with no finite decimal, rounded to 15 significant digits. */
export interface StoredNumber {
  number: number
  exact: boolean
}

/** Why a value cannot be published exactly; `text` is its decimal, for messages. */
export type Unstorable = { problem: 'digits'; digits: number; text: string } | { problem: 'range'; text: string }

export type Stored = Result<StoredNumber, Unstorable>

/**
 * The number a value is published as. A finite decimal is kept exactly or
 * refused: more than 15 significant digits, or beyond what a double reaches
 * (1e308, or so close to zero that digits fall off). A value with no finite
 * decimal (4675亩 is 9350000/3 m²) cannot be exact in any number format; it
 * is rounded to 15 significant digits, and its `decimals` still says what
 * was written.
 */
export function storeValue(value: Ratio): Stored {
  const decimal = toDecimal(value, MAX_SIGNIFICANT_DIGITS)
  if (decimal.exact) {
    const digits = significantDigits(value)
    if (digits > MAX_SIGNIFICANT_DIGITS) return err({ problem: 'digits', digits, text: decimal.text })
  }
  const number = Number(decimal.text)
  const intended = decimal.exact ? value : fromDecimal(decimal.text)
  if (!Number.isFinite(number) || !intended || !sameRatio(fromNumber(number), intended))
    return err({ problem: 'range', text: decimal.text })
  return ok({ number: number === 0 ? 0 : number, exact: decimal.exact })
}
