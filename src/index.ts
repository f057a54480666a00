/**
 * factmark's library API: compile annotated reports into fact bundles and
 * diagnostics without writing files. The command line is built on it.
 */
import { compileSources, type CompileResult } from './compile.js'
import { readSources } from './sources.js'

export { compileSources } from './compile.js'
export type { CompileInput, CompileResult, CompiledReport, SourceText } from './compile.js'
export type { Diagnostic } from './diagnostics.js'
export { readFigure, readUnit } from './chinese-number/index.js'
export type { Figure, FigureKind, FigureResult, UnitReading } from './chinese-number/index.js'
export { rules } from './rules.js'
export type { Rule, RuleId, Severity } from './rules.js'
export type * from './schema-types.js'

export interface CompileOptions {
  /** Folder with the reports (`*.md`) and `metrics.yaml`. Default `source`. */
  src?: string
  /** Compile only these report files (with the registry of `src`). */
  files?: readonly string[]
  /** Paths are resolved and reported relative to this folder. Default: the working directory. */
  cwd?: string
}

/**
 * Read the sources from disk and compile them. Throws only when the files
 * cannot be read; problems in their content are in `diagnostics`.
 */
export async function compile(options: CompileOptions = {}): Promise<CompileResult> {
  const sources = await readSources({ src: options.src ?? 'source', ...(options.files && { files: options.files }), ...(options.cwd && { cwd: options.cwd }) })
  if (!sources.ok) throw new Error(sources.message)
  return compileSources(sources.input)
}
