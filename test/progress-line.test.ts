import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { writeCorpus } from '../bench/corpus.mjs'
import type { BuildProgress } from '../src/build/build-progress.js'
import { build } from '../src/index.js'
import { cutToWidth } from '../src/cli/format/character-width.js'
import { main, type Io } from '../src/cli/main.js'
import { progressLine } from '../src/cli/progress-line.js'

const step = (name: string, wallMs: number): BuildProgress => ({ kind: 'step', step: { step: name, wallMs, cpuMs: 0 } })
const compiled = (count: number, of: number): BuildProgress => ({ kind: 'compiled', compiled: count, of })

describe('progressLine', () => {
  test.each([
    {
      what: 'a step ended is always shown, with its time on the wall',
      events: [
        [0, step('read the sources', 20)],
        [1, step('compile 2 reports on 2 threads', 24_349)]
      ],
      lines: [
        'factmark: building: read the sources done in 0.0 s',
        'factmark: building: compile 2 reports on 2 threads done in 24.3 s'
      ]
    },
    {
      what: 'reports compiled are shown at most every 100 ms, and the last one always',
      events: [
        [0, compiled(1, 4)],
        [50, compiled(2, 4)],
        [100, compiled(3, 4)],
        [120, compiled(4, 4)]
      ],
      lines: [
        'factmark: building: 1 of 4 reports compiled',
        'factmark: building: 3 of 4 reports compiled',
        'factmark: building: 4 of 4 reports compiled'
      ]
    },
    {
      what: 'the wait counts from the last line shown, a step too',
      events: [
        [0, step('read the sources', 10)],
        [60, compiled(1, 3)],
        [110, compiled(2, 3)]
      ],
      lines: ['factmark: building: read the sources done in 0.0 s', 'factmark: building: 2 of 3 reports compiled']
    },
    {
      what: 'one report',
      events: [[0, compiled(1, 1)]],
      lines: ['factmark: building: 1 of 1 report compiled']
    }
  ] as Array<{ what: string; events: Array<[number, BuildProgress]>; lines: string[] }>)(
    '$what',
    ({ events, lines }) => {
      const shown: string[] = []
      let now = 0
      const line = progressLine({ status: (text) => void shown.push(text) }, { now: () => now })
      for (const [at, progress] of events) {
        now = at
        line.show(progress)
      }
      expect(shown).toEqual(lines)
    }
  )

  test('with a wait, a build shows nothing until it has gone on that long; the wait starts again with each build', () => {
    const shown: string[] = []
    let now = 0
    const line = progressLine({ status: (text) => void shown.push(text) }, { now: () => now, after: 500 })
    const at = (time: number, progress: BuildProgress) => {
      now = time
      line.show(progress)
    }
    at(1000, step('check the output folder', 1))
    at(1100, compiled(1, 1))
    at(1200, step('publish', 90))
    line.clear()
    expect(shown).toEqual([])
    at(9000, step('check the output folder', 1))
    at(9400, compiled(1, 1000))
    at(9500, compiled(2, 1000))
    at(9550, compiled(3, 1000))
    line.clear()
    expect(shown).toEqual(['factmark: building: 2 of 1000 reports compiled', ''])
  })

  test('clear takes the line away once, and only when one was shown', () => {
    const shown: string[] = []
    const line = progressLine({ status: (text) => void shown.push(text) }, { now: () => 0 })
    line.clear()
    expect(shown).toEqual([])
    line.show(compiled(1, 2))
    line.clear()
    line.clear()
    expect(shown).toEqual(['factmark: building: 1 of 2 reports compiled', ''])
  })
})

