import { sortedEntries } from '../model/compare.js'
import type { SeriesPoint } from '../model/schema-types.js'

/** What tells the lines of a series apart: an entity and its dimensions (see lineKey). */
export type LineItem = Pick<SeriesPoint, 'entity' | 'dimensions'>

/**
 * The lines of a series numbered from 0 in the order they first come, told apart as lineKey tells
 * them, with no key of text held for each: a metric that ten thousand districts print has 90,000
 * lines, and their keys, with the lines made of them, took what a build held after a full
 * collection from about 165 MB to 241 MB while the pages of its series were planned.
 */
export interface LineNumbers {
  /** The number of the line of `item`: the next one when its line has not come before. */
  of: (item: LineItem) => number
  /** How many lines have come. */
  count: () => number
}

export function lineNumbers(): LineNumbers {
  const plain = new Map<string, number>()
  const dimensioned = new Map<string, Map<string, number>>()
  // One text of each set of dimensions: the same few recur over thousands of entities.
  const texts = new Map<string, string>()
  let count = 0
  return {
    of(item) {
      if (!hasDimensions(item)) {
        const number = plain.get(item.entity)
        if (number !== undefined) return number
        plain.set(item.entity, count)
        return count++
      }
      const made = JSON.stringify(sortedEntries(item.dimensions))
      let text = texts.get(made)
      if (text === undefined) texts.set(made, (text = made))
      let lines = dimensioned.get(item.entity)
      if (!lines) dimensioned.set(item.entity, (lines = new Map<string, number>()))
      const number = lines.get(text)
      if (number !== undefined) return number
      lines.set(text, count)
      return count++
    },
    count: () => count
  }
}

/** How many dimensions an item's line has; hasDimensions stops at the first. */
function dimensionCount(item: LineItem): number {
  let count = 0
  for (const _name in item.dimensions) count += 1
  return count
}

/** Whether an item is of a line with dimensions: most are not. */
function hasDimensions(item: LineItem): boolean {
  for (const _name in item.dimensions) return true
  return false
}

/**
 * Which of `count` lines is the main line, the one a sparkline draws (see mainLine), `lines` the
 * number of the line of each of `points`; undefined when there are no points.
 */
export function mainLineNumber(
  points: readonly LineItem[],
  entity: string,
  lines: readonly number[],
  count: number
): number | undefined {
  const own = points.findIndex((point) => point.entity === entity && !hasDimensions(point))
  if (own >= 0) return lines[own]
  const sizes = new Uint32Array(count)
  // How many dimensions each line has: 0 for the lines of a whole entity.
  const depths = new Uint8Array(count)
  for (const [at, line] of lines.entries()) {
    sizes[line] = (sizes[line] ?? 0) + 1
    depths[line] = Math.min(255, dimensionCount(points[at] as LineItem))
  }
  const anyWhole = depths.includes(0)
  let main: number | undefined
  let longest = 0
  let shallowest = 256
  // Of lines as long, the one of fewest dimensions: a total (round=中三督) before its parts.
  for (let line = 0; line < count; line++) {
    const [size, depth] = [sizes[line] ?? 0, depths[line] ?? 0]
    if (anyWhole && depth > 0) continue
    if (size > longest || (size === longest && depth < shallowest)) [main, longest, shallowest] = [line, size, depth]
  }
  return main
}
