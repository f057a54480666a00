import type { Result } from '../model/result.js'
import { toDecimal, type Ratio } from './ratio.js'
import { failure, success } from './reading.js'
import { reasons } from './reasons.js'
import { MAX_SIGNIFICANT_DIGITS, storeValue } from './storable.js'
import type { FigureProblem } from './types.js'

/**
 * The value of a figure written as a ratio of numbers (五分之一, 2：1) and its precision. Nothing is
 * rounded in writing a ratio, so the precision is every place of the value kept: 20 (decimals 0),
 * 0.25 (2), 33.3333333333333 (13, where one third runs out of the 15 digits a value keeps).
 */
export function exactRatio(label: string, value: Ratio): Result<{ value: number; decimals: number }, FigureProblem> {
  const stored = storeValue(value)
  if (!stored.ok) {
    if (stored.error.problem === 'digits')
      return failure(reasons.tooPrecise(stored.error.text, stored.error.digits, MAX_SIGNIFICANT_DIGITS), 'too-precise')
    return value.numerator >= value.denominator
      ? failure(reasons.tooLarge(label))
      : failure(reasons.tooSmall(label), 'too-precise')
  }
  const decimal = toDecimal(value, MAX_SIGNIFICANT_DIGITS).text
  const point = decimal.indexOf('.')
  return success({ value: stored.value.number, decimals: point === -1 ? 0 : decimal.length - point - 1 })
}
