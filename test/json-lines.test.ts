import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { jsonLinesAppender, jsonLinesOf, linesAppender, linesOf } from '../src/build/json-lines.js'

const folder = mkdtempSync(path.join(tmpdir(), 'factmark-json-lines-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

const values = [[0, 1, { metric: 'air.pm25', text: '17.4微克/立方米' }], '厦门市第00001区', 12.5, [], { '': null }]
const lines = values.map((value) => JSON.stringify(value))

test.each([
  ['one line a value, the last ended', `${lines.join('\n')}\n`],
  ['the last line not ended', lines.join('\n')],
  ['empty lines between', `\n${lines.join('\n\n')}\n\n`]
])('%s: the same values, whatever the size of the chunks read', (_case, text) => {
  const file = path.join(folder, 'lines.jsonl')
  writeFileSync(file, text)
  // Chunks of 1 and 7 bytes end inside the three bytes of a Chinese character and inside lines.
  for (const chunkBytes of [1, 7, 64, 1 << 20]) expect([...jsonLinesOf(file, chunkBytes)]).toEqual(values)
})

test('an empty file has no values', () => {
  const file = path.join(folder, 'empty.jsonl')
  writeFileSync(file, '')
  expect([...jsonLinesOf(file)]).toEqual([])
})

test('linesOf gives the text of each line that is not empty, as jsonLinesOf reads it', () => {
  const file = path.join(folder, 'text.jsonl')
  writeFileSync(file, `\n${lines.join('\n\n')}`)
  for (const chunkBytes of [1, 7, 1 << 20]) expect([...linesOf(file, chunkBytes)]).toEqual(lines)
})

test('linesAppender appends each line with its break, held until flushed or past its size', () => {
  const file = path.join(folder, 'appended.jsonl')
  const appender = linesAppender(file, 20)
  appender.add('{"a":"甲"}')
  expect(appender.written()).toBe(false)
  appender.add('{"b":"乙乙乙乙乙"}')
  // Past 20 characters: both written at once.
  expect(readFileSync(file, 'utf8')).toBe('{"a":"甲"}\n{"b":"乙乙乙乙乙"}\n')
  appender.add('3')
  appender.flush()
  expect(readFileSync(file, 'utf8')).toBe('{"a":"甲"}\n{"b":"乙乙乙乙乙"}\n3\n')
  expect(appender.written()).toBe(true)
})

test('jsonLinesAppender appends values that jsonLinesOf reads back', () => {
  const file = path.join(folder, 'values.jsonl')
  const appender = jsonLinesAppender(file)
  for (const value of values) appender.add(value)
  expect(appender.written()).toBe(false)
  appender.flush()
  expect([...jsonLinesOf(file)]).toEqual(values)
})
