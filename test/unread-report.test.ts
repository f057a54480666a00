import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { renderArtifacts } from '../src/build/render-artifacts.js'
import { compileSources } from '../src/compile/compile-sources.js'
import { coveragePercent, formatCoverage } from '../src/compile/coverage.js'
import { reservedSiteNames, reservedSlugReason } from '../src/load/reserved-slugs.js'
import { runCli } from './helpers/run-cli.js'
import type { Coverage } from '../src/model/compiled.js'

// A report that cannot be read or loaded is a gap in what was checked: its
// metrics must not all be called unused, and coverage must not be claimed for it.
const read = (file: string) => readFileSync(new URL(`fixtures/seed/${file}`, import.meta.url))
const seed = { path: 'source/xiamen-2025.md', text: read('xiamen-2025.md') }
const registry = { path: 'source/metrics.yaml', text: read('metrics.yaml') }
const broken = { path: 'source/broken.md', text: seed.text.toString('utf8').replace('period: "2025"', 'period: "2025') }
const unusedCount = (result: ReturnType<typeof compileSources>) =>
  result.diagnostics.filter((d) => d.ruleId === 'metric-unused').length

describe('a report whose front matter is broken', () => {
  test('alone: one error, no metric called unused, coverage not measured', () => {
    const result = compileSources({ reports: [broken], registry })
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual([
      'source/broken.md:5:9 front-matter-invalid'
    ])
    expect(result.coverage).toEqual([{ path: 'source/broken.md', tagged: 0, untagged: 0, read: false }])
    expect(coveragePercent(result.coverage)).toBe(0)
    expect(formatCoverage(result.coverage)).toBe(
      'coverage: not measured, source/broken.md was not compiled (see the diagnostics above)\n'
    )
  })

  test('beside a good one: the good one is measured, the total says one was left out', () => {
    const result = compileSources({ reports: [seed, broken], registry })
    expect(unusedCount(result)).toBe(0)
    expect(result.coverage).toEqual([
      { path: 'source/xiamen-2025.md', tagged: 128, untagged: 0 },
      { path: 'source/broken.md', tagged: 0, untagged: 0, read: false }
    ])
    expect(formatCoverage(result.coverage)).toBe(
      [
        'coverage of source/xiamen-2025.md: 100.0% of figures annotated (128 tagged, 0 untagged)',
        'coverage of source/broken.md: not measured, the report was not compiled (see the diagnostics above)',
        'coverage: 100.0% of figures annotated (128 tagged, 0 untagged), in 1 of 2 reports: 1 not compiled',
        ''
      ].join('\n')
    )
  })

  test('a skipped path counts as a report not read', () => {
    const result = compileSources({
      reports: [seed],
      registry,
      skipped: [{ path: 'source/pipe.md', reason: 'it is a named pipe (FIFO), not a file' }]
    })
    expect(unusedCount(result)).toBe(0)
    expect(result.coverage.map((entry) => [entry.path, entry.read])).toEqual([
      ['source/xiamen-2025.md', undefined],
      ['source/pipe.md', false]
    ])
    // The skipped path has no text, so no code frame: it is among the diagnostics, not the files.
    expect(result.files.map((file) => file.path)).toEqual(['source/metrics.yaml', 'source/xiamen-2025.md'])
  })

  test('with every report read, unused metrics are still reported', () => {
    const shortened = {
      ...seed,
      text: seed.text.toString('utf8').replace(':fact[17.4]{metric=air.pm25 unit=微克/立方米}', '17.4')
    }
    const result = compileSources({ reports: [shortened], registry })
    expect(result.diagnostics.filter((d) => d.ruleId === 'metric-unused').map((d) => d.message)).toEqual([
      'The metric "air.pm25" is used by no report'
    ])
  })
})

describe('formatCoverage and coveragePercent', () => {
  const a: Coverage = { path: 'a.md', tagged: 3, untagged: 1 }
  const b: Coverage = { path: 'b.md', tagged: 0, untagged: 0 }
  const gone: Coverage = { path: 'gone.md', tagged: 0, untagged: 0, read: false }
  // prettier-ignore
  test.each<[string, Coverage[], number, string]>([
    ['no report at all', [], 100, 'coverage: 100.0% of figures annotated (0 tagged, 0 untagged)\n'],
    ['one report', [a], 75, 'coverage: 75.0% of figures annotated (3 tagged, 1 untagged)\n'],
    ['a report without figures', [b], 100, 'coverage: 100.0% of figures annotated (0 tagged, 0 untagged)\n'],
    ['two reports not read', [gone, { ...gone, path: 'gone2.md' }], 0, 'coverage of gone.md: not measured, the report was not compiled (see the diagnostics above)\ncoverage of gone2.md: not measured, the report was not compiled (see the diagnostics above)\ncoverage: not measured, no report was compiled\n']
  ])('%s', (_name, entries, percent, text) => {
    expect(coveragePercent(entries)).toBe(percent)
    expect(formatCoverage(entries)).toBe(text)
  })
})

// prettier-ignore
test.each([
  ['schema', 'the site publishes its JSON Schemas in schema/'],
  ['Taxonomy', 'the site publishes the XBRL taxonomy of the registry in taxonomy/'],
  ['series', 'the site keeps series/ for the series of each metric across reports'],
  ['CON', 'Windows reserves "CON" for a device, so no folder can have that name there'],
  ['nul.txt', 'Windows reserves "nul" for a device, so no folder can have that name there'],
  ['com1', 'Windows reserves "com1" for a device, so no folder can have that name there'],
  ['lpt9', 'Windows reserves "lpt9" for a device, so no folder can have that name there'],
  ['com0', undefined],
  ['console', undefined],
  ['xiamen-2025', undefined]
])('the slug %s', (slug, reason) => {
  expect(reservedSlugReason(slug)).toBe(reason)
})

test('no slug can take a name the site writes at its top level', () => {
  const result = compileSources({ reports: [seed], registry, checkUnusedMetrics: false })
  const slugs = new Set(result.reports.map((report) => report.frontMatter.slug))
  const top = new Set(renderArtifacts(result).map((artifact) => artifact.path.split('/')[0] ?? ''))
  expect([...top].filter((name) => !slugs.has(name) && !reservedSiteNames.includes(name))).toEqual([])
})

describe('check --min-coverage with a report that was not read', () => {
  test('fails and says coverage was not measured, rather than comparing a share of the others', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'factmark-unread-'))
    try {
      mkdirSync(path.join(cwd, 'source'))
      writeFileSync(path.join(cwd, 'source/metrics.yaml'), registry.text)
      writeFileSync(path.join(cwd, 'source/xiamen-2025.md'), seed.text)
      writeFileSync(path.join(cwd, 'source/broken.md'), broken.text)
      const { code, stderr } = await runCli(cwd, 'check', '--min-coverage', '100')
      expect({ code, stderr }).toEqual({
        code: 1,
        stderr:
          'factmark: coverage not measured: 1 of 2 reports were not compiled; --min-coverage 100 needs every report\n'
      })
    } finally {
      rmSync(cwd, { recursive: true, force: true })
    }
  })
})
