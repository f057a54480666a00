import type { Coverage } from './compile.js'

/** Share of figures that are annotated, in percent; a text without figures is fully covered. */
export function coveragePercent(entries: readonly Coverage[]): number {
  const tagged = entries.reduce((sum, entry) => sum + entry.tagged, 0)
  const untagged = entries.reduce((sum, entry) => sum + entry.untagged, 0)
  return tagged + untagged === 0 ? 100 : (tagged / (tagged + untagged)) * 100
}

/** `coverage: 98.4% of figures annotated (125 tagged, 2 untagged)`, one line per report and a total when there are several. */
export function formatCoverage(entries: readonly Coverage[]): string {
  const line = (name: string, list: readonly Coverage[]) => {
    const tagged = list.reduce((sum, entry) => sum + entry.tagged, 0)
    const untagged = list.reduce((sum, entry) => sum + entry.untagged, 0)
    return `${name}${coveragePercent(list).toFixed(1)}% of figures annotated (${tagged} tagged, ${untagged} untagged)`
  }
  const lines = entries.length > 1 ? entries.map((entry) => line(`coverage of ${entry.path}: `, [entry])) : []
  return [...lines, line('coverage: ', entries)].join('\n') + '\n'
}
