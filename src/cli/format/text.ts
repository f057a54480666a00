import { codeFrame, sourceLines } from './code-frame.js'
import { guardLines, printable } from './printable.js'
import type { Diagnostic } from '../../model/compiled.js'
import { plural } from '../../model/plural.js'

/** `file:line:column severity message [rule]`, a code frame, the fix; then a summary line. */
export function formatText(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>): string {
  // Each source is split once: a report with thousands of diagnostics must not be split for each of them.
  const lines = new Map<string, string[]>()
  const lineOf = (file: string, line: number) => {
    const source = sources.get(file)
    if (source === undefined) return undefined
    let split = lines.get(file)
    if (!split) lines.set(file, (split = sourceLines(source)))
    return split[line - 1]
  }
  const blocks = diagnostics.map((d) => {
    const head = `${printable(d.file)}:${d.line}:${d.column} ${d.severity} ${printable(d.message)} [${printable(d.ruleId)}]`
    const frame = codeFrame(lineOf(d.file, d.line), d.line, d.column, d.endLine, d.endColumn)
    const related = (d.related ?? []).map(
      (place) => `  see ${printable(place.file)}:${place.line}:${place.column}: ${printable(place.message)}`
    )
    const fix = d.fix ? `  fix: ${printable(d.fix)}${d.url ? ` (${printable(d.url)})` : ''}` : ''
    return [head, frame, ...related, fix].filter(Boolean).join('\n')
  })
  return guardLines([...blocks, summary(diagnostics)].join('\n\n') + '\n')
}

function summary(diagnostics: readonly Diagnostic[]): string {
  const count = (severity: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === severity).length
  const [errors, warnings, notes] = [count('error'), count('warning'), count('info')]
  const noted = notes > 0 ? `${notes} ${plural(notes, 'note')}` : ''
  if (errors + warnings === 0) return noted ? `✔ no problems, ${noted}` : '✔ no problems'
  return `✖ ${errors} ${plural(errors, 'error')}, ${warnings} ${plural(warnings, 'warning')}${noted ? `, ${noted}` : ''}`
}
