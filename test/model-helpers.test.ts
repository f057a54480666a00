import { describe, expect, test } from 'vitest'
import { dateOfDay, dayNumber, daysInMonth, isoDay } from '../src/model/days.js'
import { FactmarkError } from '../src/model/factmark-error.js'
import { isNodeError } from '../src/model/node-error.js'
import { previousPeriod, sameTimeOf } from '../src/model/period.js'
import { phraseStarts } from '../src/model/phrases.js'
import { plural } from '../src/model/plural.js'
import { roundScaled, roundTo } from '../src/model/rounding.js'

describe('plural agrees with its count', () => {
  // prettier-ignore
  test.each([
    [0, 'file', undefined, 'files'],
    [1, 'file', undefined, 'file'],
    [2, 'file', undefined, 'files'],
    [1, 'does', 'do', 'does'],
    [3, 'report was', 'reports were', 'reports were']
  ])('%d %s', (count, word, words, expected) => {
    expect(plural(count, word, words)).toBe(expected)
  })
})

describe('rounding', () => {
  // prettier-ignore
  test.each([
    [98.43, 1, 98.4],
    [100, 1, 100],
    [12.45, 1, 12.4],
    [-0.5678, 2, -0.57],
    [33.333333, 4, 33.3333]
  ])('roundTo(%d, %d) is %d, as toFixed writes it', (value, places, expected) => {
    expect(roundTo(value, places)).toBe(expected)
    expect(roundTo(value, places)).toBe(Number(value.toFixed(places)))
  })

  // prettier-ignore
  test.each([
    [11819767.4, -4, 11820000],
    [11814999, -4, 11810000],
    [-2345, -2, -2300],
    [49, -2, 0]
  ])('roundTo(%d, %d) is %d: negative places round to tens, hundreds and so on', (value, places, expected) => {
    expect(roundTo(value, places)).toBe(expected)
  })

  // prettier-ignore
  test.each([
    [78.84, 1, 78.8],
    [12.45, 1, 12.5],
    [2, 1, 2]
  ])('roundScaled(%d, %d) is %d: the scaled product decides', (value, places, expected) => {
    expect(roundScaled(value, places)).toBe(expected)
  })
})

describe('phraseStarts finds every occurrence of a phrase', () => {
  // prettier-ignore
  test.each([
    ['十四五规划和十四五期间', '十四五', [0, 6]],
    ['aaaa', 'aa', [0, 1, 2]],
    ['text', '', []],
    ['text', 'none', []]
  ])('%s, %s', (text, phrase, expected) => {
    expect(phraseStarts(text, phrase)).toEqual(expected)
  })
})

describe('day numbers', () => {
  test('count from 1970-01-01 and step by one a day', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0)
    expect(dayNumber(2025, 3, 1) - dayNumber(2025, 2, 28)).toBe(1)
    expect(dateOfDay(dayNumber(2025, 1, 1) - 1)).toEqual({ year: 2024, month: 12, day: 31 })
    expect(isoDay(dayNumber(2024, 12, 31) + 1)).toBe('2025-01-01')
  })

  // prettier-ignore
  test.each([
    [2024, 2, 29],
    [2025, 2, 28],
    [1900, 2, 28],
    [2000, 2, 29],
    [2025, 4, 30],
    [2025, 12, 31]
  ])('%d-%d has %d days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days)
  })
})

describe('isNodeError tells the errors of Node from those of factmark and from bugs', () => {
  const enoent = Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' })
  // prettier-ignore
  test.each([
    ['a Node error', enoent, undefined, true],
    ['a Node error of that code', enoent, 'ENOENT', true],
    ['a Node error of another code', enoent, 'EACCES', false],
    ['a FactmarkError', new FactmarkError('FACTMARK_SOURCES', 'Cannot read source/metrics.yaml'), undefined, false],
    ['an error without a code', new TypeError('x is undefined'), undefined, false],
    ['not an error', { code: 'ENOENT' }, undefined, false]
  ])('%s', (_name, error, code, expected) => {
    expect(isNodeError(error, code)).toBe(expected)
  })
})

describe('the period before a period', () => {
  // [period, year named, the period 同比 is measured from, the period just before]
  // prettier-ignore
  test.each([
    ['2025', undefined, '2024', '2024'],
    ['2025', 2020, '2020', '2024'],
    ['2025-01', undefined, '2024-01', '2024-12'],
    ['2025-01/2025-11', undefined, '2024-01/2024-11', undefined],
    ['2025-01/2025-06', 2023, '2023-01/2023-06', undefined],
    ['2024-02-29', undefined, undefined, '2024-02-28'], // no 29 February in 2023
    ['2024-03-01', undefined, '2023-03-01', '2024-02-29'],
    ['2021/2025', undefined, undefined, undefined], // a span of years has no same part a year before
    ['2021/2025', 2020, '2020', undefined],
    ['2025-13', undefined, undefined, undefined]
  ])('%s (named year %s)', (period, year, sameTime, previous) => {
    expect(sameTimeOf(period, year)).toBe(sameTime)
    expect(previousPeriod(period)).toBe(previous)
  })
})
