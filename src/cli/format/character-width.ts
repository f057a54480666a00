import { textWidth } from '../../model/text-width.js'

const widths = new Map<string, number>()

/**
 * Terminal columns of a character as shown; measuring is slow and reports repeat a few thousand
 * characters, so widths are remembered.
 */
export function characterWidth(shown: string): number {
  let width = widths.get(shown)
  if (width === undefined) widths.set(shown, (width = textWidth(shown)))
  return width
}

/** The longest start of `line` that takes at most `columns` columns of a terminal. */
export function cutToWidth(line: string, columns: number): string {
  let used = 0
  let end = 0
  for (const char of line) {
    used += characterWidth(char)
    if (used > columns) return line.slice(0, end)
    end += char.length
  }
  return line
}
