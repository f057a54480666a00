import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { compileSources } from '../src/compile/compile-sources.js'
import { rules } from '../src/diagnostics/rules.js'
import { readReportFolder } from '../src/load/sources.js'

// One folder per rule under test/fixtures/rules/<rule-id>/: report(s), an
// optional metrics.yaml, and expected.txt with the exact diagnostics. The
// reports are read as the command line reads them: as bytes, links checked.
// UPDATE=1 rewrites expected.txt; review the diff before committing.
const root = new URL('fixtures/rules/', import.meta.url)
const sharedRegistry = new URL('fixtures/metrics.yaml', import.meta.url)
const folders = readdirSync(root).sort()

async function diagnosticsOf(folder: string): Promise<string> {
  const dir = new URL(`${folder}/`, root)
  const sources = await readReportFolder(fileURLToPath(dir), fileURLToPath(root))
  if (!sources.ok) throw new Error(sources.error.message)
  const { reports, skipped } = sources.value
  const registryUrl = existsSync(new URL('metrics.yaml', dir)) ? new URL('metrics.yaml', dir) : sharedRegistry
  const registryPath = registryUrl === sharedRegistry ? 'metrics.yaml' : `${folder}/metrics.yaml`
  // Only the metric-unused fixture asks about unused metrics: the shared registry serves every fixture.
  const result = compileSources({
    reports,
    skipped,
    registry: { path: registryPath, text: readFileSync(registryUrl, 'utf8') },
    checkUnusedMetrics: folder === 'metric-unused'
  })
  return result.diagnostics
    .map((d) =>
      [
        `${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.message} [${d.ruleId}]`,
        ...(d.related ?? []).map(
          (r) => `  see ${r.file}:${r.line}:${r.column}-${r.endLine}:${r.endColumn} ${r.message}`
        )
      ].join('\n')
    )
    .join('\n')
}

test('every rule but bundle-invalid has a fixture', () => {
  // bundle-invalid guards against bugs in factmark; no source can trigger it (a property test checks that).
  expect(folders).toEqual(
    Object.keys(rules)
      .filter((id) => id !== 'bundle-invalid')
      .sort()
  )
})

describe('each rule fires on its fixture, with exact positions', () => {
  test.each(folders)('%s', async (folder) => {
    expect(Object.keys(rules)).toContain(folder)
    const actual = await diagnosticsOf(folder)
    const expectedUrl = new URL(`${folder}/expected.txt`, root)
    if (process.env['UPDATE']) writeFileSync(expectedUrl, `${actual}\n`)
    expect(actual).toContain(`[${folder}]`)
    expect(`${actual}\n`).toBe(readFileSync(expectedUrl, 'utf8'))
  })
})
