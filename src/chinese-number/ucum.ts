import ucum from '@lhncbc/ucum-lhc'
import { decimalShift, roundSignificant } from './precision.js'
import type { Converted } from './types.js'

/** Money is not a UCUM quantity; its unit is the ISO 4217 code. */
export const CURRENCY = 'CNY'

export function isUcumUnit(code: string): boolean {
  // ucum-lhc logs to the console when asked about an empty string.
  if (code.trim() === '') return false
  try {
    return ucum.UcumLhcUtils.getInstance().validateUnitString(code).status === 'valid'
  } catch {
    return false
  }
}

/**
 * Convert a figure between UCUM units, keeping its written precision:
 * 1 t → 1000 kg, decimals 0 → -3. The identity when both units are the
 * same (which also covers CNY); undefined when they do not measure the same
 * thing.
 */
export function convertValue(
  value: number,
  decimals: number,
  from: string,
  to: string
): Converted | undefined {
  if (!Number.isFinite(value)) return undefined
  if (from === to) return { value, decimals }
  if (!isUcumUnit(from) || !isUcumUnit(to)) return undefined
  const converted = convertWithUcum(value, from, to)
  if (converted === undefined) return undefined
  return { value: roundSignificant(converted), decimals: decimals - precisionShift(from, to) }
}

function convertWithUcum(value: number, from: string, to: string): number | undefined {
  try {
    const result = ucum.UcumLhcUtils.getInstance().convertUnitTo(from, value, to)
    if (result.status !== 'succeeded' || result.toVal === null) return undefined
    return Number.isFinite(result.toVal) ? result.toVal : undefined
  } catch {
    return undefined
  }
}

/**
 * The slope of the conversion, not the converted 1: Celsius to kelvin adds an
 * offset but keeps the precision.
 */
function precisionShift(from: string, to: string): number {
  const one = convertWithUcum(1, from, to)
  const zero = convertWithUcum(0, from, to)
  if (one === undefined || zero === undefined) return 0
  const slope = one - zero
  return slope > 0 && Number.isFinite(slope) ? decimalShift(slope) : 0
}
