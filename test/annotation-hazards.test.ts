import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { findHazards } from '../src/remark/hazards.js'

/**
 * The plain reading: for each `:fact` opening, walk to the closing brackets on its line and look at
 * every character.
 */
function reference(text: string): Array<[number, number]> {
  const found = new Map<number, number>()
  for (const match of text.matchAll(/[:：]fact[[【［{｛]/g)) {
    const lineEnd = text.indexOf('\n', match.index)
    const limit = lineEnd === -1 ? text.length : lineEnd
    let at = match.index + 5
    for (const [open, close] of [
      ['[【［', ']】］'],
      ['{｛', '}｝']
    ] as const) {
      if (!open.includes(text[at] ?? '\n')) continue
      let end = at + 1
      while (end < limit && !close.includes(text[end] ?? '')) end++
      at = Math.min(end + 1, limit)
    }
    const label = labelOf(text, match.index, match[0], limit)
    for (let index = match.index; index < Math.min(at, limit); index++) {
      const inLabel = index >= label[0] && index < label[1]
      if (inLabel && '：\u3000'.includes(text[index] ?? '')) continue
      if ('：【】［］｛｝＝＂\u3000'.includes(text[index] ?? '')) found.set(index, index + 1)
    }
  }
  return [...found].sort((a, b) => a[0] - b[0])
}

/** The label of :fact[…] closed by `]`, [start, end): the figure as printed, where 2：1 is a ratio. */
function labelOf(text: string, start: number, opening: string, limit: number): [number, number] {
  const open = start + 5
  let close = open + 1
  while (close < limit && !']】］'.includes(text[close] ?? '')) close++
  return opening === ':fact[' && text[close] === ']' ? [open + 1, close] : [0, 0]
}

describe('full-width characters that break annotations', () => {
  // prettier-ignore
  test.each([
    ['a full-width colon', '值为：fact[17.4]{metric=air.pm25}', [[2, 3]]],
    ['full-width brackets', ':fact【17.4】{metric=x}', [[5, 6], [10, 11]]],
    ['an ideographic space between attributes', ':fact[1]{metric=x\u3000unit=y}', [[17, 18]]],
    ['nothing after the line ends', ':fact[1\n】', []],
    ['each character once, however many unclosed annotations hold it', ':fact[:fact[:fact[【', [[18, 19]]],
    ['a ratio in a label, with a full-width colon', ':fact[2：1]{metric=x}', []],
    ['a ratio in full-width digits', ':fact[２：１]{metric=x}', []],
    ['a full-width colon after the label', ':fact[2:1]{metric：x}', [[17, 18]]],
    ['a label that closes with a full-width bracket is no label', ':fact[2：1】{metric=x}', [[7, 8], [9, 10]]],
    ['a full-width colon that opens an annotation in a label is no ratio', ':fact[：fact［]', [[6, 7], [11, 12]]],
    ['nor is a ratio after such an opening', ':fact[2：1：fact［2：1]', [[9, 10], [14, 15], [16, 17]]]
  ])('%s', (_name, text, expected) => {
    expect(findHazards(text).map((hazard) => [hazard.start, hazard.end])).toEqual(expected)
  })

  test('the same characters as the plain reading, each once', () => {
    const piece = fc.constantFrom(
      ':fact',
      '：fact',
      '：',
      '[',
      ']',
      '【',
      '】',
      '［',
      '］',
      '{',
      '}',
      '｛',
      '｝',
      '＝',
      '＂',
      '\u3000',
      'a',
      '\n',
      '='
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('')
        expect(findHazards(text).map((hazard) => [hazard.start, hazard.end])).toEqual(reference(text))
      }),
      { numRuns: 3000 }
    )
  })
})
