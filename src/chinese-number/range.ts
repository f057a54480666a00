import type { Result } from '../model/result.js'
import { isoDate } from './dates.js'
import type { FigureProblem } from './types.js'
import { failure, success, type DateParts, type Reading } from './reading.js'
import { reasons } from './reasons.js'
import { readSingle } from './single.js'

/** Range separators, longest first: 2021——2024年 uses a doubled dash. */
export const RANGE_SEPARATORS: readonly string[] = ['——', '~', '～', '-', '—', '–', '－', '至', '到']

const SEPARATOR_CHARS = new Set(RANGE_SEPARATORS.flatMap((separator) => [...separator]))

/**
 * Split `text` at its range separator. A separator at the start, or right
 * after another separator, is the sign of a number (-5, 10~-5).
 */
export function splitRange(text: string): { lower: string; upper: string } | 'many' | undefined {
  const found: { index: number; separator: string }[] = []
  for (let index = 1; index < text.length; index += 1) {
    if (SEPARATOR_CHARS.has(text[index - 1] ?? '')) continue
    const separator = RANGE_SEPARATORS.find((candidate) => text.startsWith(candidate, index))
    if (!separator) continue
    found.push({ index, separator })
    index += separator.length - 1
  }
  const only = found[0]
  if (!only) return undefined
  if (found.length > 1) return 'many'
  return { lower: text.slice(0, only.index), upper: text.slice(only.index + only.separator.length) }
}

/**
 * Ⅰ~Ⅱ类, 3-5个, 10～20%, 2021—2024年, 3-5万吨. The lower end borrows what it
 * lacks from the upper end: its unit (3-5个), or its scale and unit (3-5万吨
 * is 3万吨 to 5万吨); a month range borrows the year of the lower end.
 */
export function readRange(label: string, lowerText: string, upperText: string): Result<Reading, FigureProblem> {
  if (upperText === '') return failure(reasons.openRange(label))
  const upper = readSingle(label, upperText)
  if (!upper.ok) return upper
  const candidates = new Set([
    lowerText + upper.value.scaleText + upper.value.unitText,
    lowerText + upper.value.unitText,
    lowerText
  ])
  for (const candidate of candidates) {
    const lower = readSingle(label, candidate)
    if (lower.ok && sameMeasure(lower.value, upper.value)) return joinEnds(label, lower.value, upper.value)
  }
  const alone = readSingle(label, lowerText)
  if (!alone.ok) return alone
  return failure(reasons.rangeMismatch(label, lowerText, describe(alone.value), upperText, describe(upper.value)))
}

function sameMeasure(a: Reading, b: Reading): boolean {
  return a.kind === b.kind && a.unit === b.unit && a.classifier === b.classifier
}

function describe(reading: Reading): string {
  return reading.unit === '1' ? `a ${reading.kind}` : `a ${reading.kind} in ${reading.unit}`
}

function joinEnds(label: string, lower: Reading, upper: Reading): Result<Reading, FigureProblem> {
  // A quarter is a period already (2025-04/2025-06); a range of quarters has no single upper month to join.
  if (isInterval(lower) || isInterval(upper)) return failure(reasons.rangeOfIntervals(label))
  if (lower.bound && upper.bound && lower.bound !== upper.bound) return failure(reasons.twoBounds(label))
  const joined: Reading = {
    ...upper,
    value: lower.value,
    upper: upper.value,
    decimals: Math.min(lower.decimals, upper.decimals)
  }
  const bound = lower.bound ?? upper.bound
  if (bound) joined.bound = bound
  if (lower.date && upper.date) return joinDates(label, joined, lower.date, upper.date)
  if (lower.value > upper.value) return failure(reasons.rangeBackwards(label))
  return success(joined)
}

function isInterval(reading: Reading): boolean {
  return reading.period?.includes('/') ?? false
}

const DATE_LEVELS: readonly (keyof DateParts)[] = ['year', 'month', 'day']

/** 2025年1-6月: 6月 is in 2025 too. Value and upper are the first part that differs. */
function joinDates(
  label: string,
  joined: Reading,
  lowerDate: DateParts,
  upperDate: DateParts
): Result<Reading, FigureProblem> {
  const lower = { ...lowerDate }
  const upper = { ...upperDate }
  if (lower.year !== undefined && upper.year === undefined && upper.month !== undefined) upper.year = lower.year
  let level = DATE_LEVELS.find((candidate) => lower[candidate] !== undefined) ?? 'year'
  for (const candidate of DATE_LEVELS) {
    const from = lower[candidate]
    const to = upper[candidate]
    if (from === undefined || to === undefined || from === to) continue
    if (from > to) return failure(reasons.rangeBackwards(label))
    level = candidate
    break
  }
  return success({
    ...joined,
    value: lower[level] ?? joined.value,
    upper: upper[level] ?? joined.upper,
    period: `${isoDate(lower)}/${isoDate(upper)}`,
    date: lower
  })
}
