import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { utf8Bytes } from '../src/emit/utf8-bytes.js'

describe('utf8Bytes', () => {
  const cases: Array<[string, string, string]> = [
    ['nothing', '', ''],
    ['ASCII', 'a,b\n', '612c620a'],
    ['Chinese, three bytes each', '第8万', 'e7acac38e4b887'],
    ['a character beyond the first plane, four bytes', '𠀀', 'f0a08080'],
    ['a lone high surrogate, as U+FFFD', 'a\uD800b', '61efbfbd62'],
    ['a lone low surrogate at the end, as U+FFFD', 'a\uDC00', '61efbfbd']
  ]
  test.each(cases)('%s', (_name, text, hex) => {
    expect(utf8Bytes(text).toString('hex')).toBe(hex)
  })

  test('a short text after a long one holds only its own bytes', () => {
    expect(utf8Bytes('万'.repeat(1000)).byteLength).toBe(3000)
    expect(utf8Bytes('ab').toString('hex')).toBe('6162')
  })

  test('the bytes are a copy: encoding another text leaves them as they were', () => {
    const first = utf8Bytes('亿')
    utf8Bytes('xyz')
    expect(first.toString('hex')).toBe('e4babf')
  })

  test('a text longer than the buffer kept is encoded all the same', () => {
    const long = `${'厦门'.repeat(600_000)}\uD800`
    expect(utf8Bytes(long).equals(Buffer.from(long, 'utf8'))).toBe(true)
  })

  test('the bytes of Buffer.from for any text, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), (units, graphemes) => {
        for (const text of [units, graphemes, units + graphemes])
          expect(utf8Bytes(text).equals(Buffer.from(text, 'utf8'))).toBe(true)
      })
    )
  })
})
