import { jsonText } from './printable.js'
import type { Diagnostic } from '../../model/compiled.js'

/** Machine-readable output: the diagnostics and what the command measured. */
export function formatJson(diagnostics: readonly Diagnostic[], extra: Record<string, unknown> = {}): string {
  const errorCount = diagnostics.filter((d) => d.severity === 'error').length
  return jsonText({ ...extra, errorCount, warningCount: diagnostics.length - errorCount, diagnostics })
}
