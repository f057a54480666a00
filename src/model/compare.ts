/** Code-unit order, the same on every machine and locale, so that output is byte-identical. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Entries of a record in key order. */
export function sortedEntries<T>(record: Record<string, T>): Array<[string, T]> {
  return Object.entries(record).sort(([a], [b]) => compareStrings(a, b))
}
