import { renderArtifacts, type Artifact } from '../../src/build/render-artifacts.js'
import { compileSources } from '../../src/compile/compile-sources.js'
import type { CompileResult } from '../../src/model/compiled.js'
import { seedRegistry, seedReport } from './seed.js'

let cached: { result: CompileResult; artifacts: Map<string, string> } | undefined

/** The seed compiled and rendered once per test file: every output file by its path under dist/. */
export function seedBuild(): { result: CompileResult; artifacts: Map<string, string> } {
  if (cached) return cached
  const result = compileSources({ reports: [seedReport], registry: seedRegistry })
  const artifacts = textArtifacts(renderArtifacts(result))
  cached = { result, artifacts }
  return cached
}

/** The text files of a rendered tree by path; the binary ones (facts.parquet) are read by their own tests. */
export function textArtifacts(artifacts: readonly Artifact[]): Map<string, string> {
  const text = new Map<string, string>()
  for (const { path, content } of artifacts) if (typeof content === 'string') text.set(path, content)
  return text
}
