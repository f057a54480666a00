import type { Diagnostic } from '../../model/compiled.js'

/**
 * How many diagnostics of one rule in one file text output prints in full. A shared registry
 * serving many reports gives a `metric-unused` warning for each metric the reports at hand do not
 * use: a hundred of them would bury the one problem of the report being written.
 */
export const repeatLimit = 3

/** A diagnostic to print in full, or the count of those of its rule and file left out after it. */
export type Shown =
  | { kind: 'diagnostic'; diagnostic: Diagnostic }
  | { kind: 'more'; file: string; ruleId: string; severity: Diagnostic['severity']; count: number }

/**
 * The diagnostics as text output shows them: when a rule gives more than `limit` warnings (or
 * notes) in one file, the first stands for them all, followed by how many more there are. Errors
 * are always shown each at its place, as each one is something to fix there.
 */
export function collapseRepeats(diagnostics: readonly Diagnostic[], limit = repeatLimit): Shown[] {
  const groups = new Map<string, Diagnostic[]>()
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 'error') continue
    const key = groupKey(diagnostic)
    const group = groups.get(key)
    if (group) group.push(diagnostic)
    else groups.set(key, [diagnostic])
  }
  const shown: Shown[] = []
  for (const diagnostic of diagnostics) {
    const group = diagnostic.severity === 'error' ? undefined : groups.get(groupKey(diagnostic))
    if (!group || group.length <= limit) shown.push({ kind: 'diagnostic', diagnostic })
    else if (group[0] === diagnostic) {
      const { file, ruleId, severity } = diagnostic
      shown.push({ kind: 'diagnostic', diagnostic }, { kind: 'more', file, ruleId, severity, count: group.length - 1 })
    }
  }
  return shown
}

function groupKey({ file, ruleId, severity }: Diagnostic): string {
  return JSON.stringify([file, ruleId, severity])
}
