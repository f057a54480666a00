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
  const places = outputPlaces(options)
  const { out } = places
  const refused = (message: string) => err({ reason: 'output' as const, message, out })
  const allowed = await checkOutputFolder(places)
  if (!allowed.ok) return refused(allowed.error.message)
  // An interrupted build is mended first, so that this one leaves a whole tree even if it fails.
  const recovered = await unlessRefused(() => recoverOutput(out))
  if (!recovered.ok) return refused(recovered.error)
  const { restored } = recovered.value

  const result = await compile(options)
  const problems = sourceProblems(result, options.strict)
  if (problems !== undefined)
    return err({ reason: 'invalid', result, message: `the sources have ${problems}`, out, restored })
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
  const published = await unlessRefused(() =>
    publish(out, artifacts, {
      check: () => checkOutputFolder(places),
      ...(options.onPublishStep && { onStep: options.onPublishStep })
    })
  )
  if (!published.ok) return refused(published.error)
  return ok({ result, artifacts, out, restored: restored || published.value.restored })
}

function outputPlaces(options: BuildOptions): OutputPlaces {
  const cwd = path.resolve(options.cwd ?? process.cwd())
  // Explicit report files are checked against their registry's folder too: the output must not swallow it.
  return {
    out: path.resolve(cwd, options.out ?? 'dist'),
    src: path.resolve(cwd, options.src ?? 'source'),
    cwd,
    shown: options.out ?? 'dist'
  }
}

/** A step's value, or the message of the FactmarkError by which it refused; any other error is a bug and thrown on. */
async function unlessRefused<T>(step: () => Promise<T>): Promise<Result<T, string>> {
  try {
    return ok(await step())
  } catch (error) {
    if (error instanceof FactmarkError) return err(error.message)
    throw error
  }
}

/** What makes the sources unfit to publish, as `3 errors`; undefined when they may be published. */
function sourceProblems(result: CompileResult, strict: boolean | undefined): string | undefined {
  if (result.errorCount > 0) return `${result.errorCount} ${plural(result.errorCount, 'error')}`
  if (strict && result.warningCount > 0)
    return `${result.warningCount} ${plural(result.warningCount, 'warning')} (--strict)`
  return undefined
}
