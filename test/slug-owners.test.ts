import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { build } from '../src/build/build.js'
import { slugOwners } from '../src/collection/slug-owners.js'
import { compileSources } from '../src/compile/compile-sources.js'

// prettier-ignore
test.each([
  ['the first claim, when no file is named for the slug', [['source/a.md', 'x'], ['source/b.md', 'x']], { x: 'source/a.md' }],
  ['the file named for the slug, though another comes first', [['source/x-final.md', 'x'], ['source/x.md', 'x']], { x: 'source/x.md' }],
  ['the first file named for it, in any folder', [['a/x.md', 'x'], ['b/x.md', 'x'], ['source/y.md', 'y']], { x: 'a/x.md', y: 'source/y.md' }],
  ['a name that only ends like the slug is not named for it', [['source/a.md', 'x'], ['source/ax.md', 'x']], { x: 'source/a.md' }],
  ['Windows separators', [['source\\a.md', 'x'], ['source\\x.md', 'x']], { x: 'source\\x.md' }]
])('the owner of a slug is %s', (_case, claims, owners) => {
  expect(Object.fromEntries(slugOwners(claims.map(([file, slug]) => ({ path: file as string, slug: slug as string }))))).toEqual(owners)
})

const registry = { path: 'metrics.yaml', text: readFileSync(new URL('fixtures/metrics.yaml', import.meta.url), 'utf8') }
const report = (file: string, slug: string) => ({
  path: file,
  text: `---\ntitle: 测试市2025年报告\nissuer: 测试局\nentity: 测试市\nperiod: "2025"\nlanguage: zh-CN\nslug: ${slug}\n---\n\nPM2.5浓度:fact[17.4微克/立方米]{metric=air.pm25}。\n`
})
const told = (
  diagnostics: ReadonlyArray<{ file: string; line: number; column: number; ruleId: string; message: string }>
) => diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`)
// A copy of last year's report, saved under a name that comes first, with the slug not yet changed.
const copied = [
  report('source/lujiang-2025-final.md', 'lujiang-2025'),
  report('source/lujiang-2025.md', 'lujiang-2025')
]
const message =
  'source/lujiang-2025-final.md:7:7 front-matter-invalid Front matter: the slug "lujiang-2025" is already used by source/lujiang-2025.md; each report needs its own output folder'

describe('two reports with one slug: the copy is told, not the report named for the slug', () => {
  test('check', () => {
    const result = compileSources({ reports: copied, registry, checkUnusedMetrics: false })
    expect(told(result.diagnostics)).toEqual([message])
    expect(result.reports.map((compiled) => compiled.path)).toEqual(['source/lujiang-2025.md'])
  })

  let cwd: string | undefined
  afterEach(() => {
    if (cwd) rmSync(cwd, { recursive: true, force: true })
  })

  test('build', async () => {
    cwd = mkdtempSync(path.join(tmpdir(), 'factmark-slugs-'))
    mkdirSync(path.join(cwd, 'source'))
    writeFileSync(path.join(cwd, 'source/metrics.yaml'), registry.text)
    for (const { path: file, text } of copied) writeFileSync(path.join(cwd, file), text)
    const outcome = await build({ cwd })
    expect(outcome.ok).toBe(false)
    const diagnostics = outcome.ok ? [] : (outcome.error.result?.diagnostics ?? [])
    expect(told(diagnostics.filter((d) => d.severity === 'error'))).toEqual([message])
  })
})
