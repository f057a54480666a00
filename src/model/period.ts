import { dateOfDay, dayNumber, daysInMonth, isoDay } from './days.js'

/**
 * ISO 8601 calendar periods as factmark writes them: a year, a month, a day,
 * or an interval of two of those (`2021/2024`).
 */
interface CalendarDate {
  year: number
  month?: number
  day?: number
}

export interface Period {
  start: CalendarDate
  /** The last year, month or day the period covers (inclusive). */
  end: CalendarDate
}

const datePattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/

function readDate(text: string): CalendarDate | string {
  const match = datePattern.exec(text)
  if (!match) return `"${text}" is not a year (2025), month (2025-11) or day (2025-11-05)`
  const year = Number(match[1])
  if (match[2] === undefined) return { year }
  const month = Number(match[2])
  if (month < 1 || month > 12) return `"${text}" has no month ${match[2]}`
  if (match[3] === undefined) return { year, month }
  const day = Number(match[3])
  if (day < 1 || day > daysInMonth(year, month)) return `"${text}" has no day ${match[3]}`
  return { year, month, day }
}

/** The first instant of a date as a comparable number of days. */
function startDay(date: CalendarDate): number {
  return dayNumber(date.year, date.month ?? 1, date.day ?? 1)
}

/** The last day a date covers. */
function endDay(date: CalendarDate): number {
  if (date.day !== undefined) return startDay(date)
  if (date.month !== undefined)
    return startDay({ year: date.year, month: date.month, day: daysInMonth(date.year, date.month) })
  return startDay({ year: date.year, month: 12, day: 31 })
}

/** Parse a period, or say why it is not one. */
export function parsePeriod(text: string): Period | string {
  const parts = text.split('/')
  if (parts.length > 2) return `"${text}" has more than one "/"`
  const start = readDate(parts[0] ?? '')
  if (typeof start === 'string') return start
  if (parts.length === 1) return { start, end: start }
  const end = readDate(parts[1] ?? '')
  if (typeof end === 'string') return end
  if (endDay(end) < startDay(start)) return `"${text}" ends before it starts`
  return { start, end }
}

/**
 * Whether period `a` comes before `b` as a change's base must: it starts before `b` starts and ends
 * before `b` ends (2023 before 2024; not 2024-06 before 2024, nor 2021/2025, which holds 2025).
 */
export function comesBefore(a: Period, b: Period): boolean {
  return startDay(a.start) < startDay(b.start) && endDay(a.end) < endDay(b.end)
}

function formatDate(date: CalendarDate): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return [String(date.year).padStart(4, '0'), date.month && pad(date.month), date.day && pad(date.day)]
    .filter(Boolean)
    .join('-')
}

/** The period of the same length just before a one-part period (2025 → 2024, 2025-01 → 2024-12). */
export function previousPeriod(text: string): string | undefined {
  const period = parsePeriod(text)
  if (typeof period === 'string' || text.includes('/')) return undefined
  const { year, month, day } = period.start
  if (day !== undefined && month !== undefined) {
    return formatDate(dateOfDay(dayNumber(year, month, day) - 1))
  }
  if (month !== undefined) return formatDate(month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 })
  return formatDate({ year: year - 1 })
}

/**
 * The period a change said 同比 (比上年, 与2024年相比) is measured from: the same part of the year
 * before, or of `year` when the words name one (2025 → 2024, 2025-11 → 2024-11, 2025-01/2025-11 →
 * 2024-01/2024-11). A span of several years has no such part: it is measured from the year named,
 * or from nothing said. Undefined where the same day is not in that year (29 February).
 */
export function sameTimeOf(text: string, year?: number): string | undefined {
  const period = parsePeriod(text)
  if (typeof period === 'string') return undefined
  const { start, end } = period
  if (start.year !== end.year) return year === undefined ? undefined : formatDate({ year })
  const target = year ?? start.year - 1
  const moved = [start, end].map((date) => ({ ...date, year: target }))
  if (moved.some((date) => date.day !== undefined && date.day > daysInMonth(target, date.month ?? 1))) return undefined
  const [from, to] = moved.map(formatDate)
  return from === to ? from : `${from}/${to}`
}

/** The first and the day after the last day of a period, as YYYY-MM-DD: the end-exclusive form of xBRL. */
export function periodDays(text: string): { start: string; endExclusive: string } | undefined {
  const period = parsePeriod(text)
  if (typeof period === 'string') return undefined
  return { start: isoDay(startDay(period.start)), endExclusive: isoDay(endDay(period.end) + 1) }
}
