import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, expect, test } from 'vitest'
import { build } from '../src/build/build.js'

let cwd: string
afterEach(() => rmSync(cwd, { recursive: true, force: true }))

// A build tells the copy as a check does (test/fixtures/rules/report-repeated/expected.txt), from
// the reports' summaries rather than their compiled trees: whatever the order of the file names.
test('a build tells the copy of a report, not the report it copies', async () => {
  cwd = mkdtempSync(path.join(tmpdir(), 'factmark-repeated-'))
  cpSync(fileURLToPath(new URL('fixtures/rules/report-repeated/', import.meta.url)), path.join(cwd, 'source'), {
    recursive: true,
    filter: (file) => !file.endsWith('expected.txt')
  })
  cpSync(fileURLToPath(new URL('fixtures/metrics.yaml', import.meta.url)), path.join(cwd, 'source/metrics.yaml'))
  const built = await build({ cwd, cacheFolder: path.join(cwd, 'cache'), threads: 0 })
  if (!built.ok) throw new Error(built.error.message)
  const told = built.value.result.diagnostics
    .filter((diagnostic) => diagnostic.ruleId === 'report-repeated')
    .map(({ file, message }) => [file, message.slice(message.indexOf('period of ') + 10, message.indexOf(':'))])
  expect(told).toEqual([
    ['source/a-2026-draft.md', 'source/report-2026.md'],
    ['source/b-2024-copy.md', 'source/a-2024.md'],
    ['source/c-2025-copy.md', 'source/d-2025.md']
  ])
})
