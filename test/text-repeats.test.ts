import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { formatText, type NotesTold } from '../src/cli/format/text.js'
import type { Diagnostic } from '../src/model/compiled.js'
import { runCli } from './helpers/run-cli.js'
import { seedNotes, writeSeedProject } from './helpers/seed.js'

function diagnostic(file: string, line: number, severity: Diagnostic['severity'], ruleId: string): Diagnostic {
  return { file, line, column: 3, endLine: line, endColumn: 9, severity, ruleId, message: `m${line}` }
}

const unused = (line: number) => diagnostic('metrics.yaml', line, 'warning', 'metric-unused')

test('a watch prints a note once: the next build counts the notes it printed before, and prints errors, warnings and new notes', () => {
  const notesShown: NotesTold = new Map()
  const note = diagnostic('report.md', 1, 'info', 'change-base-unpublished')
  const warning = unused(2)
  expect(formatText([note, warning], new Map(), { notesShown })).toBe(
    'report.md:1:3 info m1 [change-base-unpublished]\n\nmetrics.yaml:2:3 warning m2 [metric-unused]\n\n⚠ 0 errors, 1 warning, 1 note\n'
  )
  const other = diagnostic('report.md', 3, 'info', 'target-pending')
  expect(formatText([note, warning, other], new Map(), { notesShown })).toBe(
    'metrics.yaml:2:3 warning m2 [metric-unused]\n\nreport.md:3:3 info m3 [target-pending]\n\n(1 note as before, not shown again)\n\n⚠ 0 errors, 1 warning, 2 notes\n'
  )
  // A note whose words change is new.
  expect(formatText([{ ...note, message: 'm1 again' }], new Map(), { notesShown })).toBe(
    'report.md:1:3 info m1 again [change-base-unpublished]\n\n✔ no problems, 1 note\n'
  )
})

test('a watch that counted notes in a line of repeats says so the next time, rather than that it showed them', () => {
  const notesShown: NotesTold = new Map()
  const notes = [1, 2, 3, 4, 5].map((line) => diagnostic('report.md', line, 'info', 'change-base-unpublished'))
  expect(formatText(notes, new Map(), { notesShown })).toBe(
    'report.md:1:3 info m1 [change-base-unpublished]\n\n… and 4 more change-base-unpublished notes in report.md (--verbose lists them)\n\n✔ no problems, 5 notes\n'
  )
  expect(formatText(notes, new Map(), { notesShown })).toBe(
    '(5 notes as before: 1 not shown again, 4 counted then and not listed)\n\n✔ no problems, 5 notes\n'
  )
  const counted = notes.slice(1)
  expect(formatText(counted, new Map(), { notesShown: new Map(notesShown) })).toBe(
    '(4 notes as before, counted then and not listed)\n\n✔ no problems, 4 notes\n'
  )
})

