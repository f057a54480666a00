import type { Coverage } from '../model/compiled.js'

/**
 * Share of figures that are annotated, in percent, over the reports that
 * were read; a text without figures is fully covered, and when no report
 * was read nothing is: 0.
 */
export function coveragePercent(entries: readonly Coverage[]): number {
  const read = entries.filter((entry) => entry.read !== false)
  if (read.length === 0 && entries.length > 0) return 0
  const tagged = read.reduce((sum, entry) => sum + entry.tagged, 0)
  const untagged = read.reduce((sum, entry) => sum + entry.untagged, 0)
  return tagged + untagged === 0 ? 100 : (tagged / (tagged + untagged)) * 100
}

/**
 * `coverage: 98.4% of figures annotated (125 tagged, 2 untagged)`, one line
 * per report and a total when there are several. A report that was not
 * compiled (not read, not loaded, or past a limit)
 * says so, and the total says how many were left out of it.
 */
export function formatCoverage(entries: readonly Coverage[]): string {
  const read = entries.filter((entry) => entry.read !== false)
  const unread = entries.length - read.length
  const line = (name: string, list: readonly Coverage[]) => {
    const tagged = list.reduce((sum, entry) => sum + entry.tagged, 0)
    const untagged = list.reduce((sum, entry) => sum + entry.untagged, 0)
    return `${name}${coveragePercent(list).toFixed(1)}% of figures annotated (${tagged} tagged, ${untagged} untagged)`
  }
  const notRead = (entry: Coverage) =>
    `coverage of ${entry.path}: not measured, the report was not compiled (see the diagnostics above)`
  const lines =
    entries.length > 1
      ? entries.map((entry) => (entry.read === false ? notRead(entry) : line(`coverage of ${entry.path}: `, [entry])))
      : []
  if (unread > 0 && read.length === 0) {
    const total =
      entries.length === 1 && entries[0]
        ? `coverage: not measured, ${entries[0].path} was not compiled (see the diagnostics above)`
        : 'coverage: not measured, no report was compiled'
    return [...lines, total].join('\n') + '\n'
  }
  const total =
    line('coverage: ', read) +
    (unread > 0 ? `, in ${read.length} of ${entries.length} reports: ${unread} not compiled` : '')
  return [...lines, total].join('\n') + '\n'
}
