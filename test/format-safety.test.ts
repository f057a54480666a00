import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { codeFrame, sourceLines } from '../src/cli/format/code-frame.js'
import { formatGithub } from '../src/cli/format/github.js'
import { formatJson } from '../src/cli/format/json.js'
import { guardLine, jsonText, printable, terminalText } from '../src/cli/format/printable.js'
import { formatSuggestions } from '../src/cli/format/suggestions.js'
import { formatText } from '../src/cli/format/text.js'
import type { Suggestions } from '../src/suggest/suggest.js'
import type { Diagnostic } from '../src/model/compiled.js'

const ESC = '\u001b'
const BEL = '\u0007'

describe('printable: control and bidirectional characters are written as \\u{…}', () => {
  // prettier-ignore
  test.each([
    ['a terminal title', `${ESC}]0;title${BEL}`, '\\u{1b}]0;title\\u{7}'],
    ['clear screen', `${ESC}[2J`, '\\u{1b}[2J'],
    ['a tab is one space', 'a\tb', 'a b'],
    ['line feed', 'a\nb', 'a\\u{a}b'],
    ['carriage return', 'a\rb', 'a\\u{d}b'],
    ['NUL', 'a\u0000b', 'a\\u{0}b'],
    ['DEL', 'a\u007fb', 'a\\u{7f}b'],
    ['C1 CSI', '\u009b31m', '\\u{9b}31m'],
    ['C1 NEL', 'a\u0085b', 'a\\u{85}b'],
    ['right-to-left override', 'abc\u202edef\u202c', 'abc\\u{202e}def\\u{202c}'],
    ['isolates', '\u2066\u2067\u2068\u2069', '\\u{2066}\\u{2067}\\u{2068}\\u{2069}'],
    ['marks', '\u200e\u200f\u061c', '\\u{200e}\\u{200f}\\u{61c}'],
    ['Chinese text, full-width and ideographic space stay', '厦门市PM2.5浓度为17.4微克/立方米，　同比', '厦门市PM2.5浓度为17.4微克/立方米，　同比'],
    ['emoji stay', '✔ 👍', '✔ 👍']
  ])('%s', (_, input, output) => {
    expect(printable(input)).toBe(output)
  })
})

describe('guardLine: no line a CI runner would execute', () => {
  // prettier-ignore
  test.each([
    ['::error::x', '\\u{3a}:error::x'],
    ['  ::warning file=a::x', '  \\u{3a}:warning file=a::x'],
    ['\u3000::notice::x', '\u3000\\u{3a}:notice::x'],
    ['::', '\\u{3a}:'],
    ['see ##[error]x', 'see ##\\u{5b}error]x'],
    ['###[stop-commands]t', '###\\u{5b}stop-commands]t'],
    ['a ::b', 'a ::b'],
    [':x', ':x'],
    ['# [x]', '# [x]']
  ])('%j', (input, output) => {
    expect(guardLine(input)).toBe(output)
  })

  test('terminalText keeps line breaks and guards each line', () => {
    expect(terminalText(`factmark: Cannot read a\n::error::x.md${ESC}[2J: no such file\n`)).toBe(
      'factmark: Cannot read a\n\\u{3a}:error::x.md\\u{1b}[2J: no such file\n'
    )
  })
})

describe('the code frame shows escapes and keeps the caret under the span', () => {
  // prettier-ignore
  test.each([
    ['escape sequences before the span', `${ESC}]0;t${BEL}前${ESC}[2J:fact[1]`, 12, 19, ['  1 | \\u{1b}]0;t\\u{7}前\\u{1b}[2J:fact[1]', '    |                           ^^^^^^^']],
    ['a bidi override inside the span', `值为:fact[\u202e17]{metric=x}`, 3, 23, ['  1 | 值为:fact[\\u{202e}17]{metric=x}', '    |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^']],
    ['a tab is one column', `\t\t:fact[1]`, 3, 10, ['  1 |   :fact[1]', '    |   ^^^^^^^']],
    ['a lone CR ends a line, as positions count it', 'a\rb :fact[1]\n', 2, 2, ['  2 | b :fact[1]', '    |  ^']],
    ['a runner command in the source', '##[error]x :fact[1]', 12, 19, ['  1 | ##\\u{5b}error]x :fact[1]', '    |                 ^^^^^^^']]
  ])('%s', (_, source, column, endColumn, lines) => {
    const line = source.includes('\r') ? 2 : 1
    expect(codeFrame(sourceLines(source)[line - 1], line, column, line, endColumn)).toBe(lines.join('\n'))
  })
})

const hostile: Diagnostic = {
  file: '::error file=a.md::b.md',
  line: 2,
  column: 23,
  endLine: 2,
  endColumn: 31,
  severity: 'error',
  ruleId: 'unknown-metric',
  message: `Unknown metric "x\n::error::injected${ESC}[2J"`,
  fix: `Fix it \u009b31m\u202eelbisivni`,
  url: 'docs/rules.md#unknown-metric'
}
const hostileSource = `---\n${ESC}]0;pwned${BEL}厦门 ##[error]:fact[1]{metric=x}\n`

