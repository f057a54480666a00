import { stripBounds } from './bounds.js'
import { readRange, splitRange } from './range.js'
import { failure, success, toFigure } from './reading.js'
import { reasons } from './reasons.js'
import { readSingle } from './single.js'
import type { FigureResult } from './types.js'

/**
 * Read the label of an annotation, the figure exactly as printed: `1159万吨`,
 * `2.5亿元`, `99.2%`, `第8`, `Ⅱ类`, `三轮`, `2021—2024年`, `近八成`, `五分之一`,
 * `近万场`, `5.4倍`, `65岁以上`, `2：1`. Never throws: a
 * label that is not a figure gives a reason an editor can act on.
 */
export function readFigure(label: string): FigureResult {
  const text = label.trim()
  if (text === '') return failure(reasons.empty())
  const space = /\s/u.exec(text)
  if (space) return failure(reasons.spaceInside(text, codePoint(space[0])))
  const stripped = stripBounds(text)
  if (stripped.text === '') return failure(reasons.noNumber(text))
  const split = splitRange(stripped.text)
  if (split === 'many') return failure(reasons.manySeparators(text))
  const qualified = stripped.bounds.length > 0
  const reading = split ? readRange(text, split.lower, split.upper) : readSingle(text, stripped.text, qualified)
  if (!reading.ok) return reading
  const bounds = new Set([...stripped.bounds, ...(reading.value.bound ? [reading.value.bound] : [])])
  if (bounds.size > 1) return failure(reasons.twoBounds(text))
  const [bound] = bounds
  const figure = toFigure(reading.value)
  if (bound) figure.bound = bound
  return success(figure)
}

function codePoint(char: string): string {
  const code = char.codePointAt(0) ?? 0
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
}
