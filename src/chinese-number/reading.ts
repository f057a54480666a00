import type { Result } from '../model/result.js'
import { withoutNegativeZero } from './precision.js'
import type { Figure, FigureProblem } from './types.js'

export function success<T>(value: T): Result<T, FigureProblem> {
  return { ok: true, value }
}

export function failure<T>(reason: string, code?: FigureProblem['code']): Result<T, FigureProblem> {
  return { ok: false, error: code === undefined ? { reason } : { reason, code } }
}

export interface DateParts {
  year?: number
  month?: number
  day?: number
}

/**
 * A figure while it is being read: the scale and the unit are kept apart so
 * that the lower end of a range can borrow them from the upper end (3-5万吨
 * is 3万吨 to 5万吨), and a date keeps its parts so that 2025年1-6月 can lend
 * its year to 6月.
 */
export interface Reading extends Figure {
  /** Scale as written after the number: 万, 亿, 万亿; '' when none. */
  scaleText: string
  /** Unit or classifier as written, without the scale. */
  unitText: string
  date?: DateParts
}

/** The public figure: only the fields that carry something, so results compare exactly. */
export function toFigure(reading: Reading): Figure {
  const figure: Figure = {
    kind: reading.kind,
    value: withoutNegativeZero(reading.value),
    decimals: withoutNegativeZero(reading.decimals),
    unit: reading.unit,
    displayUnit: reading.displayUnit
  }
  if (reading.upper !== undefined) figure.upper = withoutNegativeZero(reading.upper)
  if (reading.classifier !== undefined) figure.classifier = reading.classifier
  if (reading.bound !== undefined) figure.bound = reading.bound
  if (reading.period !== undefined) figure.period = reading.period
  return figure
}
