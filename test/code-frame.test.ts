import { describe, expect, test } from 'vitest'
import { codeFrame, sourceLines } from '../src/cli/format/code-frame.js'

const a = (n: number) => 'a'.repeat(n)

describe('the code frame of a long line shows a window around the span', () => {
  // prettier-ignore
  test.each([
    ['a short line in full', '值为:fact[1]。', 3, 11, ['  1 | 值为:fact[1]。', '    |     ^^^^^^^^']],
    ['a span in the middle of a megabyte line', `${a(500_000)}X${a(500_000)}`, 500_001, 500_002, [`  1 | …${a(36)}X${a(36)}…`, `    | ${' '.repeat(37)}^`]],
    ['CJK characters are two columns wide', `${'字'.repeat(100)}X${'字'.repeat(100)}`, 101, 102, [`  1 | …${'字'.repeat(18)}X${'字'.repeat(18)}…`, `    | ${' '.repeat(37)}^`]],
    ['a span longer than 160 units is cut', `${a(10)}${'b'.repeat(1000)}`, 11, 1011, [`  1 | ${a(10)}${'b'.repeat(196)}…`, `    | ${' '.repeat(10)}${'^'.repeat(160)}`]],
    ['a span that runs on to later lines reaches the end of its first', `${a(3)}bb`, 4, 1, ['  1 | aaabb', '    |    ^^']],
    ['a character outside the Basic Multilingual Plane is not cut in two', `${'𠀀'.repeat(200)}X`, 401, 402, [`  1 | …${'𠀀'.repeat(18)}X`, `    | ${' '.repeat(37)}^`]]
  ])('%s', (_name, text, column, endColumn, lines) => {
    const endLine = endColumn === 1 ? 2 : 1
    expect(codeFrame(text, 1, column, endLine, endColumn)).toBe(lines.join('\n'))
  })

  test('a line that does not exist has no frame', () => {
    expect(codeFrame(sourceLines('a\nb')[5], 6, 1, 6, 2)).toBe('')
  })
})
