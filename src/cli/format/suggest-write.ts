import type { SuggestWriteResult } from '../../api.js'
import type { WriteEdit } from '../../suggest/write-annotations.js'
import { plural } from '../../model/plural.js'
import { guardLines, jsonText, printable } from './printable.js'
import { needsNote } from './suggestions.js'

/** What each edit says in text output, after its place. */
const describe: { [A in WriteEdit['action']]: (edit: Extract<WriteEdit, { action: A }>) => string } = {
  annotate: (edit) => edit.annotation + needsNote(edit.needs),
  ignore: (edit) => `${edit.text} → ignore: ${edit.phrase}  (${edit.rule})`,
  stub: (edit) => `${edit.text} → draft metric ${edit.metric} “${edit.label}”`,
  skip: (edit) => `${edit.text} left as it is: ${edit.reason}`
}

function line(edit: WriteEdit): string {
  const text = (describe[edit.action] as (edit: WriteEdit) => string)(edit)
  return `${printable(edit.file)}:${edit.line}:${edit.column}  ${printable(text)}`
}

/**
 * suggest --write and --dry-run: in text, the diff (dry run) or each edit
 * (write), then the files refused with their first errors and a summary;
 * in JSON, every edit, refusal and file.
 */
export function formatSuggestWrite(result: SuggestWriteResult, format: 'text' | 'json', dryRun: boolean): string {
  if (format === 'json')
    return jsonText({
      dryRun,
      written: result.written,
      changed: result.changed.map((file) => file.path),
      edits: result.edits,
      refused: result.refused.map((file) => ({
        file: file.path,
        reason: file.reason,
        errors: file.errors.map((error) => ({
          line: error.line,
          column: error.column,
          ruleId: error.ruleId,
          message: error.message
        }))
      })),
      notes: result.notes,
      ...(dryRun && { diff: result.diff })
    })
  const lines = [
    ...(dryRun ? [] : result.edits.map(line)),
    ...result.refused.flatMap((file) => [
      `${printable(file.path)} was left as it is: ${printable(file.reason)}`,
      ...file.errors.map(
        (error) =>
          `  ${printable(error.file)}:${error.line}:${error.column} ${printable(error.message)} [${error.ruleId}]`
      )
    ]),
    ...result.notes.map(printable),
    summary(result, dryRun)
  ]
  const diff = dryRun ? result.diff : ''
  return diff + guardLines(lines.join('\n') + '\n')
}

function summary(result: SuggestWriteResult, dryRun: boolean): string {
  const count = (action: WriteEdit['action']) => result.edits.filter((edit) => edit.action === action).length
  const parts = [
    [count('annotate'), 'annotation'],
    [count('ignore'), 'ignore phrase'],
    [count('stub'), 'draft metric']
  ] as const
  const unfinished = result.edits.filter((edit) => edit.action === 'annotate' && edit.needs).length
  const what =
    parts.map(([n, word]) => `${n} ${plural(n, word)}`).join(', ') +
    (unfinished > 0 ? `; ${unfinished} to finish by hand, naming a member its metric requires` : '')
  const files = dryRun ? result.changed.map((file) => file.path) : result.written
  if (files.length === 0) return `nothing to write (${what})`
  return `${dryRun ? 'would write' : 'wrote'} ${files.length} ${plural(files.length, 'file')} (${files.map(printable).join(', ')}): ${what}`
}
