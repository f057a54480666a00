/** Half-open ranges [start, end) of a text, merged and sorted, asked about by binary search. */
export interface Spans {
  /** Is the offset inside one of the spans? */
  covers(offset: number): boolean
  /** Does [start, end) share an offset with one of the spans? */
  overlaps(start: number, end: number): boolean
}

/**
 * The spans a text is asked about for each figure or fact in it: a report
 * can have tens of thousands of both, so each question costs the logarithm
 * of their number rather than a walk over all of them.
 */
export function spansOf(ranges: Iterable<readonly [number, number]>): Spans {
  const sorted = [...ranges].filter(([start, end]) => start < end).sort((a, b) => a[0] - b[0])
  const merged: Array<[number, number]> = []
  for (const [start, end] of sorted) {
    const last = merged.at(-1)
    if (last && start <= last[1]) last[1] = Math.max(last[1], end)
    else merged.push([start, end])
  }
  /** The index of the last span starting at or before the offset, or -1. */
  const lastStartingBy = (offset: number) => {
    let low = 0
    let high = merged.length - 1
    let found = -1
    while (low <= high) {
      const middle = (low + high) >> 1
      if ((merged[middle] as [number, number])[0] <= offset) {
        found = middle
        low = middle + 1
      } else {
        high = middle - 1
      }
    }
    return found
  }
  return {
    covers: (offset) => {
      const span = merged[lastStartingBy(offset)]
      return span !== undefined && offset < span[1]
    },
    overlaps: (start, end) => {
      if (start >= end) return false
      const span = merged[lastStartingBy(end - 1)]
      return span !== undefined && start < span[1]
    }
  }
}
