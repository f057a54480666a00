import { createRequire } from 'node:module'
import type ucumModule from '@lhncbc/ucum-lhc'
import type { UcumUtils } from '@lhncbc/ucum-lhc'
import { decimalShift } from './precision.js'
import { fromFactor, plus, ratio, times, type Ratio } from './ratio.js'
import type { Converted } from './types.js'

/** Money is not a UCUM quantity; its unit is the ISO 4217 code. */
export const CURRENCY = 'CNY'

let utils: UcumUtils | undefined

/**
 * ucum-lhc, loaded when a unit is first checked or converted: loading it and its tables took 10 ms
 * of every start, and a report whose units are those of its registry (a registry checked before,
 * see checkedRegistry) never asks.
 */
function ucum(): UcumUtils {
  utils ??= (createRequire(import.meta.url)('@lhncbc/ucum-lhc') as typeof ucumModule).UcumLhcUtils.getInstance()
  return utils
}

export function isUcumUnit(code: string): boolean {
  // ucum-lhc logs to the console when asked about an empty string.
  if (code.trim() === '') return false
  try {
    return ucum().validateUnitString(code).status === 'valid'
  } catch {
    return false
  }
}

/**
 * Convert a value between UCUM units, exactly, keeping its written
 * precision: 1 t → 1000 kg, decimals 0 → -3. The identity when both units
 * are the same (which also covers CNY); undefined when they do not measure
 * the same thing.
 */
export function convertValue(value: Ratio, decimals: number, from: string, to: string): Converted | undefined {
  if (from === to) return { value, decimals }
  if (!isUcumUnit(from) || !isUcumUnit(to)) return undefined
  const line = conversionLine(from, to)
  if (!line) return undefined
  return { value: plus(times(value, line.slope), line.offset), decimals: decimals - line.shift }
}

function convertWithUcum(value: number, from: string, to: string): number | undefined {
  try {
    const result = ucum().convertUnitTo(from, value, to)
    if (result.status !== 'succeeded' || result.toVal === null) return undefined
    return Number.isFinite(result.toVal) ? result.toVal : undefined
  } catch {
    return undefined
  }
}

/**
 * A conversion is a straight line: ucum-lhc computes it in doubles, so its
 * slope and offset are read back as the exact ratios they stand for (1/12
 * from a year to months, 273.15 from Celsius to kelvin). The precision moves
 * with the slope, not with the converted 1: Celsius to kelvin adds an offset
 * but keeps the precision.
 */
function conversionLine(from: string, to: string): { slope: Ratio; offset: Ratio; shift: number } | undefined {
  const one = convertWithUcum(1, from, to)
  const zero = convertWithUcum(0, from, to)
  if (one === undefined || zero === undefined) return undefined
  const slope = one - zero
  if (!(slope > 0) || !Number.isFinite(slope)) return undefined
  return { slope: fromFactor(slope), offset: zero === 0 ? ratio(0n) : fromFactor(zero), shift: decimalShift(slope) }
}
