import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { compileSources } from '../src/compile/compile-sources.js'
import { decodeText } from '../src/load/encoding/decode.js'
import type { CompileResult } from '../src/model/compiled.js'
import { notesOf, problemsOf, seedNotes, seedRegistry, seedReport } from './helpers/seed.js'

// The seed report, saved in the encodings editors on Chinese Windows save in,
// compiles to exactly the facts of the UTF-8 file, with one warning that names
// the encoding; bytes in no encoding factmark reads stop the report at the
// first of them. The files are made here from the seed's UTF-8 files.
const seedText = seedReport.text
const registryBytes = Buffer.from(seedRegistry.text, 'utf8')
const path = seedReport.path

function compile(bytes: Uint8Array, registry: Uint8Array = registryBytes): CompileResult {
  return compileSources({ reports: [{ path, text: bytes }], registry: { path: 'source/metrics.yaml', text: registry } })
}

/** The problems, without the seed's notes (the same in every encoding; the UTF-8 test checks them). */
function lines(result: CompileResult): string[] {
  return problemsOf(result.diagnostics).map(
    (d) => `${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.message} [${d.ruleId}]`
  )
}

/** GB18030 bytes of a text, from the two-byte table TextDecoder decodes (GBK, which covers the seed). */
function encodeGb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030')
  const table = new Map<string, [number, number]>()
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue
      const char = decoder.decode(new Uint8Array([lead, trail]))
      if (!table.has(char)) table.set(char, [lead, trail])
    }
  }
  const bytes: number[] = []
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    const pair = table.get(char)
    if (code < 0x80) bytes.push(code)
    else if (pair) bytes.push(...pair)
    else throw new Error(`no GBK code for ${char}`)
  }
  return Uint8Array.from(bytes)
}

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
const utf16be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])
const utf8 = (text: string) => Buffer.from(text, 'utf8')

const baseline = compile(utf8(seedText))
const facts = (result: CompileResult) => result.reports.flatMap((report) => report.bundle.facts)
const where = (result: CompileResult) =>
  facts(result).map((fact) => `${fact.id} ${fact.source.line}:${fact.source.column}`)
const warning = (name: string, iconv: string) =>
  `${path}:1:1-1:1 warning The file is saved as ${name}, not UTF-8, and was read as such: save it as UTF-8 in your editor, or convert it with \`iconv -f ${iconv} -t UTF-8\` [encoding-not-utf8]`

test('the UTF-8 seed compiles clean, with its 128 facts', () => {
  expect(lines(baseline)).toEqual([])
  expect(notesOf(baseline.diagnostics)).toEqual(seedNotes)
  expect(facts(baseline)).toHaveLength(128)
})

