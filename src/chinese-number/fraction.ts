import type { Result } from '../model/result.js'
import { exactRatio } from './exact-ratio.js'
import { readNumberTokens, tokenInteger } from './number-token.js'
import { ratio } from './ratio.js'
import { failure, success, type Reading } from './reading.js'
import { reasons } from './reasons.js'
import { scaleNamed } from './scales.js'
import type { FigureProblem } from './types.js'

/** N分之M, "M parts of N": 五分之一, 三分之二, 千分之五. 百分之十五 is read as a percent by single.ts. */
const PARTS_OF = '分之'

const PERCENT = 100n

/**
 * A fraction as a percentage: 五分之一 is 20%, 三分之二 is 66.6666666666667%, 千分之五 is 0.5%.
 * Undefined when the text has no 分之.
 */
export function readFraction(label: string, text: string): Result<Reading, FigureProblem> | undefined {
  const at = text.indexOf(PARTS_OF)
  if (at === -1) return undefined
  const whole = text.slice(0, at)
  const denominator = wholeNumber(whole)
  const numerator = wholeNumber(text.slice(at + PARTS_OF.length))
  if (denominator === undefined || numerator === undefined) return failure(reasons.notAFraction(label))
  if (denominator === 0n) return failure(reasons.zeroDenominator(label))
  const exact = exactRatio(label, ratio(PERCENT * numerator, denominator))
  if (!exact.ok) return exact
  const displayUnit = whole + PARTS_OF
  return success({ kind: 'percent', ...exact.value, unit: '%', displayUnit, scaleText: '', unitText: displayUnit })
}

/** A whole number written alone (五, 1000), or a scale word standing for its power of ten: 千分之五. */
function wholeNumber(text: string): bigint | undefined {
  const scale = scaleNamed(text)
  if (scale) return 10n ** BigInt(scale.power)
  const tokens = readNumberTokens(text, 0)
  if (!tokens?.ok) return undefined
  const token = tokens.value.find((candidate) => candidate.end === text.length)
  const value = token && tokenInteger(token)
  return value === undefined ? undefined : BigInt(value)
}
