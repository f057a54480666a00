import { describe, expect, test } from 'vitest'
import { acrossKey, allDiagnostics } from '../src/build/across-memo.js'
import type { ReportUnit } from '../src/build/report-unit.js'

// The conclusions of the rules across reports are kept by this key: it must change with anything
// they read, and only with that, or a build would take stale ones, or make them again for nothing.

const unit = (path: string, extra: Partial<ReportUnit> = {}): ReportUnit => ({
  path,
  coverage: { path, tagged: 3, untagged: 0 },
  metrics: ['air.pm25'],
  diagnostics: [],
  slugPlace: { start: { line: 2, column: 1 }, end: { line: 2, column: 20 } },
  entityPlace: { start: { line: 4, column: 9 }, end: { line: 4, column: 12 } },
  summaryDigest: `digest of ${path}`,
  rowsDigest: `rows of ${path}`,
  files: [{ path: 'a/index.html', bytes: 10, sha256: 'page' }],
  levels: [],
  ...extra
})
const units = [unit('source/a.md'), unit('source/b.md')]
const base = acrossKey('environment', [], true, units)
const withUnit = (extra: Partial<ReportUnit>) =>
  acrossKey('environment', [], true, [unit('source/a.md', extra), units[1] as ReportUnit])

describe('acrossKey', () => {
  test.each<[string, string]>([
    ['a summary changed', withUnit({ summaryDigest: 'another' })],
    ['a report that no longer compiles', withUnit({ summaryDigest: undefined })],
    ['a report with an error', withUnit({ fatal: true })],
    ['another metric named', withUnit({ metrics: ['air.pm10'] })],
    ['a report not read', withUnit({ coverage: { path: 'source/a.md', tagged: 0, untagged: 0, read: false } })],
    ['the slug moved', withUnit({ slugPlace: { start: { line: 3, column: 1 }, end: { line: 3, column: 20 } } })],
    ['the entity moved', withUnit({ entityPlace: { start: { line: 5, column: 9 }, end: { line: 5, column: 12 } } })],
    ['a report renamed', acrossKey('environment', [], true, [unit('source/c.md'), units[1] as ReportUnit])],
    ['the reports in another order', acrossKey('environment', [], true, [...units].reverse())],
    ['a report more', acrossKey('environment', [], true, [...units, unit('source/c.md')])],
    ['the registry or factmark', acrossKey('another environment', [], true, units)],
    ['a path skipped', acrossKey('environment', [{ path: 'source/x.md', reason: 'too large' }], true, units)],
    ['unused metrics not looked for', acrossKey('environment', [], false, units)]
  ])('changes with %s', (_, key) => {
    expect(key).not.toBe(base)
  })

  test.each<[string, Partial<ReportUnit>]>([
    ['its files', { files: [{ path: 'a/index.html', bytes: 11, sha256: 'another page' }] }],
    [
      'the levels its page asked',
      { levels: [{ query: { metric: 'air.pm25', period: '2024', entity: '厦门市', dimensions: {} } }] }
    ],
    ['its rows', { rowsDigest: 'other rows' }],
    [
      'a message of its own',
      {
        diagnostics: [
          {
            file: 'source/a.md',
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 4,
            severity: 'warning',
            ruleId: 'untagged-figure',
            message: 'm'
          }
        ]
      }
    ],
    ['its coverage', { coverage: { path: 'source/a.md', tagged: 2, untagged: 1 } }]
  ])('stays the same with %s, which the rules do not read', (_, extra) => {
    expect(withUnit(extra)).toBe(base)
  })
})

test('allDiagnostics gives each report’s messages with those the rules made about it, in the order of a build', () => {
  const at = (file: string, line: number, ruleId: string, message: string) => ({
    file,
    line,
    column: 1,
    endLine: line,
    endColumn: 2,
    severity: 'warning' as const,
    ruleId,
    message
  })
  const reports = [
    unit('source/b.md', { diagnostics: [at('source/b.md', 5, 'untagged-figure', 'b own')] }),
    unit('source/a.md', { diagnostics: [at('source/a.md', 9, 'untagged-figure', 'a own')] })
  ]
  const messages = {
    registry: [at('source/metrics.yaml', 3, 'metric-unused', 'unused')],
    reports: { 'source/a.md': [at('source/a.md', 2, 'front-matter-invalid', 'slug twice')] },
    skipped: [at('source/c.md', 1, 'source-skipped', 'skipped')]
  }
  expect(allDiagnostics(reports, messages).map((diagnostic) => diagnostic.message)).toEqual([
    'slug twice',
    'a own',
    'b own',
    'skipped',
    'unused'
  ])
})
