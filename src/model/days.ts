/**
 * Days as whole numbers counted from 1970-01-01 (UTC), so that dates compare
 * and step by subtraction and addition, without time zones.
 */
const msPerDay = 86_400_000

/** The day number of a calendar date; months and days out of range roll over, as in Date.UTC. */
export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / msPerDay
}

/** The calendar date of a day number. */
export function dateOfDay(days: number): { year: number; month: number; day: number } {
  const date = new Date(days * msPerDay)
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }
}

/** A day number as YYYY-MM-DD. */
export function isoDay(days: number): string {
  return new Date(days * msPerDay).toISOString().slice(0, 10)
}

/** How many days a month of a year has (28 to 31). */
export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return dateOfDay(dayNumber(year, month + 1, 0)).day
}