describe('a report saved in another encoding gives the same facts, and one warning', () => {
  // prettier-ignore
  const cases: Array<[string, Uint8Array, string[]]> = [
    ['GB18030', encodeGb18030(seedText), [warning('GB18030 (GBK)', 'GB18030')]],
    ['UTF-16 LE with a byte order mark', utf16le(seedText), [warning('UTF-16 LE (it starts with a byte order mark)', 'UTF-16')]],
    ['UTF-16 BE with a byte order mark', utf16be(seedText), [warning('UTF-16 BE (it starts with a byte order mark)', 'UTF-16')]],
    ['UTF-8 with a byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(seedText)]), []],
    ['UTF-8 with CR line ends (classic Mac OS)', utf8(seedText.replace(/\n/g, '\r')), []]
  ]
  test.each(cases)('%s', (_name, bytes, expected) => {
    const result = compile(bytes)
    expect(lines(result)).toEqual(expected)
    expect(facts(result)).toEqual(facts(baseline))
  })

  test('CRLF line ends: the same facts at the same lines and columns', () => {
    const result = compile(utf8(seedText.replace(/\n/g, '\r\n')))
    expect(lines(result)).toEqual([])
    expect(where(result)).toEqual(where(baseline))
  })

  test('a registry saved as GB18030 is read too, with its own warning', () => {
    // The test's encoder knows GBK's two-byte codes only; ² and ³ (m², μg/m³) need four bytes in GB18030.
    const result = compile(
      utf8(seedText),
      encodeGb18030(registryBytes.toString('utf8').replace(/²/g, '2').replace(/³/g, '3'))
    )
    expect(lines(result)).toEqual([warning('GB18030 (GBK)', 'GB18030').replace(path, 'source/metrics.yaml')])
    expect(facts(result)).toEqual(facts(baseline))
  })
})

describe('bytes in no encoding factmark reads', () => {
  const overview = seedText.indexOf('生态环境质量稳定向好')
  const line = seedText.slice(0, overview).split('\n').length
  const column = overview - seedText.lastIndexOf('\n', overview - 1)
  const before = utf8(seedText.slice(0, overview))
  const after = utf8(seedText.slice(overview))
  const invalid = (byte: string) =>
    `${path}:${line}:${column}-${line}:${column + 1} error The file is not valid UTF-8: the byte 0x${byte} here cannot be read, and the file does not read as GB18030 Chinese either; save it as UTF-8 [encoding-invalid]`

  // prettier-ignore
  test.each([
    ['a byte that starts no character', Buffer.concat([before, Buffer.from([0xff]), after]), 'FF'],
    ['a character cut short', Buffer.concat([before, Buffer.from([0xe6, 0x88]), after]), 'E6'],
    ['a surrogate written as UTF-8 (CESU-8)', Buffer.concat([before, Buffer.from([0xed, 0xa0, 0x80]), after]), 'ED']
  ])('%s: one error at its line and column, and the report is not compiled', (_name, bytes, byte) => {
    const result = compile(bytes)
    // No metric of the registry is reported unused for want of this report's facts.
    expect(lines(result)).toEqual([invalid(byte)])
    expect(result.reports).toEqual([])
    expect(result.coverage).toEqual([{ path, tagged: 0, untagged: 0, read: false }])
  })

  test.each([
    [
      'French in Windows-1252, which GB18030 cannot decode',
      Buffer.from('Le cœur déçu mais l’âme bien née. '.repeat(20).replace(/[œ’]/g, 'e'), 'latin1'),
      1,
      10
    ],
    [
      'German in Latin-1, which GB18030 decodes to rare characters',
      Buffer.from('Größenwahn über Straßenbahnen in München. '.repeat(20), 'latin1'),
      1,
      3
    ]
  ])('%s: not taken for GB18030', (_name, bytes, line, column) => {
    const result = compileSources({
      reports: [{ path: 'latin.md', text: bytes }],
      registry: { path: 'source/metrics.yaml', text: registryBytes }
    })
    expect(result.diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual([['encoding-invalid', line, column]])
  })

  test('a UTF-16 file cut in the middle of a character', () => {
    // The byte order mark, 11 characters, and the first byte of 测.
    const bytes = utf16le('---\ntitle: 测试\n').subarray(0, 2 + 2 * 11 + 1)
    expect(decodeText(bytes)).toEqual({ text: '---\ntitle: \uFFFD', encoding: 'utf-16le', invalidAt: 11 })
  })
})

describe('control characters', () => {
  const at = seedText.indexOf('生态环境质量稳定向好')
  const line = seedText.slice(0, at).split('\n').length
  const column = at - seedText.lastIndexOf('\n', at - 1)

  test('each is an error at its position; the report is still checked, so its other errors show too', () => {
    const text = `${seedText.slice(0, at)}\u0000\u001b[2J${seedText.slice(at)}`.replace(
      '{metric=air.pm25 ',
      '{metric=air.pm2.5 '
    )
    const result = compile(utf8(text))
    const own = lines(result).filter((entry) => entry.startsWith(path))
    expect(own.slice(0, 2)).toEqual([
      `${path}:${line}:${column}-${line}:${column + 1} error The control character U+0000 (NUL) stands here: delete it [control-character]`,
      `${path}:${line}:${column + 1}-${line}:${column + 2} error The control character U+001B (ESC) stands here: delete it [control-character]`
    ])
    expect(own.slice(2).map((entry) => entry.replace(/.*\[/, '['))).toEqual(['[unknown-metric]'])
    expect(result.reports).toEqual([])
  })

  test('after ten, the rest are counted in one error', () => {
    const result = compile(utf8(`${seedText.slice(0, at)}${'\u0007'.repeat(25)}${seedText.slice(at)}`))
    const messages = problemsOf(result.diagnostics).map((d) => `${d.line}:${d.column} ${d.message}`)
    expect(messages).toHaveLength(11)
    expect(messages[9]).toBe(`${line}:${column + 9} The control character U+0007 (BEL) stands here: delete it`)
    expect(messages[10]).toBe(`${line}:${column + 10} 15 more such characters from here on: delete them`)
  })

  test('DEL, C1 controls and noncharacters count, tab does not', () => {
    const result = compile(utf8(`${seedText.slice(0, at)}\t\u007f\u0085\uFDD0\uFFFE\u{10FFFF}${seedText.slice(at)}`))
    expect(
      problemsOf(result.diagnostics).map((d) => `${d.column - column}-${d.endColumn - column} ${d.message}`)
    ).toEqual([
      '1-2 The control character U+007F (DEL) stands here: delete it',
      '2-3 The control character U+0085 stands here: delete it',
      '3-4 The noncharacter U+FDD0 stands here: delete it',
      '4-5 The noncharacter U+FFFE stands here: delete it',
      '5-7 The noncharacter U+10FFFF stands here: delete it'
    ])
  })

  test('a lone surrogate, which only text handed over as a string can hold', () => {
    const result = compileSources({
      reports: [{ path, text: `${seedText.slice(0, at)}\uD800${seedText.slice(at)}` }],
      registry: { path: 'source/metrics.yaml', text: registryBytes }
    })
    expect(problemsOf(result.diagnostics).map((d) => d.message)).toEqual([
      'The lone surrogate U+D800 stands here: delete it'
    ])
  })

  test('in the registry too', () => {
    const registry = registryBytes.toString('utf8').replace('kind: quantity', 'kind: quantity\u0000')
    const result = compile(utf8(seedText), utf8(registry))
    expect(problemsOf(result.diagnostics).map((d) => `${d.file} ${d.ruleId}`)).toEqual([
      'source/metrics.yaml control-character'
    ])
  })

  test('UTF-16 saved without a byte order mark: Chinese text is not UTF-8, and ASCII text is full of NULs', () => {
    expect(compile(Buffer.from(seedText, 'utf16le')).diagnostics.map((d) => [d.ruleId, d.line])).toEqual([
      ['encoding-invalid', 2]
    ])
    const ascii = compile(Buffer.from('# Notes\n\nNothing but ASCII.\n', 'utf16le')).diagnostics.map((d) => d.ruleId)
    expect(ascii).toEqual(['front-matter-invalid', ...Array<string>(11).fill('control-character')])
  })
})

test('no bytes make the compiler throw, and every diagnostic has a position in the decoded text', () => {
  // Bytes near the encodings' edges: byte order marks, UTF-8 lead and trail bytes, GB18030
  // four-byte sequences, controls.
  const edgy = fc.constantFrom(
    0x00,
    0x0a,
    0x0d,
    0x1b,
    0x2d,
    0x30,
    0x39,
    0x7f,
    0x80,
    0x81,
    0xa1,
    0xb0,
    0xbf,
    0xc2,
    0xe0,
    0xed,
    0xef,
    0xbb,
    0xf0,
    0xf4,
    0xfe,
    0xff
  )
  const bytes = fc
    .array(fc.oneof(fc.integer({ min: 0, max: 255 }), edgy), { maxLength: 300 })
    .map((list) => Uint8Array.from(list))
  const frontMatter = utf8(
    '---\ntitle: 测试\nissuer: 测试局\nentity: 测试市\nperiod: "2025"\nlanguage: zh-CN\nslug: test\n---\n\n'
  )
  fc.assert(
    fc.property(bytes, bytes, fc.boolean(), (report, registry, withFrontMatter) => {
      const text = withFrontMatter ? Buffer.concat([frontMatter, report]) : report
      for (const result of [compile(text), compile(utf8(seedText), registry)]) {
        for (const file of result.files) {
          const lines = String(file.value).split(/\r\n|\r|\n/).length
          for (const message of file.messages) {
            const line = message.line ?? 1
            expect(line).toBeGreaterThanOrEqual(1)
            expect(line).toBeLessThanOrEqual(lines)
            expect(message.column ?? 1).toBeGreaterThanOrEqual(1)
          }
        }
      }
    }),
    { numRuns: 200 }
  )
})
