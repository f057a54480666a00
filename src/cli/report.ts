import path from 'node:path'
import { displayPath } from '../load/sources.js'
import { formatGithub } from './format/github.js'
import { formatJson } from './format/json.js'
import { formatText, type NotesTold, type SourceLookup } from './format/text.js'
import { ruleLinkFrom } from './format/rule-link.js'
import type { Format, Io } from './command-line.js'
import type { CompileResult, Diagnostic } from '../model/compiled.js'

/** How diagnostics are printed; --verbose only changes text output, as JSON and github keep every record. */
export interface Output {
  format: Format
  verbose: boolean
  /** Text output: the notes told before, not printed again (see TextOptions). */
  notesShown?: NotesTold
  /** The registry's path as printed (see registryShown). */
  registry?: string
}

/** The path of the registry of the source folder `src`, as messages print it. */
export function registryShown(src: string, cwd: string): string {
  return displayPath(path.join(src, 'metrics.yaml'), cwd)
}

/** Print the diagnostics of check and build, with `extra` fields in JSON output. */
export function report(
  result: Pick<CompileResult, 'diagnostics' | 'files'> | { diagnostics: Diagnostic[]; sources: SourceLookup },
  { format, verbose, notesShown, registry }: Output,
  io: Io,
  extra: Record<string, unknown>
): void {
  const diagnostics = withRegistryAt(result.diagnostics, registry)
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

const projectRegistry = 'source/metrics.yaml'

/** The rules' fixes name the registry where a project keeps it, which another source folder (--src) moves. */
function withRegistryAt(diagnostics: Diagnostic[], registry: string | undefined): Diagnostic[] {
  if (registry === undefined || registry === projectRegistry) return diagnostics
  return diagnostics.map((diagnostic) =>
    diagnostic.fix?.includes(projectRegistry)
      ? { ...diagnostic, fix: diagnostic.fix.replaceAll(projectRegistry, registry) }
      : diagnostic
  )
}
