import path from 'node:path'
import { compileSources } from './compile/compile-sources.js'
import { sourcesOf, type CompileOptions } from './load/source-input.js'
import type { Suggestions } from './suggest/suggest.js'
import type { WritePlan } from './suggest/write-annotations.js'

export { compile, type CompileOptions } from './compile/compile-folder.js'

// suggest's modules (its Markdown writer, the diff) are imported when it runs: a check does not load them.

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
