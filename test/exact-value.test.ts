import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  fromDecimal,
  fromFactor,
  fromNumber,
  storeValue,
  toDecimal,
  toFixed,
  type Ratio
} from '../src/chinese-number/index.js'
import { ratio } from '../src/chinese-number/ratio.js'

const text = (value: Ratio) => `${value.numerator}/${value.denominator}`
/** '9350000/3' or a decimal: tables hold strings, as a bigint cannot be printed in a test's name. */
const parse = (written: string): Ratio => {
  const [numerator, denominator] = written.split('/')
  if (denominator !== undefined) return ratio(BigInt(numerator ?? ''), BigInt(denominator))
  const value = fromDecimal(written)
  if (!value) throw new Error(`${written} is not a decimal`)
  return value
}

// prettier-ignore
const decimals: [string, string | undefined][] = [
  ['17.40', '87/5'],
  ['-1.5e-7', '-3/20000000'],
  ['+12', '12/1'],
  ['0.000', '0/1'],
  ['007', '7/1'],
  ['1e21', '1000000000000000000000/1'],
  ['1.', '1/1'],
  ['', undefined],
  ['.5', undefined],
  ['1,000', undefined],
  ['1e999999', undefined],
  ['abc', undefined]
]

describe('fromDecimal', () => {
  it.each(decimals)('reads %j as %j', (written, expected) => {
    const value = fromDecimal(written)
    expect(value && text(value)).toBe(expected)
  })
})

// A conversion factor is a decimal or the inverse of one; a double holds either only to about 16 digits.
// prettier-ignore
const factors: [string, number, string][] = [
  ['亩 in m²', 2000 / 3, '2000/3'],
  ['万亩 in m²', (2000 / 3) * 10000, '20000000/3'],
  ['a month in years', 1 / 12, '1/12'],
  ['an hour in days', 1 / 24, '1/24'],
  ['a year in days', 365.25, '1461/4'],
  ['m² in km²', 1e-6, '1/1000000'],
  ['binary noise', 0.1 + 0.2, '3/10'],
  ['Celsius to kelvin', 273.15, '5463/20'],
  ['a negative offset', -273.15, '-5463/20'],
  ['万亿', 1e12, '1000000000000/1']
]

describe('fromFactor', () => {
  it.each(factors)('reads %s (%j) as %j', (_name, factor, expected) => {
    expect(text(fromFactor(factor))).toBe(expected)
  })
})

// prettier-ignore
const expansions: [string, number, { text: string; exact: boolean }][] = [
  ['9350000/3', 15, { text: '3116666.66666667', exact: false }],
  ['-2/3', 15, { text: '-0.666666666666667', exact: false }],
  ['1/3000000', 3, { text: '0.000000333', exact: false }],
  ['1/3', 2, { text: '0.33', exact: false }],
  ['2/3', 1, { text: '0.7', exact: false }],
  ['29999/3', 4, { text: '10000', exact: false }],
  ['1/1024', 15, { text: '0.0009765625', exact: true }],
  ['1e30', 15, { text: '1000000000000000000000000000000', exact: true }],
  ['-17e-25', 15, { text: '-0.0000000000000000000000017', exact: true }],
  ['0', 15, { text: '0', exact: true }]
]

describe('toDecimal', () => {
  it.each(expansions)('writes %s to %j significant digits', (value, significant, expected) => {
    expect(toDecimal(parse(value), significant)).toStrictEqual(expected)
  })
})

// prettier-ignore
const stored: [string, string, ReturnType<typeof storeValue>][] = [
  ['15 digits', '123456789012345', { ok: true, value: { number: 123456789012345, exact: true } }],
  ['15 digits after the point', '0.123456789012345', { ok: true, value: { number: 0.123456789012345, exact: true } }],
  ['16 digits', '1234567890123456', { ok: false, error: { problem: 'digits', digits: 16, text: '1234567890123456' } }],
  ['16 digits that a double happens to hold', '9007199254740992', { ok: false, error: { problem: 'digits', digits: 16, text: '9007199254740992' } }],
  ['trailing zeros cost nothing', '1200000000000000000000000', { ok: true, value: { number: 1.2e24, exact: true } }],
  ['no finite decimal', '9350000/3', { ok: true, value: { number: 3116666.66666667, exact: false } }],
  ['beyond the largest double', '2e308', { ok: false, error: { problem: 'range', text: `2${'0'.repeat(308)}` } }],
  ['a subnormal double holds a digit', '1e-320', { ok: true, value: { number: 1e-320, exact: true } }],
  ['but not fifteen', '1.23456789012345e-320', { ok: false, error: { problem: 'range', text: `0.${'0'.repeat(319)}123456789012345` } }],
  ['negative zero', '-0', { ok: true, value: { number: 0, exact: true } }]
]

describe('storeValue', () => {
  it.each(stored)('%s', (_name, value, expected) => {
    expect(storeValue(parse(value))).toStrictEqual(expected)
  })

  it('gives back the digits of any decimal it keeps', () => {
    const digits = fc
      .array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 20 })
      .map((list) => list.join(''))
    fc.assert(
      fc.property(digits, fc.integer({ min: -330, max: 330 }), (written, power) => {
        const value = parse(`${written}e${power}`)
        const result = storeValue(value)
        return result.ok
          ? text(fromNumber(result.value.number)) === text(value)
          : result.error.problem === 'range' || result.error.digits > 15
      }),
      { numRuns: 3000 }
    )
  })
})

// prettier-ignore
const fixed: [string, number, string][] = [
  ['17.4123456789012', 13, '17.4123456789012'],
  ['17.4', 3, '17.400'],
  ['2.5', 0, '3'],
  ['-2.5', 0, '-3'],
  ['-0.4', 0, '0'],
  ['9350000/3', 0, '3116667'],
  ['9350000/3', -3, '3117000'],
  ['1e21', 0, '1000000000000000000000'],
  ['0.000000123', 9, '0.000000123'],
  ['0.05', 1, '0.1']
]

describe('toFixed', () => {
  it.each(fixed)('writes %s with %j places as %j', (value, places, expected) => {
    expect(toFixed(parse(value), places)).toBe(expected)
  })
})
