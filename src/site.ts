import path from 'node:path'
import { compile, type CompileOptions } from './api.js'
import { renderArtifacts, reportFiles, writeArtifacts, type Artifact, type ReportFile } from './build.js'
import type { CompileResult } from './compile.js'

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
