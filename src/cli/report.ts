import { formatGithub } from './format/github.js'
import { formatJson } from './format/json.js'
import { formatText, type SourceLookup } from './format/text.js'
import { ruleLinkFrom } from './format/rule-link.js'
import type { Format, Io } from './command-line.js'
import type { CompileResult, Diagnostic } from '../model/compiled.js'

/** How diagnostics are printed; --verbose only changes text output, as JSON and github keep every record. */
export interface Output {
  format: Format
  verbose: boolean
  /** Text output: the notes printed before, not printed again (see TextOptions). */
  notesShown?: Set<string>
}

/** Print the diagnostics of check and build, with `extra` fields in JSON output. */
export function report(
  result: Pick<CompileResult, 'diagnostics' | 'files'> | { diagnostics: Diagnostic[]; sources: SourceLookup },
  { format, verbose, notesShown }: Output,
  io: Io,
  extra: Record<string, unknown>
): void {
  const diagnostics: Diagnostic[] = result.diagnostics
  if (format === 'json') io.stdout(formatJson(diagnostics, extra))
  else if (format === 'github') io.stdout(formatGithub(diagnostics, ruleLinkFrom(io.cwd)))
  else {
    const sources =
      'sources' in result ? result.sources : new Map(result.files.map((file) => [file.path, String(file.value)]))
    io.stdout(
      formatText(diagnostics, sources, { verbose, ruleLink: ruleLinkFrom(io.cwd), ...(notesShown && { notesShown }) })
    )
  }
}
