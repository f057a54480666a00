import { periodDays } from '../../model/period.js'

/**
 * An OIM period: start and end as dateTimes, the end exclusive, so that the
 * year 2025 is `2025-01-01T00:00:00/2026-01-01T00:00:00` and 2023-11/2023-12
 * ends at the first instant of 2024.
 */
export function xbrlPeriod(period: string): string {
  const days = periodDays(period)
  // Validation has already rejected every period that periodDays cannot read.
  if (!days) throw new Error(`"${period}" is not a period factmark can write as xBRL`)
  return `${days.start}T00:00:00/${days.endExclusive}T00:00:00`
}
