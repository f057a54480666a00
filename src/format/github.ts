import type { Diagnostic } from '../diagnostics.js'

// Workflow commands end at a newline and split properties at , and :, so those are escaped.
export const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
export const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')

/** GitHub Actions workflow commands: each diagnostic becomes an annotation on its line. */
export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const properties = [
        `file=${escapeProperty(d.file)}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `endLine=${d.endLine}`,
        `endColumn=${d.endColumn}`,
        `title=${escapeProperty(d.ruleId)}`
      ].join(',')
      const fix = d.fix ? `\n${d.fix}${d.url ? ` (${d.url})` : ''}` : ''
      return `::${d.severity} ${properties}::${escapeData(d.message + fix)}\n`
    })
    .join('')
}
