import { compileWithRegistry } from './compile-sources.js'
import { readSources, type Keep } from '../load/sources.js'
import { loadRegistry, type LoadedRegistry } from '../load/registry.js'
import type { CompileInput, CompileResult, SourceText } from '../model/compiled.js'
import { FactmarkError } from '../model/factmark-error.js'

export interface CompileOptions {
  /** Folder with the reports (`*.md`) and `metrics.yaml`. Default `source`. */
  src?: string
  /** Compile only these report files (with the registry of `src`); unused metrics are then not reported. */
  files?: readonly string[]
  /** Paths are resolved and reported relative to this folder. Default: the working directory. */
  cwd?: string
}

/**
 * The sources the options name, read from disk; throws a FactmarkError when they cannot be read.
 * `keep` says what is kept of each report (see readSources).
 */
export async function sourcesOf(options: CompileOptions, keep?: Keep): Promise<CompileInput> {
  const sources = await readSources({
    src: options.src ?? 'source',
    ...(options.files && { files: options.files }),
    ...(options.cwd && { cwd: options.cwd }),
    ...(keep && { keep })
  })
  if (!sources.ok) {
    const { message, path } = sources.error
    throw new FactmarkError('FACTMARK_SOURCES', message, path === undefined ? {} : { place: { path } })
  }
  return sources.value
}

/**
 * Read the sources from disk and compile them: bundles, diagnostics and
 * coverage, nothing written. Throws a FactmarkError only when the files
 * cannot be read; problems in their content are in `diagnostics`.
 */
export async function compile(options: CompileOptions = {}): Promise<CompileResult> {
  return compileFolder(options, (source) => loadRegistry(source.path, source.text))
}

/** compile, with the registry read by `registryOf` (see checkedRegistry). */
export async function compileFolder(
  options: CompileOptions,
  registryOf: (source: SourceText) => LoadedRegistry
): Promise<CompileResult> {
  const input = await sourcesOf(options)
  const checkUnusedMetrics = !options.files || options.files.length === 0
  return compileWithRegistry({ ...input, checkUnusedMetrics }, registryOf(input.registry))
}