describe('text output: a rule that repeats in a file shows once, with a count', () => {
  // prettier-ignore
  const cases: Array<[string, Diagnostic[], string]> = [
    [
      'three of a rule in a file are all shown',
      [unused(1), unused(2), unused(3)],
      'metrics.yaml:1:3 warning m1 [metric-unused]\n\nmetrics.yaml:2:3 warning m2 [metric-unused]\n\nmetrics.yaml:3:3 warning m3 [metric-unused]\n\n⚠ 0 errors, 3 warnings\n'
    ],
    [
      'four: the first, and the three others counted',
      [unused(1), unused(2), unused(3), unused(4)],
      'metrics.yaml:1:3 warning m1 [metric-unused]\n\n… and 3 more metric-unused warnings in metrics.yaml (--verbose lists them)\n\n⚠ 0 errors, 4 warnings\n'
    ],
    [
      'the count stands where the first one is; the other rules and files keep their places',
      [
        diagnostic('report.md', 2, 'warning', 'untagged-figure'),
        unused(1),
        diagnostic('metrics.yaml', 2, 'warning', 'metric-definition-missing'),
        unused(5), unused(9), unused(12), unused(20),
        diagnostic('other.yaml', 1, 'warning', 'metric-unused')
      ],
      'report.md:2:3 warning m2 [untagged-figure]\n\nmetrics.yaml:1:3 warning m1 [metric-unused]\n\n… and 4 more metric-unused warnings in metrics.yaml (--verbose lists them)\n\nmetrics.yaml:2:3 warning m2 [metric-definition-missing]\n\nother.yaml:1:3 warning m1 [metric-unused]\n\n⚠ 0 errors, 8 warnings\n'
    ],
    [
      'notes collapse the same way, and are called notes',
      [1, 2, 3, 4, 5].map((line) => diagnostic('report.md', line, 'info', 'target-pending')),
      'report.md:1:3 info m1 [target-pending]\n\n… and 4 more target-pending notes in report.md (--verbose lists them)\n\n✔ no problems, 5 notes\n'
    ],
    [
      'errors are never collapsed: each is something to fix at its place',
      [1, 2, 3, 4].map((line) => diagnostic('report.md', line, 'error', 'unknown-metric')),
      'report.md:1:3 error m1 [unknown-metric]\n\nreport.md:2:3 error m2 [unknown-metric]\n\nreport.md:3:3 error m3 [unknown-metric]\n\nreport.md:4:3 error m4 [unknown-metric]\n\n✖ 4 errors, 0 warnings\n'
    ],
    [
      'a warning and a note of one rule are counted apart',
      [
        ...[1, 2, 3, 4].map((line) => diagnostic('report.md', line, 'info', 'change-base-unpublished')),
        diagnostic('report.md', 5, 'warning', 'change-base-unpublished')
      ],
      'report.md:1:3 info m1 [change-base-unpublished]\n\n… and 3 more change-base-unpublished notes in report.md (--verbose lists them)\n\nreport.md:5:3 warning m5 [change-base-unpublished]\n\n⚠ 0 errors, 1 warning, 4 notes\n'
    ]
  ]
  test.each(cases)('%s', (_name, diagnostics, expected) => {
    expect(formatText(diagnostics, new Map())).toBe(expected)
  })

  test('--verbose (verbose: true) lists every one', () => {
    const diagnostics = [unused(1), unused(2), unused(3), unused(4)]
    expect(formatText(diagnostics, new Map(), { verbose: true })).toBe(
      'metrics.yaml:1:3 warning m1 [metric-unused]\n\nmetrics.yaml:2:3 warning m2 [metric-unused]\n\nmetrics.yaml:3:3 warning m3 [metric-unused]\n\nmetrics.yaml:4:3 warning m4 [metric-unused]\n\n⚠ 0 errors, 4 warnings\n'
    )
  })

  test('a file name or rule that holds control characters is printed escaped in the count', () => {
    const diagnostics = [1, 2, 3, 4].map((line) => diagnostic('a\u001b[2Jb.md', line, 'warning', 'x\u0007'))
    expect(formatText(diagnostics, new Map()).split('\n\n')[1]).toBe(
      '… and 3 more x\\u{7} warnings in a\\u{1b}[2Jb.md (--verbose lists them)'
    )
  })
})

describe('text output: a rule that repeats in many files shows in the first five, with a count of the others', () => {
  const note = (file: number, line: number, ruleId = 'target-pending') =>
    diagnostic(`r${String(file).padStart(2, '0')}.md`, line, 'info', ruleId)
  const heads = (text: string) => text.split('\n\n').map((block) => block.split('\n')[0])

  test('in five files all are shown; in seven, those of the two last are counted', () => {
    const five = [1, 2, 3, 4, 5].map((file) => note(file, 1))
    expect(heads(formatText(five, new Map()))).toEqual([
      ...[1, 2, 3, 4, 5].map((file) => `r0${file}.md:1:3 info m1 [target-pending]`),
      '✔ no problems, 5 notes'
    ])
    const seven = [1, 2, 3, 4, 5, 6, 7].flatMap((file) => [note(file, 1), note(file, 2)])
    expect(heads(formatText(seven, new Map()))).toEqual([
      ...[1, 2, 3, 4, 5].flatMap((file) => [
        `r0${file}.md:1:3 info m1 [target-pending]`,
        `r0${file}.md:2:3 info m2 [target-pending]`
      ]),
      '… and 4 more target-pending notes in 2 other files (--verbose lists them)',
      '✔ no problems, 14 notes'
    ])
  })

  test('the count of a file collapsed in itself is taken in whole; other rules and errors keep their places', () => {
    const diagnostics = [
      ...[1, 2, 3, 4, 5].map((file) => note(file, 1)),
      note(6, 1, 'change-base-unpublished'),
      diagnostic('r06.md', 2, 'error', 'unknown-metric'),
      ...[1, 2, 3, 4, 5].map((line) => note(6, line + 2)),
      note(7, 1)
    ]
    expect(heads(formatText(diagnostics, new Map()))).toEqual([
      ...[1, 2, 3, 4, 5].map((file) => `r0${file}.md:1:3 info m1 [target-pending]`),
      '… and 6 more target-pending notes in 2 other files (--verbose lists them)',
      'r06.md:1:3 info m1 [change-base-unpublished]',
      'r06.md:2:3 error m2 [unknown-metric]',
      '✖ 1 error, 0 warnings, 12 notes'
    ])
  })

  test('one more in one other file is said in the singular; --verbose lists every one', () => {
    const six = [1, 2, 3, 4, 5, 6].map((file) => diagnostic(`r${file}.md`, 1, 'warning', 'untagged-figure'))
    expect(heads(formatText(six, new Map())).at(-2)).toBe(
      '… and 1 more untagged-figure warning in 1 other file (--verbose lists them)'
    )
    expect(heads(formatText(six, new Map(), { verbose: true }))).toHaveLength(7)
  })
})