describe('a progress line on a terminal of few columns', () => {
  // The line is 'factmark: building: 300 of 300 reports compiled', 47 columns.
  test.each([
    { columns: 80, shown: 'factmark: building: 300 of 300 reports compiled' },
    { columns: 48, shown: 'factmark: building: 300 of 300 reports compiled' },
    // The last column is left free: a line that fills it wraps on some terminals.
    { columns: 47, shown: 'factmark: building: 300 of 300 reports...' },
    // Cut after a whole word: a number cut short ('300 of 30') would say another thing.
    { columns: 30, shown: 'factmark: building: 300 of...' },
    { columns: 29, shown: 'factmark: building: 300...' },
    { columns: 10, shown: 'factmark:' },
    // Where no word fits, anywhere.
    { columns: 6, shown: 'factm' },
    { columns: 1, shown: '' },
    // A terminal that does not say how wide it is (0, or nothing) gets the whole line.
    { columns: 0, shown: 'factmark: building: 300 of 300 reports compiled' },
    { columns: undefined, shown: 'factmark: building: 300 of 300 reports compiled' }
  ])('$columns columns', ({ columns, shown }) => {
    const lines: string[] = []
    progressLine({ status: (line) => void lines.push(line), columns: () => columns }).show(compiled(300, 300))
    expect(lines).toEqual([shown])
  })

  test('the width is asked at each line: the terminal may have been resized', () => {
    const lines: string[] = []
    let columns = 80
    let now = 0
    const line = progressLine({ status: (text) => void lines.push(text), columns: () => columns }, { now: () => now })
    line.show(compiled(1, 4))
    columns = 30
    now = 200
    line.show(compiled(2, 4))
    expect(lines).toEqual(['factmark: building: 1 of 4 reports compiled', 'factmark: building: 2 of 4...'])
  })
})

describe('cutToWidth', () => {
  test.each([
    { line: 'abcdef', columns: 4, cut: 'abcd' },
    { line: 'abc', columns: 4, cut: 'abc' },
    // A wide character that would pass the last column is left out whole.
    { line: 'ab厦门', columns: 5, cut: 'ab厦' },
    { line: 'ab厦门', columns: 4, cut: 'ab厦' },
    { line: 'ab厦门', columns: 3, cut: 'ab' },
    { line: 'a😀b', columns: 3, cut: 'a😀' },
    { line: 'a😀b', columns: 2, cut: 'a' }
  ])('$line in $columns columns: $cut', ({ line, columns, cut }) => {
    expect(cutToWidth(line, columns)).toBe(cut)
  })
})

