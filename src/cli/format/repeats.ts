import type { Diagnostic } from '../../model/compiled.js'

/**
 * How many diagnostics of one rule in one file text output prints in full. A shared registry
 * serving many reports gives a `metric-unused` warning for each metric the reports at hand do not
 * use: a hundred of them would bury the one problem of the report being written.
 */
const repeatLimit = 3

/**
 * In how many files a rule's warnings (or notes) are printed before the files after them are only
 * counted. A collection of a thousand reports that each measure a change against a year no report
 * publishes gives a thousand notes of one rule, which would bury everything else the build says.
 */
const fileLimit = 5

type Severity = Diagnostic['severity']

/**
 * A diagnostic to print in full, the count of those of its rule and file left out after it, or the
 * count of those of its rule left out in the files after the first `fileLimit`.
 */
export type Shown =
  | { kind: 'diagnostic'; diagnostic: Diagnostic }
  | { kind: 'more'; file: string; ruleId: string; severity: Severity; count: number }
  | { kind: 'elsewhere'; ruleId: string; severity: Severity; count: number; files: number }

export interface RepeatLimits {
  /** Diagnostics of a rule printed in one file. */
  perFile: number
  /** Files a rule's diagnostics are printed in. */
  files: number
}

/**
 * The diagnostics as text output shows them: when a rule gives more than `perFile` warnings (or
 * notes) in one file, the first stands for them all, followed by how many more there are; when it
 * gives them in more than `files` files, those of the first files are shown, followed by how many
 * more there are in how many other files. Errors are always shown each at its place, as each one
 * is something to fix there.
 */
export function collapseRepeats(
  diagnostics: readonly Diagnostic[],
  limits: RepeatLimits = { perFile: repeatLimit, files: fileLimit }
): Shown[] {
  return acrossFiles(inEachFile(diagnostics, limits.perFile), limits.files)
}

function inEachFile(diagnostics: readonly Diagnostic[], limit: number): Shown[] {
  const groups = new Map<Severity, Map<string, Map<string, Diagnostic[]>>>()
  const groupOf = ({ file, ruleId, severity }: Diagnostic): Diagnostic[] => {
    const ofSeverity = entryOf(groups, severity, () => new Map<string, Map<string, Diagnostic[]>>())
    const ofRule = entryOf(ofSeverity, ruleId, () => new Map<string, Diagnostic[]>())
    return entryOf(ofRule, file, (): Diagnostic[] => [])
  }
  for (const diagnostic of diagnostics) if (diagnostic.severity !== 'error') groupOf(diagnostic).push(diagnostic)
  const shown: Shown[] = []
  for (const diagnostic of diagnostics) {
    const group = diagnostic.severity === 'error' ? undefined : groupOf(diagnostic)
    if (!group || group.length <= limit) shown.push({ kind: 'diagnostic', diagnostic })
    else if (group[0] === diagnostic) {
      const { file, ruleId, severity } = diagnostic
      shown.push({ kind: 'diagnostic', diagnostic }, { kind: 'more', file, ruleId, severity, count: group.length - 1 })
    }
  }
  return shown
}

/** What one rule (at one severity) prints across files: the files in order, and those left out. */
interface RuleFiles {
  ruleId: string
  severity: Severity
  files: Set<string>
  hidden: { count: number; files: Set<string> }
  /** Where in the output the last item of the files kept stands: the count of the others goes after it. */
  last: number
}

function acrossFiles(shown: readonly Shown[], limit: number): Shown[] {
  const rules = new Map<Severity, Map<string, RuleFiles>>()
  const ruleOf = (item: Shown) => {
    if (item.kind === 'elsewhere') return undefined
    const { file, ruleId, severity } = item.kind === 'diagnostic' ? item.diagnostic : item
    if (severity === 'error') return undefined
    const rule = entryOf(
      entryOf(rules, severity, () => new Map<string, RuleFiles>()),
      ruleId,
      (): RuleFiles => ({
        ruleId,
        severity,
        files: new Set<string>(),
        hidden: { count: 0, files: new Set<string>() },
        last: -1
      })
    )
    return { rule, file }
  }
  const kept = shown.map((item, index) => {
    const of = ruleOf(item)
    if (!of) return true
    const { rule, file } = of
    if (rule.files.has(file) || rule.files.size < limit) {
      rule.files.add(file)
      rule.last = index
      return true
    }
    rule.hidden.count += item.kind === 'more' ? item.count : 1
    rule.hidden.files.add(file)
    return false
  })
  const countsAfter = new Map<number, Shown[]>()
  const ruleFiles = [...rules.values()].flatMap((ofSeverity) => [...ofSeverity.values()])
  for (const { ruleId, severity, hidden, last } of ruleFiles) {
    if (hidden.count === 0) continue
    const count: Shown = { kind: 'elsewhere', ruleId, severity, count: hidden.count, files: hidden.files.size }
    countsAfter.set(last, [...(countsAfter.get(last) ?? []), count])
  }
  return shown.flatMap((item, index) => [...(kept[index] ? [item] : []), ...(countsAfter.get(index) ?? [])])
}

/**
 * The entry of `key`, made by `make` when there is none. Diagnostics are grouped in maps within
 * maps, not by keys joined from their fields: a build of a thousand reports that prints nothing
 * new groups 3,000 notes, which took 33 to 37 ms with keys made as JSON, and 22 to 25 ms so.
 */
function entryOf<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  const found = map.get(key)
  if (found !== undefined) return found
  const made = make()
  map.set(key, made)
  return made
}
