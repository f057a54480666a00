import type { Result } from '../model/result.js'
import { readNumberTokens, tokenInteger, type NumberToken } from './number-token.js'
import type { FigureProblem } from './types.js'
import { failure, success, type DateParts, type Reading } from './reading.js'
import { reasons } from './reasons.js'
import { daysInMonth } from '../model/days.js'

// Without a year, 2月29日 may be a leap day: 2000 is a leap year.
const leapYear = 2000

/** Which part of a date a marker (年, 月, 日) ends. */
export type DateLevel = keyof DateParts

/** Date markers, longest first so that 年度 wins over 年. */
// prettier-ignore
export const DATE_MARKERS: readonly { text: string; level: DateLevel }[] = [
  { text: '年度', level: 'year' },
  { text: '年', level: 'year' },
  { text: '月', level: 'month' },
  { text: '日', level: 'day' },
  { text: '号', level: 'day' }
]

const LEVELS: readonly DateLevel[] = ['year', 'month', 'day']

/**
 * A quarter after its year: 2025年第二季度, 2025年二季度. Without a year,
 * 第二季度 stays a rank, because the label alone cannot place it in time.
 */
const QUARTER = { year: '年', ordinal: '第', marker: '季度', count: 4, months: 3 } as const

/** Years that read as calendar years; any other N年 is a duration (六年, 5年). */
const YEAR_RANGE = { min: 1900, max: 2100, digits: 4 } as const

interface DatePart {
  token: NumberToken
  marker: (typeof DATE_MARKERS)[number]
}

/**
 * 2025年, 2025年11月, 2025年11月5日, 2024年度, 11月, 二〇二五年. Undefined
 * when the label is not shaped like a date, so that 六年 and 30日 can be read
 * as durations; a failure when it is shaped like one but cannot be (13月).
 */
export function readDate(label: string, text: string): Result<Reading, FigureProblem> | undefined {
  const quarter = readQuarter(label, text)
  if (quarter) return quarter
  const parts = splitParts(text)
  if (!parts) return undefined
  if (!inOrder(parts)) return failure(reasons.dateOrder(label))
  const first = parts[0]
  const last = parts[parts.length - 1]
  if (!first || !last || isLoneDay(parts)) return undefined
  const date = datePartsOf(parts)
  if (!date) return undefined
  if (date.year !== undefined && !isCalendarYear(first.token)) {
    return parts.length === 1 && first.marker.text === '年' ? undefined : failure(reasons.yearNotDate(label))
  }
  const problem = outOfCalendar(label, date)
  if (problem !== undefined) return failure(problem)
  return success(dateReading(date, last.marker.text))
}

/** Year, month, day in that order with none skipped: 2025年5日 is not a date; 年度 only ends one. */
function inOrder(parts: DatePart[]): boolean {
  const levels = parts.map((part) => LEVELS.indexOf(part.marker.level))
  const contiguous = levels.every((level, index) => index === 0 || level === (levels[index - 1] ?? 0) + 1)
  const fiscal = parts.slice(0, -1).some((part) => part.marker.text === '年度')
  return contiguous && !fiscal
}

/** 30日 alone is a number of days, not a date. */
function isLoneDay(parts: DatePart[]): boolean {
  return parts.length === 1 && parts[0]?.marker.level === 'day'
}

/** Undefined when a part is not a whole number (2.5月), which makes the label no date at all. */
function datePartsOf(parts: DatePart[]): DateParts | undefined {
  const date: DateParts = {}
  for (const part of parts) {
    const value = tokenInteger(part.token)
    if (value === undefined) return undefined
    date[part.marker.level] = value
  }
  return date
}

