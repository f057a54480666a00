import type { Result } from '../model/result.js'
import { DIGITS } from './numerals.js'
import { success, type Reading } from './reading.js'
import type { FigureProblem } from './types.js'

/** The 成 of 三成 (30%), a unit of the table, and the words that may write the tenth before it. */
const TENTH = '成'
const TENTHS_DIGITS = new Set(['一', '二', '两', '三', '四', '五', '六', '七', '八', '九'])
const HUNDREDTHS_DIGITS = new Set(['一', '二', '三', '四', '五', '六', '七', '八', '九'])

/**
 * 九成五: tenths with a hundredth after them, 95%, as 九成五 is said for 95%. 三成 alone is read
 * with the units (30%, known to the tenth); a digit after 成 writes the next place, so the figure
 * is known to the percent. Undefined for any other text.
 */
export function readTenths(text: string): Result<Reading, FigureProblem> | undefined {
  const [tenths, tenth, hundredths, ...rest] = [...text]
  if (
    rest.length > 0 ||
    tenth !== TENTH ||
    !TENTHS_DIGITS.has(tenths ?? '') ||
    !HUNDREDTHS_DIGITS.has(hundredths ?? '')
  )
    return undefined
  const value = (DIGITS[tenths ?? ''] ?? 0) * 10 + (DIGITS[hundredths ?? ''] ?? 0)
  return success({ kind: 'percent', value, decimals: 0, unit: '%', displayUnit: TENTH, scaleText: '', unitText: TENTH })
}
