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
