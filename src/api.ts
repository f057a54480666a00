import path from 'node:path'
import { compileSources } from './compile/compile-sources.js'
import { readSources } from './load/sources.js'
import type { Suggestions } from './suggest/suggest.js'
import type { CompileResult } from './model/compiled.js'
import type { WritePlan } from './suggest/write-annotations.js'
import { FactmarkError } from './model/factmark-error.js'

// suggest's modules (its Markdown writer, the diff) are imported when it runs: a check does not load them.

export interface CompileOptions {
  /** Folder with the reports (`*.md`) and `metrics.yaml`. Default `source`. */
  src?: string
  /** Compile only these report files (with the registry of `src`); unused metrics are then not reported. */
  files?: readonly string[]
  /** Paths are resolved and reported relative to this folder. Default: the working directory. */
  cwd?: string
}

async function sourcesOf(options: CompileOptions) {
  const sources = await readSources({
    src: options.src ?? 'source',
    ...(options.files && { files: options.files }),
    ...(options.cwd && { cwd: options.cwd })
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
  const input = await sourcesOf(options)
  return compileSources({ ...input, checkUnusedMetrics: !options.files || options.files.length === 0 })
}

/** The figures of each report that carry no annotation, each with a proposed annotation. */
export async function suggest(options: CompileOptions = {}): Promise<Suggestions[]> {
  const { suggest: suggestSources } = await import('./suggest/suggest.js')
  return suggestSources(await sourcesOf(options))
}

export interface SuggestWriteOptions extends CompileOptions {
  /** Draft a registry metric (`draft: true`) for each figure whose metric is not guessed, instead of `metric=?`. */
  stubs?: boolean
  /** Compute the changes and their diff, and write nothing. */
  dryRun?: boolean
}

export interface SuggestWriteResult extends WritePlan {
  /** Unified diff of every file that changes (reports and registry). */
  diff: string
  /** The files written, relative to `cwd`; none in a dry run. */
  written: string[]
}

/**
 * Write the proposals of `suggest` into the reports: annotation markup
 * around each figure, `ignore:` phrases for dates and ordinals of names, and
 * with `stubs` draft metrics in the registry. A report with compile errors
 * is refused and left as it is; files are replaced atomically and only when
 * their text changes.
 */
export async function suggestWrite(options: SuggestWriteOptions = {}): Promise<SuggestWriteResult> {
  const [{ planWrite }, { unifiedDiff }, { writeAtomically }] = await Promise.all([
    import('./suggest/write-annotations.js'),
    import('./suggest/unified-diff.js'),
    import('./suggest/write-atomically.js')
  ])
  const input = await sourcesOf(options)
  const { diagnostics } = compileSources({ ...input, checkUnusedMetrics: false })
  const plan = planWrite(input, { diagnostics, stubs: options.stubs ?? false })
  const diff = unifiedDiff(plan.changed)
  if (options.dryRun) return { ...plan, diff, written: [] }
  const written: string[] = []
  const notes = [...plan.notes]
  for (const file of plan.changed) {
    if (await writeAtomically(path.resolve(options.cwd ?? process.cwd(), file.path), file.before, file.after))
      written.push(file.path)
    else notes.push(`${file.path} changed while factmark read it; it was left as it is`)
  }
  return { ...plan, notes, diff, written }
}