describe('factmark check and build with a registry that serves other reports', () => {
  let cwd: string
  // Six metrics the seed does not use, as a registry shared with other reports has.
  const extra = Array.from(
    { length: 6 },
    (_, index) =>
      `  other.metric_${index}:\n    label: { zh: 其他指标${index}, en: Other metric ${index} }\n    definition: { zh: 另一份报告的指标。, en: A metric of another report. }\n    kind: count\n    unit: "1"\n    better: neutral\n`
  ).join('')

  beforeEach(() => {
    cwd = mkdtempSync(path.join(tmpdir(), 'factmark-repeats-'))
    writeSeedProject(cwd)
    const registry = path.join(cwd, 'source/metrics.yaml')
    writeFileSync(registry, readFileSync(registry, 'utf8').replace('metrics:\n', `metrics:\n${extra}`))
  })
  afterEach(() => rmSync(cwd, { recursive: true, force: true }))

  /**
   * The lines of text output that start a message or count left-out ones; the seed's notes, whose
   * wording other tests pin, as `file:line:column severity rule`.
   */
  const heads = (stdout: string) =>
    stdout
      .split('\n')
      .filter((line) => /^(source\/|…|✔|✖|⚠)/.test(line))
      .map((line) => line.replace(/^(source\/xiamen-2025\.md:\d+:\d+ info) .* \[([a-z-]+)\]$/, '$1 $2'))

  test('check shows the first unused metric and counts the five others', async () => {
    const { code, stdout, stderr } = await runCli(cwd, 'check')
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
    expect(heads(stdout)).toEqual([
      'source/metrics.yaml:7:3 warning The metric "other.metric_0" is used by no report [metric-unused]',
      '… and 5 more metric-unused warnings in source/metrics.yaml (--verbose lists them)',
      ...seedNotes,
      '⚠ 0 errors, 6 warnings, 3 notes'
    ])
  })

  test('check --verbose lists all six', async () => {
    const { stdout } = await runCli(cwd, 'check', '--verbose')
    expect(heads(stdout).filter((line) => line.endsWith('[metric-unused]'))).toEqual(
      [0, 1, 2, 3, 4, 5].map(
        (index) =>
          `source/metrics.yaml:${7 + index * 6}:3 warning The metric "other.metric_${index}" is used by no report [metric-unused]`
      )
    )
    expect(stdout).not.toContain('more metric-unused')
  })

  test('build --verbose is accepted, and collapses nothing', async () => {
    const quiet = await runCli(cwd, 'build', '--out', 'quiet')
    const verbose = await runCli(cwd, 'build', '--verbose')
    expect([quiet.code, verbose.code]).toEqual([0, 0])
    expect(heads(quiet.stdout).filter((line) => line.includes('metric-unused'))).toHaveLength(2)
    expect(heads(verbose.stdout).filter((line) => line.includes('metric-unused'))).toHaveLength(6)
  })

  test('JSON and github output keep every record', async () => {
    const json = JSON.parse((await runCli(cwd, 'check', '--format', 'json')).stdout) as { diagnostics: Diagnostic[] }
    expect(json.diagnostics.filter((d) => d.ruleId === 'metric-unused')).toHaveLength(6)
    const github = (await runCli(cwd, 'check', '--format', 'github')).stdout
    expect(github.split('\n').filter((line) => line.includes('title=metric-unused'))).toHaveLength(6)
  })

  test('verify takes no --verbose', async () => {
    const { code, stderr } = await runCli(cwd, 'verify', '--verbose')
    expect(code).toBe(2)
    expect(stderr.split('\n')[0]).toBe('factmark: --verbose does not apply to verify')
  })
})
