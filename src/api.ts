import path from 'node:path'
import { compileSources } from './compile/compile-sources.js'
import { sourcesOf, type CompileOptions } from './load/source-input.js'
import type { CompileInput, SourceText } from './model/compiled.js'
import { FactmarkError } from './model/factmark-error.js'
import type { Suggestions } from './suggest/suggest.js'
import type { WritePlan } from './suggest/write-annotations.js'
import type { AnnotatedValues } from './suggest/known-members.js'

export { compile, type CompileOptions } from './compile/compile-folder.js'

// suggest's modules (its Markdown writer, the diff) are imported when it runs: a check does not load them.

/** The figures of each report that carry no annotation, each with a proposed annotation. */
export async function suggest(options: CompileOptions = {}): Promise<Suggestions[]> {
  const { suggest: suggestSources } = await import('./suggest/suggest.js')
  const input = await sourcesOf(options)
  return suggestSources(input, { annotated: await annotatedOf(options, input) })
}

/**
 * What the annotations of the collection write (see addAnnotatedValues): those of the files named
 * and of the other reports of the source folder, each read and let go in turn. A folder that
 * cannot be read leaves the files named alone.
 */
async function annotatedOf(options: CompileOptions, input: CompileInput): Promise<AnnotatedValues> {
  const { addAnnotatedValues, annotatedIn } = await import('./suggest/known-members.js')
  const values = annotatedIn(input.reports)
  if (!options.files) return values
  const { files: _files, ...folder } = options
  const keep = (report: SourceText): SourceText => {
    addAnnotatedValues(values, report.text)
    return { path: report.path, text: '' }
  }
  try {
    await sourcesOf(folder, { keep, lend: true })
  } catch (error) {
    if (!(error instanceof FactmarkError)) throw error
  }
  return values
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
  const annotated = await annotatedOf(options, input)
  const plan = planWrite(input, { diagnostics, stubs: options.stubs ?? false, annotated })
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
