import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { decimalDigits } from '../src/chinese-number/number-token.js'
import { fromDecimal, fromFactor, significantDigits } from '../src/chinese-number/ratio.js'

describe('decimalDigits', () => {
  test.each([
    ['17.40', 3],
    ['0.050', 1],
    ['100', 1],
    ['0', 0],
    ['0.0', 0],
    ['1159', 4],
    ['2025', 4],
    ['1.0001', 5],
    ['000123.4500', 5]
  ])('%s has %i', (mantissa, digits) => {
    expect(decimalDigits(mantissa)).toBe(digits)
  })

  test('counts what significantDigits counts of the exact value', () => {
    const mantissa = fc
      .tuple(fc.stringMatching(/^[0-9]{1,25}$/), fc.option(fc.stringMatching(/^[0-9]{0,25}$/)))
      .map(([whole, fraction]) => (fraction === null ? whole : `${whole}.${fraction}`))
    fc.assert(
      fc.property(mantissa, (text) => {
        const exact = fromDecimal(text)
        if (!exact) throw new Error(`${text} does not read as a decimal`)
        expect(decimalDigits(text)).toBe(significantDigits(exact))
      }),
      { numRuns: 3000 }
    )
  })
})

describe('fromFactor', () => {
  test('gives the same ratio for a factor asked again', () => {
    expect(fromFactor(2000 / 3)).toEqual({ numerator: 2000n, denominator: 3n })
    expect(fromFactor(2000 / 3)).toEqual({ numerator: 2000n, denominator: 3n })
    expect(fromFactor(0.001)).toEqual({ numerator: 1n, denominator: 1000n })
    expect(fromFactor(365.25)).toEqual({ numerator: 1461n, denominator: 4n })
  })
})
