import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromiumPath } from '../../bench/chromium.mjs'
import { afterAll } from 'vitest'
import { renderArtifacts, writeArtifacts } from '../../src/build/render-artifacts.js'
import { readFileSync } from 'node:fs'
import { compileSources } from '../../src/compile/compile-sources.js'
import type { CompileResult } from '../../src/model/compiled.js'

/**
 * CI sets FACTMARK_CI=1 after installing Chromium and Java: there, a missing tool fails the tests
 * instead of skipping them.
 */
export const toolsRequired = process.env['FACTMARK_CI'] === '1'

export { launchChromium } from '../../bench/chromium.mjs'
export const hasChromium = existsSync(chromiumPath)

export const hasJava = (() => {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

const temporaryRoots: string[] = []
// Registered while a test file imports this module: the trees are removed when that file's tests are done.
afterAll(() => {
  for (const root of temporaryRoots.splice(0)) rmSync(root, { recursive: true, force: true })
})

/** Write a compile result's output tree into a new temporary folder and return it. */
export async function writeTemporaryDist(result: CompileResult): Promise<string> {
  const root = mkdtempSync(path.join(tmpdir(), 'factmark-dist-'))
  temporaryRoots.push(root)
  const out = path.join(root, 'dist')
  await writeArtifacts(out, renderArtifacts(result))
  return out
}

/** A report of test/fixtures/<name>/report.md compiled against the fixtures' registry. */
export function compileFixture(name: string): CompileResult {
  const read = (file: string) => readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8')
  return compileSources({
    reports: [{ path: `${name}/report.md`, text: read(`${name}/report.md`) }],
    registry: { path: 'metrics.yaml', text: read('metrics.yaml') },
    checkUnusedMetrics: false
  })
}
