import type { Result } from '../model/result.js'
import type { NumberToken } from './number-token.js'
import { fromDecimal, fromFactor, negate, powerOfTen, ratio, times, type Ratio } from './ratio.js'
import type { FigureProblem } from './types.js'
import { failure, success } from './reading.js'
import { reasons } from './reasons.js'
import { MAX_SIGNIFICANT_DIGITS, storeValue } from './storable.js'

/** The number a token stands for, exactly: the digits as written, or the numeral's integer. */
function tokenRatio(token: NumberToken): Ratio {
  return token.form === 'arabic' ? (fromDecimal(token.mantissa) ?? ratio(0n)) : ratio(BigInt(token.value))
}

/**
 * A token's value × 10^power × the unit's factor, with its sign, computed
 * exactly and stored as a number: 1.21亿 is exactly 121000000, and a value
 * a double cannot hold is refused with the reason.
 */
export function scaledValue(
  label: string,
  token: NumberToken,
  power: number,
  factor: number,
  sign: number
): Result<number, FigureProblem> {
  const magnitude = times(times(tokenRatio(token), powerOfTen(power)), fromFactor(factor))
  const stored = storeValue(sign < 0 ? negate(magnitude) : magnitude)
  if (stored.ok) return success(stored.value.number)
  if (stored.error.problem === 'digits')
    return failure(reasons.tooPrecise(stored.error.text, stored.error.digits, MAX_SIGNIFICANT_DIGITS), 'too-precise')
  const large = magnitude.numerator >= magnitude.denominator
  return large ? failure(reasons.tooLarge(label)) : failure(reasons.tooSmall(label), 'too-precise')
}
