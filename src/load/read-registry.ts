import { toDiagnostic } from '../diagnostics/report.js'
import type { Diagnostic, Registry } from '../model/compiled.js'
import { err, ok, type Result } from '../model/result.js'
import { loadRegistry } from './registry.js'

/**
 * A metric registry from the text of a `metrics.yaml`, checked as a build
 * checks it, for the `registry` option of factmark/remark; or every problem
 * found, as diagnostics that point into the text. Warnings alone do not
 * refuse the registry.
 */
export function readRegistry(
  text: string | Uint8Array,
  path = 'metrics.yaml'
): Result<{ registry: Registry; warnings: Diagnostic[] }, Diagnostic[]> {
  const { file, registry } = loadRegistry(path, text)
  const diagnostics = file.messages.map(toDiagnostic)
  return registry ? ok({ registry, warnings: diagnostics }) : err(diagnostics)
}
