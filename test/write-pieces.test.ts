import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { keepJson } from '../src/cache/cache-folder.js'
import { keepLargeJson } from '../src/cache/keep-large-json.js'
import { writePiecesSync } from '../src/cache/write-pieces.js'

let folder: string
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'factmark-pieces-'))
})
afterEach(() => rmSync(folder, { recursive: true, force: true }))

describe('writePiecesSync', () => {
  test('writes the pieces joined, gives each buffer as written, and counts the bytes', () => {
    const file = path.join(folder, 'a.txt')
    const seen: Buffer[] = []
    const bytes = writePiecesSync(file, ['第8', '', '名,', '2.43'], (buffer) => seen.push(Buffer.from(buffer)))
    expect(readFileSync(file, 'utf8')).toBe('第8名,2.43')
    expect(bytes).toBe(12)
    expect(Buffer.concat(seen).toString('utf8')).toBe('第8名,2.43')
  })

  test('a text of more than a megabyte goes in more than one buffer, with no character split', () => {
    const file = path.join(folder, 'b.txt')
    // 600,000 pieces of two characters, one of them three bytes in UTF-8: 2.4 million bytes.
    const pieces = Array.from({ length: 600_000 }, (_, index) => `万${index % 10}`)
    const seen: number[] = []
    const bytes = writePiecesSync(file, pieces, (buffer) => seen.push(buffer.length))
    const text = pieces.join('')
    expect(readFileSync(file, 'utf8')).toBe(text)
    expect(bytes).toBe(Buffer.byteLength(text))
    // A megabyte (2^20 bytes) a buffer, each filled as far as a whole piece goes.
    expect(seen).toEqual([1_048_572, 1_048_572, 302_856])
  })

  test('a piece larger than a buffer, between small ones', () => {
    const file = path.join(folder, 'large.txt')
    const large = '第'.repeat(400_000)
    const seen: number[] = []
    const bytes = writePiecesSync(file, ['a', large, 'b'], (buffer) => seen.push(buffer.length))
    expect(readFileSync(file, 'utf8')).toBe(`a${large}b`)
    expect(bytes).toBe(1_200_002)
    expect(seen).toEqual([1, 1_200_000, 1])
  })

  test('a character of two UTF-16 units split between two pieces is written whole', () => {
    const file = path.join(folder, 'pair.txt')
    const [high, low] = ['𠀀'.charAt(0), '𠀀'.charAt(1)]
    expect(writePiecesSync(file, [`万${high}`, `${low}${high}`, low, high])).toBe(3 + 4 + 4 + 3)
    expect(readFileSync(file)).toEqual(Buffer.from(`万𠀀𠀀\uFFFD`, 'utf8'))
  })

  test('no pieces: an empty file', () => {
    const file = path.join(folder, 'c.txt')
    expect(writePiecesSync(file, [])).toBe(0)
    expect(readFileSync(file, 'utf8')).toBe('')
  })
})

describe('keepLargeJson', () => {
  const values: Array<[string, unknown]> = [
    [
      'a record of files',
      {
        environment: 'e',
        sources: [['a.md', 'k1']],
        skipped: [],
        files: { 'a/index.html': { bytes: 3, sha256: 'ab', mtimeMs: 1.5, ino: 7 }, 'b.csv': { bytes: 0, sha256: '' } },
        result: 'r'
      }
    ],
    ['members left out, Chinese, line breaks', { a: undefined, b: [undefined, '第8\n万'], c: { d: { e: [1, {}] } } }],
    ['an empty object', {}],
    ['an array', [1, 'two', null, [3]]]
  ]
  test.each(values)('%s: the same file as keepJson, and nothing left beside it', (_name, value) => {
    keepJson(path.join(folder, 'small', 'kept.json'), value)
    keepLargeJson(path.join(folder, 'large', 'kept.json'), value)
    expect(readFileSync(path.join(folder, 'large', 'kept.json'), 'utf8')).toBe(
      readFileSync(path.join(folder, 'small', 'kept.json'), 'utf8')
    )
    expect(readdirSync(path.join(folder, 'large'))).toEqual(['kept.json'])
  })

  test('replaces a file kept before', () => {
    const file = path.join(folder, 'kept.json')
    writeFileSync(file, '{"old":true,"longer":"than what replaces it"}')
    keepLargeJson(file, { new: 1 })
    expect(readFileSync(file, 'utf8')).toBe('{"new":1}')
  })
})