/** Why a month or day cannot be on the calendar (13月, 2月30日); undefined when it can. */
function outOfCalendar(label: string, date: DateParts): string | undefined {
  if (date.month !== undefined && (date.month < 1 || date.month > 12)) {
    return reasons.badMonth(label, date.month)
  }
  if (date.day !== undefined && (date.day < 1 || date.day > daysInMonth(date.year ?? leapYear, date.month ?? 1))) {
    return reasons.badDay(label, date.day)
  }
  return undefined
}

function dateReading(date: DateParts, markerText: string): Reading {
  return {
    kind: 'date',
    value: leadingPart(date),
    decimals: 0,
    unit: '1',
    displayUnit: markerText,
    scaleText: '',
    unitText: markerText,
    period: isoDate(date),
    date
  }
}

/** 2025年第二季度 → the year 2025, period 2025-04/2025-06; undefined when not shaped like a quarter. */
function readQuarter(label: string, text: string): Result<Reading, FigureProblem> | undefined {
  if (!text.endsWith(QUARTER.marker)) return undefined
  const years = readNumberTokens(text, 0)
  const year = years?.ok ? years.value.find((token) => text.startsWith(QUARTER.year, token.end)) : undefined
  if (!year) return undefined
  let position = year.end + QUARTER.year.length
  if (text.startsWith(QUARTER.ordinal, position)) position += QUARTER.ordinal.length
  const quarters = readNumberTokens(text, position)
  const end = text.length - QUARTER.marker.length
  const quarter = quarters?.ok ? quarters.value.find((token) => token.end === end) : undefined
  if (!quarter) return undefined
  const yearValue = tokenInteger(year)
  const quarterValue = tokenInteger(quarter)
  if (yearValue === undefined || quarterValue === undefined) return undefined
  if (!isCalendarYear(year)) return failure(reasons.yearNotDate(label))
  if (quarterValue < 1 || quarterValue > QUARTER.count) return failure(reasons.badQuarter(label, quarterValue))
  const lastMonth = quarterValue * QUARTER.months
  const firstMonth = lastMonth - QUARTER.months + 1
  return success({
    kind: 'date',
    value: yearValue,
    decimals: 0,
    unit: '1',
    displayUnit: QUARTER.marker,
    scaleText: '',
    unitText: QUARTER.marker,
    period: `${isoDate({ year: yearValue, month: firstMonth })}/${isoDate({ year: yearValue, month: lastMonth })}`
  })
}

function splitParts(text: string): DatePart[] | undefined {
  const parts: DatePart[] = []
  let position = 0
  while (position < text.length) {
    const tokens = readNumberTokens(text, position)
    if (!tokens?.ok) return undefined
    const part = tokens.value
      .map((token) => ({ token, marker: DATE_MARKERS.find((marker) => text.startsWith(marker.text, token.end)) }))
      .find((candidate): candidate is DatePart => candidate.marker !== undefined)
    if (!part) return undefined
    parts.push(part)
    position = part.token.end + part.marker.text.length
  }
  return parts.length > 0 ? parts : undefined
}

function isCalendarYear(token: NumberToken | undefined): boolean {
  if (!token) return false
  const fourDigits =
    token.form === 'arabic'
      ? token.plain && token.mantissa.length === YEAR_RANGE.digits
      : token.sequence && [...token.text].length === YEAR_RANGE.digits
  const value = tokenInteger(token)
  return fourDigits && value !== undefined && value >= YEAR_RANGE.min && value <= YEAR_RANGE.max
}

/** The most significant part written: the year, else the month, else the day. */
function leadingPart(date: DateParts): number {
  return date.year ?? date.month ?? date.day ?? 0
}

/** ISO 8601: 2025, 2025-11, 2025-11-05; --11 and --11-05 when the year is not written. */
export function isoDate(date: DateParts): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  const year = date.year === undefined ? '-' : String(date.year).padStart(YEAR_RANGE.digits, '0')
  const parts = [year]
  if (date.month !== undefined) parts.push(pad(date.month))
  if (date.day !== undefined) parts.push(pad(date.day))
  return parts.join('-')
}
