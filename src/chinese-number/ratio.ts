/**
 * Exact rational arithmetic for figures. A value is the digits as written
 * times powers of ten and unit factors; in bigint nothing is lost on the way,
 * so the only rounding left is the one a factor with no finite decimal makes
 * unavoidable (亩 = 2000/3 m²), and it happens once, at the end.
 */
export interface Ratio {
  numerator: bigint
  /** Positive, and shares no factor with the numerator. */
  denominator: bigint
}

const abs = (value: bigint): bigint => (value < 0n ? -value : value)

function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a)
  let y = abs(b)
  while (y !== 0n) [x, y] = [y, x % y]
  return x
}

export function ratio(numerator: bigint, denominator = 1n): Ratio {
  if (denominator === 0n) throw new RangeError('a ratio cannot have a zero denominator')
  const sign = denominator < 0n ? -1n : 1n
  const divisor = gcd(numerator, denominator) || 1n
  return { numerator: (sign * numerator) / divisor, denominator: (sign * denominator) / divisor }
}

export function powerOfTen(power: number): Ratio {
  return power >= 0 ? ratio(10n ** BigInt(power)) : ratio(1n, 10n ** BigInt(-power))
}

export function times(a: Ratio, b: Ratio): Ratio {
  return ratio(a.numerator * b.numerator, a.denominator * b.denominator)
}

