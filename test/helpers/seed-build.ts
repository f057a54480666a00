import { readFileSync } from 'node:fs'
import { renderArtifacts, type Artifact } from '../../src/build/render-artifacts.js'
import { compileSources } from '../../src/compile/compile-sources.js'
import type { CompileResult } from '../../src/model/compiled.js'

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')

/** The report as sources, the way the command line reads them. */
export function seedSources() {
  return {
    reports: [{ path: 'source/xiamen-2025.md', text: read('source/xiamen-2025.md') }],
    registry: { path: 'source/metrics.yaml', text: read('source/metrics.yaml') }
  }
}

let cached: { result: CompileResult; artifacts: Map<string, string> } | undefined

/** The seed compiled and rendered once per test file: every output file by its path under dist/. */
export function seedBuild(): { result: CompileResult; artifacts: Map<string, string> } {
  if (cached) return cached
  const result = compileSources(seedSources())
  const artifacts = new Map(renderArtifacts(result).map((artifact: Artifact) => [artifact.path, artifact.content]))
  cached = { result, artifacts }
  return cached
}
