import { describe, expect, test } from 'vitest'
import { phraseStarts } from '../src/model/phrases.js'
import { plural } from '../src/model/plural.js'
import { roundScaled, roundTo } from '../src/model/rounding.js'

describe('plural agrees with its count', () => {
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

  test.each([
    [78.84, 1, 78.8],
    [12.45, 1, 12.5],
    [2, 1, 2]
  ])('roundScaled(%d, %d) is %d: the scaled product decides', (value, places, expected) => {
    expect(roundScaled(value, places)).toBe(expected)
  })
})

describe('phraseStarts finds every occurrence of a phrase', () => {
  test.each([
    ['十四五规划和十四五期间', '十四五', [0, 6]],
    ['aaaa', 'aa', [0, 1, 2]],
    ['text', '', []],
    ['text', 'none', []]
  ])('%s, %s', (text, phrase, expected) => {
    expect(phraseStarts(text, phrase)).toEqual(expected)
  })
})
