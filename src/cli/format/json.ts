import { jsonText } from './printable.js'
import type { Diagnostic } from '../../model/compiled.js'

/** Machine-readable output: the diagnostics and what the command measured. */
export function formatJson(diagnostics: readonly Diagnostic[], extra: Record<string, unknown> = {}): string {
  const count = (severity: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === severity).length
  return jsonText({
    ...extra,
    errorCount: count('error'),
    warningCount: count('warning'),
    infoCount: count('info'),
    diagnostics
  })
}
