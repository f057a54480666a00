import path from 'node:path'
import { compile, type CompileOptions } from '../api.js'
import { renderArtifacts, reportFiles, type Artifact, type ReportFile } from './render-artifacts.js'
import { checkOutputFolder, type OutputPlaces } from './output-folder.js'
import { publish, recoverOutput, type PublishStep } from './publish.js'
import type { CompileResult } from '../model/compiled.js'
import { FactmarkError } from '../model/factmark-error.js'
import { err, ok, type Result } from '../model/result.js'
import { plural } from '../model/plural.js'

export interface BuildOptions extends CompileOptions {
  /** Output folder. Default `dist`. */
  out?: string
  /** Fail on warnings too. */
  strict?: boolean
  /** The files written for each report (default: every format factmark publishes). */
  reportFiles?: readonly ReportFile[]
  /** Called after each step of publishing; for fault-injection tests. */
  onPublishStep?: (step: PublishStep) => void | Promise<void>
}

/** A site written to `out`; `restored` when an interrupted build's tree was put back first. */
export interface Built {
  result: CompileResult
  artifacts: Artifact[]
  out: string
  restored: boolean
}

/**
 * Why nothing was written: the sources are invalid, an emitter failed, or
 * `out` may not be replaced, in which case nothing was compiled either.
 */
export type BuildFailure =
  | { reason: 'invalid' | 'emit'; result: CompileResult; message: string; out: string; restored: boolean }
  | { reason: 'output'; result?: undefined; message: string; out: string }

export type BuildOutcome = Result<Built, BuildFailure>

/**
 * Compile the sources and, if they are valid, write the whole site: a new
 * tree is rendered and checked in memory, written beside `out`, and swapped
 * in. `out` is replaced only when it is missing, empty or a tree factmark
 * wrote. When anything fails, `out` stays exactly as it was.
 */
export async function build(options: BuildOptions = {}): Promise<BuildOutcome> {
  const cwd = path.resolve(options.cwd ?? process.cwd())
  const out = path.resolve(cwd, options.out ?? 'dist')
  // Explicit report files are checked against their registry's folder too: the output must not swallow it.
  const places: OutputPlaces = {
    out,
    src: path.resolve(cwd, options.src ?? 'source'),
    cwd,
    shown: options.out ?? 'dist'
  }
  const refused = (message: string) => err({ reason: 'output' as const, message, out })
  const allowed = await checkOutputFolder(places)
  if (!allowed.ok) return refused(allowed.error.message)
  // An interrupted build is mended first, so that this one leaves a whole tree even if it fails.
  let restored: boolean
  try {
    restored = (await recoverOutput(out)).restored
  } catch (error) {
    if (error instanceof FactmarkError) return refused(error.message)
    throw error
  }

  const result = await compile(options)
  if (result.errorCount > 0 || (options.strict && result.warningCount > 0)) {
    const problems =
      result.errorCount > 0
        ? `${result.errorCount} ${plural(result.errorCount, 'error')}`
        : `${result.warningCount} ${plural(result.warningCount, 'warning')} (--strict)`
    return err({ reason: 'invalid', result, message: `the sources have ${problems}`, out, restored })
  }
  let artifacts: Artifact[]
  try {
    artifacts = renderArtifacts(result, options.reportFiles ?? reportFiles)
  } catch (error) {
    return err({
      reason: 'emit',
      result,
      message: error instanceof Error ? error.message : String(error),
      out,
      restored
    })
  }
  try {
    const published = await publish(out, artifacts, {
      check: () => checkOutputFolder(places),
      ...(options.onPublishStep && { onStep: options.onPublishStep })
    })
    return ok({ result, artifacts, out, restored: restored || published.restored })
  } catch (error) {
    if (error instanceof FactmarkError) return refused(error.message)
    throw error
  }
}
