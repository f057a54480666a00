import { describe, expect, test } from 'vitest'
import { plural } from '../src/model/plural.js'

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
