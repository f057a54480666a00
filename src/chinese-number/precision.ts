/**
 * How many decimal places multiplying by `factor` moves the precision: exact
 * for a power of ten (万 → 4, 0.001 → -3), rounded up otherwise (2000/3 → 3)
 * so that a converted figure never claims more precision than was written.
 */
export function decimalShift(factor: number): number {
  const exponent = Math.log10(Math.abs(factor))
  const nearest = Math.round(exponent)
  if (Math.abs(exponent - nearest) < 1e-9) return nearest
  return Math.ceil(exponent)
}

/** Drop the sign of a negative zero, which `toEqual` and JSON treat differently. */
export function withoutNegativeZero(value: number): number {
  return Object.is(value, -0) ? 0 : value
}
