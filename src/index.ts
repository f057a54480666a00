/**
 * factmark's library API: compile annotated reports into fact bundles and
 * diagnostics, and build the published site from them. The command line is
 * a thin shell over these functions.
 */
import path from 'node:path'
import { renderArtifacts, reportFiles, writeArtifacts, type Artifact, type ReportFile } from './build.js'
import { compileSources, type CompileResult } from './compile.js'
import { readSources } from './sources.js'
import { suggest as suggestSources, type Suggestions } from './suggest/suggest.js'

export { compileSources } from './compile.js'
export type { CompileInput, CompileResult, CompiledReport, Coverage, SourceText } from './compile.js'
export { renderArtifacts, reportFiles, writeArtifacts } from './build.js'
export type { Artifact, EmitContext, ReportFile } from './build.js'
export type { Diagnostic } from './diagnostics.js'
export { readFigure, readUnit } from './chinese-number/index.js'
export type { Figure, FigureKind, FigureResult, UnitReading } from './chinese-number/index.js'
export { rules } from './rules.js'
export type { Rule, RuleId, Severity } from './rules.js'
export type { Suggestions } from './suggest/suggest.js'
export type { UntaggedFigure } from './suggest/untagged.js'
export type * from './schema-types.js'

export interface CompileOptions {
  /** Folder with the reports (`*.md`) and `metrics.yaml`. Default `source`. */
  src?: string
  /** Compile only these report files (with the registry of `src`); unused metrics are then not reported. */
  files?: readonly string[]
  /** Paths are resolved and reported relative to this folder. Default: the working directory. */
  cwd?: string
}

async function sourcesOf(options: CompileOptions) {
  const sources = await readSources({ src: options.src ?? 'source', ...(options.files && { files: options.files }), ...(options.cwd && { cwd: options.cwd }) })
  // The code marks an I/O problem, whose message is for the user, from a bug.
  if (!sources.ok) throw Object.assign(new Error(sources.message), { code: 'FACTMARK_SOURCES' })
  return sources.input
}

/**
 * Read the sources from disk and compile them: bundles, diagnostics and
 * coverage, nothing written. Throws only when the files cannot be read;
 * problems in their content are in `diagnostics`.
 */
export async function compile(options: CompileOptions = {}): Promise<CompileResult> {
  const input = await sourcesOf(options)
  return compileSources({ ...input, checkUnusedMetrics: !options.files || options.files.length === 0 })
}

/** The figures of each report that carry no annotation, each with a proposed annotation. */
export async function suggest(options: CompileOptions = {}): Promise<Suggestions[]> {
  return suggestSources(await sourcesOf(options))
}

export interface BuildOptions extends CompileOptions {
  /** Output folder. Default `dist`. */
  out?: string
  /** Fail on warnings too. */
  strict?: boolean
  /** The files written for each report (default: every format factmark publishes). */
  reportFiles?: readonly ReportFile[]
}

export type BuildOutcome =
  | { ok: true; result: CompileResult; artifacts: Artifact[]; out: string }
  | { ok: false; result: CompileResult; reason: 'invalid' | 'emit'; message: string; out: string }

/**
 * Compile the sources and, if they are valid, write the whole site: a new
 * tree is rendered and checked in memory, written beside `out`, and swapped
 * in. When anything fails, `out` stays exactly as it was.
 */
export async function build(options: BuildOptions = {}): Promise<BuildOutcome> {
  const result = await compile(options)
  const out = path.resolve(options.cwd ?? process.cwd(), options.out ?? 'dist')
  if (result.errorCount > 0 || (options.strict && result.warningCount > 0)) {
    const problems = result.errorCount > 0 ? `${result.errorCount} error${result.errorCount === 1 ? '' : 's'}` : `${result.warningCount} warning${result.warningCount === 1 ? '' : 's'} (--strict)`
    return { ok: false, result, reason: 'invalid', message: `the sources have ${problems}`, out }
  }
  let artifacts: Artifact[]
  try {
    artifacts = renderArtifacts(result, options.reportFiles ?? reportFiles)
  } catch (error) {
    return { ok: false, result, reason: 'emit', message: error instanceof Error ? error.message : String(error), out }
  }
  await writeArtifacts(out, artifacts)
  return { ok: true, result, artifacts, out }
}
