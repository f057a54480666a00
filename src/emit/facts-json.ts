import type { CompiledReport } from '../model/compiled.js'

/** facts.json: the bundle, indented, with a final newline; key order is fixed by construction. */
export function emitFactsJson(report: CompiledReport): string {
  return `${JSON.stringify(report.bundle, null, 2)}\n`
}
