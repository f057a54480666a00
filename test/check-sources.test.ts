import { expect, test } from 'vitest'
import { checkWithRegistry, compileWithRegistry } from '../src/compile/compile-sources.js'
import { loadRegistry } from '../src/load/registry.js'
import type { CompileInput } from '../src/model/compiled.js'
import { collectionRegistry, collectionReports } from './helpers/collection.js'
import { seedRegistry, seedReport } from './helpers/seed.js'

// check compiles as compile does, but lets each report's tree and text go once it is compiled: it
// reads only what the reports say, and the rules across reports read only their facts.

const duplicate = { path: 'source/xiamen-2025-copy.md', text: seedReport.text }
const broken = { path: 'source/broken.md', text: 'no front matter\n' }

test.each<[string, CompileInput]>([
  ['the seed', { reports: [seedReport], registry: seedRegistry }],
  // The rules across reports: levels, changes and targets checked against the other years.
  ['the collection', { reports: collectionReports, registry: collectionRegistry }],
  [
    'the collection, one report named',
    { reports: [seedReport], registry: collectionRegistry, checkUnusedMetrics: false }
  ],
  // A slug used twice, a report with errors, a path skipped.
  [
    'reports with errors',
    {
      reports: [seedReport, duplicate, broken],
      registry: seedRegistry,
      skipped: [{ path: 'source/huge.md', reason: 'larger than the limit' }]
    }
  ]
])('%s: the same diagnostics, coverage and facts as compiling them, without trees', (_name, input) => {
  const load = () => loadRegistry(input.registry.path, input.registry.text)
  const compiled = compileWithRegistry(input, load())
  const checked = checkWithRegistry(input, load())
  expect(checked.diagnostics).toEqual(compiled.diagnostics)
  expect(checked.coverage).toEqual(compiled.coverage)
  expect([checked.errorCount, checked.warningCount, checked.infoCount]).toEqual([
    compiled.errorCount,
    compiled.warningCount,
    compiled.infoCount
  ])
  expect(checked.reports.map((report) => report.bundle.facts.length)).toEqual(
    compiled.reports.map((report) => report.bundle.facts.length)
  )
  expect(checked.reports.length).toBeGreaterThan(0)
  for (const report of checked.reports) expect(Object.keys(report).sort()).toEqual(['bundle', 'frontMatter', 'path'])
})