export function plus(a: Ratio, b: Ratio): Ratio {
  return ratio(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
}

export function negate(a: Ratio): Ratio {
  return { numerator: -a.numerator, denominator: a.denominator }
}

export function minus(a: Ratio, b: Ratio): Ratio {
  return plus(a, negate(b))
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compare(a: Ratio, b: Ratio): number {
  const difference = a.numerator * b.denominator - b.numerator * a.denominator
  return difference < 0n ? -1 : difference > 0n ? 1 : 0
}

export function absolute(a: Ratio): Ratio {
  return { numerator: abs(a.numerator), denominator: a.denominator }
}

export function sameRatio(a: Ratio, b: Ratio): boolean {
  return a.numerator === b.numerator && a.denominator === b.denominator
}

const decimalPattern = /^([+-]?)(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/i

/** '17.40' → 87/5; '-1.5e-7'; undefined when the text is not a decimal number. */
export function fromDecimal(text: string): Ratio | undefined {
  const match = decimalPattern.exec(text)
  if (!match) return undefined
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match
  const power = Number(exponent) - fraction.length
  // An exponent this far out is no figure; refusing it keeps 10n ** power small.
  if (!Number.isSafeInteger(power) || Math.abs(power) > 100_000) return undefined
  const digits = BigInt(whole + fraction) * (sign === '-' ? -1n : 1n)
  // One reduction, not three: figures are read by the thousand.
  return power >= 0 ? ratio(digits * 10n ** BigInt(power)) : ratio(digits, 10n ** BigInt(-power))
}

/** The value a double stands for in JSON and JavaScript: its shortest round-trip decimal, exactly. */
export function fromNumber(value: number): Ratio {
  if (!Number.isFinite(value)) throw new RangeError(`${value} is not a finite number`)
  return fromDecimal(String(value)) ?? ratio(0n)
}

/**
 * The exact ratio a conversion factor stands for. A factor is a decimal
 * (1000, 365.25) or the inverse of one (1/12 of a year is a month, 2000/3 m²
 * is a 亩, whose inverse is 0.0015); a double holds either to about 16
 * digits, so the factor or its inverse rounded to 12 digits must come out
 * with at most 10, or it is not a decimal but a repeating expansion.
 */
export function fromFactor(factor: number): Ratio {
  const known = factors.get(factor)
  if (known) return known
  const exact = exactFactor(factor)
  factors.set(factor, exact)
  return exact
}

// A registry has a few dozen units, each with its factor, and every figure is converted by one.
const factors = new Map<number, Ratio>()

function exactFactor(factor: number): Ratio {
  const short = (value: number): Ratio | undefined => {
    if (!Number.isFinite(value) || value === 0) return undefined
    const text = value.toPrecision(12)
    const exact = fromDecimal(text)
    return exact && significantDigits(exact) <= 10 ? exact : undefined
  }
  const direct = short(factor)
  if (direct) return direct
  const inverse = short(1 / factor)
  if (inverse) return ratio(inverse.denominator, inverse.numerator)
  return fromNumber(factor)
}

/** Whether the ratio has a finite decimal expansion: its denominator has no prime factor but 2 and 5. */
function finiteDecimalPlaces(value: Ratio): number | undefined {
  let rest = value.denominator
  let twos = 0
  let fives = 0
  while (rest % 2n === 0n) {
    rest /= 2n
    twos++
  }
  while (rest % 5n === 0n) {
    rest /= 5n
    fives++
  }
  return rest === 1n ? Math.max(twos, fives) : undefined
}

/**
 * The exact decimal as coefficient × 10^exponent with no trailing zero in the coefficient;
 * undefined when it repeats.
 */
function exactDecimal(value: Ratio): { coefficient: bigint; exponent: number } | undefined {
  const places = finiteDecimalPlaces(value)
  if (places === undefined) return undefined
  let coefficient = (value.numerator * 10n ** BigInt(places)) / value.denominator
  let exponent = -places
  if (coefficient === 0n) return { coefficient, exponent: 0 }
  while (coefficient % 10n === 0n) {
    coefficient /= 10n
    exponent++
  }
  return { coefficient, exponent }
}

/** Digits from the first to the last that is not zero: what a double must hold for the value to be exact. */
export function significantDigits(value: Ratio): number {
  const exact = exactDecimal(value)
  if (!exact) return Infinity
  return exact.coefficient === 0n ? 0 : abs(exact.coefficient).toString().length
}

/** coefficient × 10^exponent written out in plain digits, never with an exponent. */
function plainText(coefficient: bigint, exponent: number): string {
  const sign = coefficient < 0n ? '-' : ''
  const digits = abs(coefficient).toString()
  if (exponent >= 0) return coefficient === 0n ? '0' : sign + digits + '0'.repeat(exponent)
  const padded = digits.padStart(-exponent + 1, '0')
  const point = padded.length + exponent
  return `${sign}${padded.slice(0, point)}.${padded.slice(point)}`
}

/**
 * The ratio rounded half away from zero to `places` digits after the point (negative: to tens,
 * hundreds …), in plain digits.
 */
export function toFixed(value: Ratio, places: number): string {
  const scaled = times(absolute(value), powerOfTen(places))
  const rounded = (2n * scaled.numerator + scaled.denominator) / (2n * scaled.denominator)
  const signed = value.numerator < 0n && rounded !== 0n ? -rounded : rounded
  if (places <= 0) return plainText(signed, -places)
  const sign = signed < 0n ? '-' : ''
  const digits = abs(signed)
    .toString()
    .padStart(places + 1, '0')
  return `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}`
}

/**
 * The decimal of a ratio: exact when it has a finite expansion, otherwise
 * rounded half away from zero to `significant` digits.
 */
export function toDecimal(value: Ratio, significant: number): { text: string; exact: boolean } {
  const exact = exactDecimal(value)
  if (exact) return { text: plainText(exact.coefficient, exact.exponent), exact: true }
  const magnitude = ratio(abs(value.numerator), value.denominator)
  // The power of ten that brings the magnitude into [10^(significant-1), 10^significant).
  let shift = significant - (magnitude.numerator / magnitude.denominator).toString().length
  if (magnitude.numerator < magnitude.denominator) {
    shift = significant
    while (magnitude.numerator * 10n ** BigInt(shift - significant + 1) < magnitude.denominator) shift++
  }
  const scaled = times(magnitude, powerOfTen(shift))
  let coefficient = (2n * scaled.numerator + scaled.denominator) / (2n * scaled.denominator)
  if (coefficient.toString().length > significant) {
    coefficient /= 10n
    shift--
  }
  const rounded = exactDecimal(ratio((value.numerator < 0n ? -1n : 1n) * coefficient, 1n)) ?? {
    coefficient,
    exponent: 0
  }
  return { text: plainText(rounded.coefficient, rounded.exponent - shift), exact: false }
}
