import { plural } from '../model/plural.js'

/**
 * Why messages fail a build or a check: their errors, or under --strict their warnings (`2 errors`,
 * `1 warning (--strict)`); undefined when they pass.
 */
export function failingMessages(
  { errors, warnings }: { errors: number; warnings: number },
  strict: boolean | undefined
): string | undefined {
  if (errors > 0) return `${errors} ${plural(errors, 'error')}`
  return strict && warnings > 0 ? `${warnings} ${plural(warnings, 'warning')} (--strict)` : undefined
}
