import { compileWithRegistry } from './compile-sources.js'
import { sourcesOf, type CompileOptions } from '../load/source-input.js'
import { loadRegistry } from '../load/registry.js'
import type { CompileResult } from '../model/compiled.js'

export type { CompileOptions } from '../load/source-input.js'

/**
 * Read the sources from disk and compile them: bundles, diagnostics and
 * coverage, nothing written. Throws a FactmarkError only when the files
 * cannot be read; problems in their content are in `diagnostics`.
 */
export async function compile(options: CompileOptions = {}): Promise<CompileResult> {
  const input = await sourcesOf(options)
  const checkUnusedMetrics = !options.files || options.files.length === 0
  return compileWithRegistry({ ...input, checkUnusedMetrics }, loadRegistry(input.registry.path, input.registry.text))
}
