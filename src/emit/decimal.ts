const numberPattern = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/

/**
 * A number in plain decimal digits, as every output writes it: the
 * xs:decimal lexical form of a number divided by 10^shift, computed on
 * the digits of its shortest round-trip representation so that no binary
 * noise creeps in: (99.2, 2) → "0.992", not 0.9919999999999999; (1e21, 0)
 * → "1000000000000000000000", never exponent notation, which xs:decimal
 * does not allow.
 */
export function decimalString(value: number, shift = 0): string {
  const match = numberPattern.exec(String(value))
  if (!match) throw new Error(`${value} is not a finite number`)
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match
  const digits = whole + fraction
  // Position of the decimal point within the digits.
  const point = whole.length + Number(exponent) - shift
  const padded =
    point <= 0
      ? '0'.repeat(1 - point) + digits
      : point > digits.length
        ? digits + '0'.repeat(point - digits.length)
        : digits
  const at = Math.max(point, 1)
  const integer = padded.slice(0, at).replace(/^0+(?=\d)/, '')
  const decimals = padded.slice(at).replace(/0+$/, '')
  const text = decimals === '' ? integer : `${integer}.${decimals}`
  return text === '0' ? text : sign + text
}
