import stringWidth from 'string-width'
import { expect, test } from 'vitest'
import { characterWidth, knownWidths } from '../src/cli/format/character-width.js'

test('every character of the ranges known without string-width has the width string-width gives it', () => {
  for (const { from, to, width, what } of knownWidths) {
    const differing: string[] = []
    for (let code = from; code <= to; code++) {
      if (stringWidth(String.fromCharCode(code)) !== width) differing.push(code.toString(16))
    }
    expect(differing, what).toEqual([])
  }
})

test('any other character is measured by string-width', () => {
  for (const shown of ['℃', '⑴', '²', '×', '〔', '😀', '\u0301', '\\u{202E}', '한', '\u3000', '\uFF61'])
    expect(characterWidth(shown), shown).toBe(stringWidth(shown))
})
