import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { contentDigest } from '../src/cache/cache-folder.js'
import { sourcesReadAgain } from '../src/load/sources-read-again.js'
import type { Diagnostic } from '../src/model/compiled.js'

// The lines a message quotes are read again when it is printed: as the compiler read them, and
// only while the file holds the bytes the message was made from.

let cwd: string
beforeEach(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'factmark-read-again-'))
  mkdirSync(path.join(cwd, 'source'))
  writeFileSync(path.join(cwd, 'source/a.md'), 'a\rb\r\nc\n')
  writeFileSync(path.join(cwd, 'source/huge.md'), '')
  truncateSync(path.join(cwd, 'source/huge.md'), 40 * 1024 * 1024)
})
afterEach(() => rmSync(cwd, { recursive: true, force: true }))

const about = (file: string, ruleId = 'unknown-metric'): Diagnostic => ({
  file,
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 2,
  severity: 'error',
  ruleId,
  message: 'm'
})
const digestOfA = contentDigest(new Uint8Array(Buffer.from('a\rb\r\nc\n')))

test.each<[string, Diagnostic[], ((file: string) => string | undefined) | undefined, string, string | undefined]>([
  [
    'a file a message names, its lone CR a line end as the compiler reads it',
    [about('source/a.md')],
    undefined,
    'source/a.md',
    'a\nb\r\nc\n'
  ],
  [
    'the same, holding the bytes the message was made from',
    [about('source/a.md')],
    () => digestOfA,
    'source/a.md',
    'a\nb\r\nc\n'
  ],
  ['the same, saved again since', [about('source/a.md')], () => contentDigest('other'), 'source/a.md', undefined],
  ['a file no message names', [about('source/b.md')], undefined, 'source/a.md', undefined],
  ['a path skipped on purpose', [about('source/a.md', 'source-skipped')], undefined, 'source/a.md', undefined],
  [
    'a file too large to read: no text, as the compiler read none',
    [about('source/huge.md')],
    () => 'any',
    'source/huge.md',
    ''
  ],
  ['a file gone', [about('source/gone.md')], undefined, 'source/gone.md', undefined]
])('%s', (_name, diagnostics, compiledFrom, file, text) => {
  expect(sourcesReadAgain(diagnostics, cwd, compiledFrom).get(file)).toBe(text)
})
