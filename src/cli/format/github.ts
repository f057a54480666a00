import { printable } from './printable.js'
import type { Diagnostic } from '../../model/compiled.js'
import type { RuleLink } from './rule-link.js'

// Workflow commands end at a newline and split properties at , and :, so those are escaped.
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')

/**
 * A workflow command. Each field is made printable first: the runner turns
 * %0A back into a line break and shows the rest in the log and the
 * annotation, where escape sequences would still act.
 */
export function workflowCommand(
  command: 'error' | 'warning' | 'notice',
  properties: ReadonlyArray<readonly [string, string | number]>,
  lines: readonly string[]
): string {
  const list = properties.map(([name, value]) => `${name}=${escapeProperty(printable(String(value)))}`).join(',')
  return `::${command}${list ? ` ${list}` : ''}::${escapeData(lines.map(printable).join('\n'))}\n`
}

/** GitHub Actions workflow commands: each diagnostic becomes an annotation on its line. */
export function formatGithub(diagnostics: readonly Diagnostic[], ruleLink: RuleLink = String): string {
  return diagnostics
    .map((d) =>
      workflowCommand(
        d.severity === 'info' ? 'notice' : d.severity,
        [
          ['file', d.file],
          ['line', d.line],
          ['col', d.column],
          ['endLine', d.endLine],
          ['endColumn', d.endColumn],
          ['title', d.ruleId]
        ],
        [
          d.message,
          ...(d.related ?? []).map((place) => `see ${place.file}:${place.line}:${place.column}: ${place.message}`),
          ...(d.fix ? [`${d.fix}${d.url ? ` (${ruleLink(d.url)})` : ''}`] : [])
        ]
      )
    )
    .join('')
}
