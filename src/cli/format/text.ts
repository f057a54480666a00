import { codeFrame, sourceLines } from './code-frame.js'
import { guardLines, printable } from './printable.js'
import type { Diagnostic } from '../../model/compiled.js'
import { plural } from '../../model/plural.js'
import { collapseRepeats, type Shown } from './repeats.js'
import type { SourceLookup } from '../../load/sources-read-again.js'
import type { RuleLink } from './rule-link.js'

// A Map of texts is a SourceLookup too.
export type { SourceLookup }

export interface TextOptions {
  /** Print every diagnostic, also when one rule repeats many times in a file. */
  verbose?: boolean
  /**
   * The notes told before, by noteKey: shown, or counted in a line of repeats (… and 40 more);
   * they are counted and not printed again, and the notes told now are added. A watch passes one
   * across its builds, so that a save does not repeat the notes nobody needs to act on; errors
   * and warnings are printed every time.
   */
  notesShown?: NotesTold
  /** Where the fix line points a reader for its rule (see rule-link.ts); the url as it is by default. */
  ruleLink?: RuleLink
}

/** How each note was told before, by noteKey (see TextOptions.notesShown). */
export type NotesTold = Map<string, 'shown' | 'counted'>

/** A note as a watch remembers it was printed: where, which rule, and what it says. */
function noteKey(d: Diagnostic): string {
  return `${d.file}\0${d.line}\0${d.column}\0${d.ruleId}\0${d.message}`
}

// What a left-out diagnostic of each severity is called in the line that counts them.
const severityNouns: Record<Diagnostic['severity'], string> = { error: 'error', warning: 'warning', info: 'note' }

/**
 * `file:line:column severity message [rule]`, a code frame, the fix; then a summary line. Unless
 * `verbose`, a rule that repeats in a file shows once, with the count of the others (see repeats.ts).
 */
export function formatText(
  diagnostics: readonly Diagnostic[],
  sources: SourceLookup,
  options: TextOptions = {}
): string {
  // Each source is split once: a report with thousands of diagnostics must not be split for each of
  // them. The diagnostics come sorted by file, so only the file being printed is held; a collection
  // of thousands is never in memory at once.
  let current: { file: string; lines: string[] | undefined } | undefined
  const lineOf = (file: string, line: number) => {
    if (current?.file !== file) {
      const source = sources.get(file)
      current = { file, lines: source === undefined ? undefined : sourceLines(source) }
    }
    return current.lines?.[line - 1]
  }
  const link = options.ruleLink ?? String
  const block = (d: Diagnostic) => {
    const head = `${printable(d.file)}:${d.line}:${d.column} ${d.severity} ${printable(d.message)} [${printable(d.ruleId)}]`
    const frame = codeFrame(lineOf(d.file, d.line), d.line, d.column, d.endLine, d.endColumn)
    const related = (d.related ?? []).map(
      (place) => `  see ${printable(place.file)}:${place.line}:${place.column}: ${printable(place.message)}`
    )
    const fix = d.fix ? `  fix: ${printable(d.fix)}${d.url ? ` (${printable(link(d.url))})` : ''}` : ''
    return [head, frame, ...related, fix].filter(Boolean).join('\n')
  }
  const { notesShown } = options
  const again = (d: Diagnostic) => d.severity === 'info' && notesShown?.has(noteKey(d)) === true
  const printed = notesShown ? diagnostics.filter((d) => !again(d)) : diagnostics
  const shown = options.verbose
    ? collapseRepeats(printed, { perFile: Infinity, files: Infinity })
    : collapseRepeats(printed)
  const blocks = shown.map((item) =>
    item.kind === 'diagnostic' ? block(item.diagnostic) : item.kind === 'more' ? moreLine(item) : elsewhereLine(item)
  )
  if (notesShown) {
    const told = toldBefore(diagnostics.filter(again), notesShown)
    if (told) blocks.push(told)
    const listed = new Set(shown.flatMap((item) => (item.kind === 'diagnostic' ? [item.diagnostic] : [])))
    for (const d of printed) if (d.severity === 'info') notesShown.set(noteKey(d), listed.has(d) ? 'shown' : 'counted')
  }
  return guardLines([...blocks, summary(diagnostics)].join('\n\n') + '\n')
}

/**
 * The line that counts the notes told before: those shown then, and those only counted then in a
 * line of repeats, which were never shown; undefined when there are none.
 */
function toldBefore(notes: readonly Diagnostic[], told: NotesTold): string | undefined {
  if (notes.length === 0) return undefined
  const counted = notes.filter((d) => told.get(noteKey(d)) === 'counted').length
  const shown = notes.length - counted
  const noun = (count: number) => `${count} ${plural(count, 'note')}`
  if (counted === 0) return `(${noun(shown)} as before, not shown again)`
  if (shown === 0) return `(${noun(counted)} as before, counted then and not listed)`
  return `(${noun(notes.length)} as before: ${shown} not shown again, ${counted} counted then and not listed)`
}

function moreLine({ file, ruleId, severity, count }: Extract<Shown, { kind: 'more' }>): string {
  const noun = plural(count, `${printable(ruleId)} ${severityNouns[severity]}`)
  return `… and ${count} more ${noun} in ${printable(file)} (--verbose lists them)`
}

function elsewhereLine({ ruleId, severity, count, files }: Extract<Shown, { kind: 'elsewhere' }>): string {
  const noun = plural(count, `${printable(ruleId)} ${severityNouns[severity]}`)
  return `… and ${count} more ${noun} in ${files} other ${plural(files, 'file')} (--verbose lists them)`
}

function summary(diagnostics: readonly Diagnostic[]): string {
  const count = (severity: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === severity).length
  const [errors, warnings, notes] = [count('error'), count('warning'), count('info')]
  const noted = notes > 0 ? `${notes} ${plural(notes, 'note')}` : ''
  if (errors + warnings === 0) return noted ? `✔ no problems, ${noted}` : '✔ no problems'
  // ✖ marks a run that fails; warnings alone fail only with --strict, which says so itself.
  return `${errors > 0 ? '✖' : '⚠'} ${errors} ${plural(errors, 'error')}, ${warnings} ${plural(warnings, 'warning')}${noted ? `, ${noted}` : ''}`
}