describe('a build tells its progress', () => {
  let cwd: string
  beforeEach(() => {
    cwd = mkdtempSync(path.join(tmpdir(), 'factmark-progress-'))
    writeCorpus(path.join(cwd, 'source'), 3)
    // The project's own cache, in its node_modules (see defaultCacheFolder).
    mkdirSync(path.join(cwd, 'node_modules'))
  })
  afterEach(() => rmSync(cwd, { recursive: true, force: true }))

  const progressOf = async (extra: { cache?: boolean } = {}) => {
    const told: string[] = []
    const outcome = await build({
      cwd,
      cacheFolder: path.join(cwd, 'cache'),
      threads: 0,
      ...extra,
      onProgress: (progress) =>
        told.push(progress.kind === 'step' ? progress.step.step : `${progress.compiled}/${progress.of}`)
    })
    expect(outcome.ok).toBe(true)
    return told
  }

  test('each report it compiles, then each step as --timings names it; with nothing changed, its steps alone', async () => {
    const site = ['rules across reports', 'catalog and series', 'tables of every fact', 'manifest', 'publish']
    expect(await progressOf()).toEqual([
      'check the output folder',
      'read the sources',
      '1/3',
      '2/3',
      '3/3',
      'compile 3 reports',
      ...site
    ])
    expect(await progressOf()).toEqual(['check the output folder', 'read the sources', 'compare with the last build'])
    // A report edited is the one compiled.
    const edited = path.join(cwd, 'source/report-00002.md')
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\n新增一句。\n`)
    expect(await progressOf()).toEqual([
      'check the output folder',
      'read the sources',
      '1/1',
      'compile 1 report, take 2 from earlier builds',
      ...site
    ])
  })

  test('on a terminal, the command shows the line and takes it away before it prints what it built', async () => {
    const { io, printed } = terminalIo(cwd)
    expect(await main(['build', '--format', 'json'], io)).toBe(0)
    const firstOther = printed.findIndex((entry) => !entry.startsWith('status '))
    const lines = printed.slice(0, firstOther).map((entry) => entry.slice('status '.length))
    // How many compiled reports are shown depends on how fast they compile: the last always is.
    const compiledLines = lines.filter((line) => / reports? compiled$/.test(line))
    expect(compiledLines.at(-1)).toBe('factmark: building: 3 of 3 reports compiled')
    expect(compiledLines.every((line) => /^factmark: building: [123] of 3 reports compiled$/.test(line))).toBe(true)
    expect(
      lines.filter((line) => !compiledLines.includes(line)).map((line) => line.replace(/\d+\.\d s$/, 'N s'))
    ).toEqual([
      'factmark: building: check the output folder done in N s',
      'factmark: building: read the sources done in N s',
      'factmark: building: compile 3 reports done in N s',
      'factmark: building: rules across reports done in N s',
      'factmark: building: catalog and series done in N s',
      'factmark: building: tables of every fact done in N s',
      'factmark: building: manifest done in N s',
      'factmark: building: publish done in N s',
      ''
    ])
    // Reports are shown as they compile, before the step that compiles them ends.
    const lastCompiled = lines.indexOf('factmark: building: 3 of 3 reports compiled')
    expect(lines[lastCompiled + 1]).toMatch(/^factmark: building: compile 3 reports done in /)
    expect(printed.slice(firstOther).some((entry) => entry.startsWith('status '))).toBe(false)
    expect(printed.at(-1)).toMatch(/^stderr factmark: wrote \d+ files to dist\/ \(3 reports, 384 facts\)\n$/)
  })
})

describe('a check tells its progress', () => {
  let cwd: string
  afterEach(() => rmSync(cwd, { recursive: true, force: true }))

  // A few reports compile together; from eight on, each apart (see checkUnits): both say how far they are.
  test.each([3, 8])('%i reports: the reports compiled, the last always, then the line taken away', async (count) => {
    cwd = mkdtempSync(path.join(tmpdir(), 'factmark-progress-'))
    writeCorpus(path.join(cwd, 'source'), count)
    // The project's own cache, in its node_modules (see defaultCacheFolder).
    mkdirSync(path.join(cwd, 'node_modules'))
    const { io, printed } = terminalIo(cwd)
    expect(await main(['check', '--format', 'json'], io)).toBe(0)
    const statuses = printed.filter((entry) => entry.startsWith('status ')).map((entry) => entry.slice(7))
    expect(statuses.at(-1)).toBe('')
    expect(statuses.at(-2)).toBe(`factmark: checking: ${count} of ${count} reports compiled`)
    expect(statuses.slice(0, -1).every((line) => /^factmark: checking: \d+ of \d+ reports compiled$/.test(line))).toBe(
      true
    )
    // Nothing is printed while the line stands: it goes before the check's output.
    expect(printed.findIndex((entry) => entry === 'status ')).toBe(statuses.length - 1)
    // A check of the same sources is read from the cache: nothing compiles, nothing is shown.
    printed.length = 0
    expect(await main(['check', '--format', 'json'], io)).toBe(0)
    expect(printed.filter((entry) => entry.startsWith('status '))).toEqual([])
  })
})

/** The streams of a terminal in `cwd`: what is printed on stdout, stderr and the status line, in order. */
function terminalIo(cwd: string): { io: Io; printed: string[] } {
  const printed: string[] = []
  const io: Io = {
    stdout: (text) => void printed.push(`stdout ${text}`),
    stderr: (text) => void printed.push(`stderr ${text}`),
    status: (line) => void printed.push(`status ${line}`),
    cwd
  }
  return { io, printed }
}
