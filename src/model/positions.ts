import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { location } from 'vfile-location'

/** Turns offsets in a text into points (1-based line and column, and the offset), for diagnostics and facts. */
export function pointsOf(text: VFile | string): (offset: number) => Point {
  const place = location(text)
  return (offset) => {
    const point = place.toPoint(offset)
    return { line: point?.line ?? 1, column: point?.column ?? 1, offset }
  }
}
