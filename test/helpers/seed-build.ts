import { renderArtifacts, type Artifact } from '../../src/build/render-artifacts.js'
import { compileSources } from '../../src/compile/compile-sources.js'
import type { CompileResult } from '../../src/model/compiled.js'
import { seedRegistry, seedReport } from './seed.js'

let cached: { result: CompileResult; artifacts: Map<string, string> } | undefined

/** The seed compiled and rendered once per test file: every output file by its path under dist/. */
export function seedBuild(): { result: CompileResult; artifacts: Map<string, string> } {
  if (cached) return cached
  const result = compileSources({ reports: [seedReport], registry: seedRegistry })
  const artifacts = new Map(renderArtifacts(result).map((artifact: Artifact) => [artifact.path, artifact.content]))
  cached = { result, artifacts }
  return cached
}