describe('every format prints hostile text safely', () => {
  test('text', () => {
    expect(formatText([hostile], new Map([[hostile.file, hostileSource]]))).toBe(
      [
        '\\u{3a}:error file=a.md::b.md:2:23 error Unknown metric "x\\u{a}::error::injected\\u{1b}[2J" [unknown-metric]',
        '  2 | …]0;pwned\\u{7}厦门 ##\\u{5b}error]:fact[1]{metric=x}',
        '    |                                  ^^^^^^^^',
        '  fix: Fix it \\u{9b}31m\\u{202e}elbisivni (docs/rules.md#unknown-metric)',
        '',
        '✖ 1 error, 0 warnings',
        ''
      ].join('\n')
    )
  })

  test('json: valid, the exact strings, no raw C1 or bidirectional controls, no ##[', () => {
    const output = formatJson([hostile])
    expect(output).toContain('"message": "Unknown metric \\"x\\n::error::injected\\u001b[2J\\""')
    expect(output).toContain('"fix": "Fix it \\u009b31m\\u202eelbisivni"')
    expect(JSON.parse(output)).toEqual({ errorCount: 1, warningCount: 0, infoCount: 0, diagnostics: [hostile] })
    expect(jsonText({ a: '##[error]x' })).toBe('{\n  "a": "##\\u005berror]x"\n}\n')
  })

  test('github: one workflow command per diagnostic, fields escaped', () => {
    expect(formatGithub([hostile])).toBe(
      '::error file=%3A%3Aerror file=a.md%3A%3Ab.md,line=2,col=23,endLine=2,endColumn=31,title=unknown-metric::Unknown metric "x\\u{a}::error::injected\\u{1b}[2J"%0AFix it \\u{9b}31m\\u{202e}elbisivni (docs/rules.md#unknown-metric)\n'
    )
  })

  const suggestions: Suggestions[] = [
    {
      path: `::warning::${ESC}[2Jx.txt`,
      untagged: [
        {
          start: { line: 1, column: 3, offset: 2 },
          end: { line: 1, column: 6, offset: 5 },
          text: '205个',
          figure: { kind: 'count', value: 205, unit: '1', scale: 1, decimals: 0 },
          proposal: ':fact[205个]{metric=x\u202e}'
        }
      ]
    } as unknown as Suggestions
  ]

  test.each([
    [
      'text',
      '\\u{3a}:warning::\\u{1b}[2Jx.txt:1:3  205个  :fact[205个]{metric=x\\u{202e}}\n1 untagged figure in 1 file\n'
    ],
    [
      'github',
      '::notice file=%3A%3Awarning%3A%3A\\u{1b}[2Jx.txt,line=1,col=3,title=untagged-figure::205个 → :fact[205个]{metric=x\\u{202e}}\n'
    ]
  ] as const)('suggest as %s', (format, output) => {
    expect(formatSuggestions(suggestions, format)).toBe(output)
  })

  test('suggest as json', () => {
    const output = formatSuggestions(suggestions, 'json')
    expect(output).toContain('"file": "::warning::\\u001b[2Jx.txt"')
    expect(output).toContain('"proposal": ":fact[205个]{metric=x\\u202e}"')
  })
})

describe('no input gets a raw control or a runner command into the output', () => {
  const anyText = fc.string({
    unit: fc.oneof(
      fc.constantFrom('\n', '\r', '\t', ESC, BEL, '\u009b', '\u202e', '\u2066', ':', '#', '[', ' ', '\u3000', '厦'),
      fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code))
    )
  })
  const diagnostic = fc.record({
    file: anyText,
    message: anyText,
    fix: anyText,
    line: fc.integer({ min: 1, max: 3 }),
    column: fc.integer({ min: 1, max: 20 }),
    width: fc.integer({ min: 0, max: 10 })
  })
  const rawControl = /[\p{Cc}\p{Bidi_Control}]/u
  const toDiagnostic = (d: {
    file: string
    message: string
    fix: string
    line: number
    column: number
    width: number
  }): Diagnostic => ({
    file: d.file,
    line: d.line,
    column: d.column,
    endLine: d.line,
    endColumn: d.column + d.width,
    severity: 'error',
    ruleId: 'unknown-metric',
    message: d.message,
    fix: d.fix
  })

  test('text', () => {
    fc.assert(
      fc.property(diagnostic, anyText, (d, source) => {
        const lines = formatText([toDiagnostic(d)], new Map([[d.file, source]])).split('\n')
        for (const line of lines) {
          expect(line).not.toMatch(/^\s*::/u)
          expect(line).not.toContain('##[')
          expect(line).not.toMatch(rawControl)
        }
      })
    )
  })

  test('github: exactly one line, a command of ours', () => {
    fc.assert(
      fc.property(diagnostic, (d) => {
        const output = formatGithub([toDiagnostic(d)])
        expect(output.endsWith('\n')).toBe(true)
        expect(output.slice(0, -1)).not.toMatch(/[\n\r]/)
        expect(output).toMatch(/^::error file=[^:,]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=unknown-metric::/)
        expect(output.slice(0, -1)).not.toMatch(rawControl)
      })
    )
  })

  test('json: parses back to the same strings', () => {
    fc.assert(
      fc.property(diagnostic, (d) => {
        const output = formatJson([toDiagnostic(d)])
        expect(output).not.toContain('##[')
        for (const line of output.split('\n')) expect(line).not.toMatch(/^\s*::/u)
        expect(output).not.toMatch(/(?!\n)[\p{Cc}\p{Bidi_Control}]/u)
        expect((JSON.parse(output) as { diagnostics: Diagnostic[] }).diagnostics[0]).toEqual(toDiagnostic(d))
      })
    )
  })
})
