import type { Result } from '../model/result.js'
import { readArabic } from './arabic.js'
import { exactRatio } from './exact-ratio.js'
import { fromDecimal, ratio, times } from './ratio.js'
import { failure, success, type Reading } from './reading.js'
import { reasons } from './reasons.js'
import type { FigureProblem } from './types.js'

/** The colon of a proportion, ASCII or full width: 2:1, ２：１. */
export const PROPORTION_COLONS: readonly string[] = [':', '：']

/**
 * A proportion a：b, as 男女比例为2：1 or a map scale of 1：2000 write it, read as the number a/b:
 * 2：1 is 2, 1：4 is 0.25. Undefined when the text is not two Arabic numbers around one colon.
 */
export function readProportion(label: string, text: string): Result<Reading, FigureProblem> | undefined {
  const first = readArabic(text, 0)
  if (!first || 'invalid' in first || !PROPORTION_COLONS.includes(text[first.end] ?? '')) return undefined
  const second = readArabic(text, first.end + 1)
  if (!second || 'invalid' in second || second.end !== text.length) return undefined
  const a = fromDecimal(first.mantissa)
  const b = fromDecimal(second.mantissa)
  if (!a || !b) return undefined
  if (b.numerator === 0n) return failure(reasons.zeroDenominator(label))
  const exact = exactRatio(label, times(a, ratio(b.denominator, b.numerator)))
  if (!exact.ok) return exact
  const written = text.slice(first.end)
  return success({ kind: 'number', ...exact.value, unit: '1', displayUnit: written, scaleText: '', unitText: written })
}
