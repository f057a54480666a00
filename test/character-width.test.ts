import stringWidth from 'string-width'
import { expect, test } from 'vitest'
import { characterWidth } from '../src/cli/format/character-width.js'
import { knownWidths } from '../src/model/text-width.js'

test('every character of the ranges known without string-width has the width string-width gives it', () => {
  for (const { from, to, width, what } of knownWidths) {
    const differing: string[] = []
    for (let code = from; code <= to; code++) {
      if (stringWidth(String.fromCharCode(code)) !== width) differing.push(code.toString(16))
    }
    expect(differing, what).toEqual([])
  }
})

test('any other character is as wide as string-width measures it', () => {
  for (const shown of ['℃', '⑴', '²', '×', '〔', '😀', '\u0301', '\\u{202E}', '한', '\u3000', '\uFF61'])
    expect(characterWidth(shown), shown).toBe(stringWidth(shown))
})

test('every code point of the planes in use is as wide as string-width measures it', () => {
  const differing: string[] = []
  const planes = [
    [0, 0x3ffff],
    [0xe0000, 0xe01ef]
  ] as const
  for (const [from, to] of planes)
    for (let code = from; code <= to; code++) {
      const char = String.fromCodePoint(code)
      if (characterWidth(char) !== stringWidth(char)) differing.push(code.toString(16))
    }
  expect(differing.slice(0, 20)).toEqual([])
})
