/**
 * Arabic numbers as Chinese reports print them: ASCII or full-width digits
 * (１７．４), `,` or `，` grouping thousands.
 */

export interface ArabicNumber {
  /** The number as written, up to the first character that cannot belong to it. */
  text: string
  /** ASCII digits and point, grouping removed: a decimal string `Number` reads exactly. */
  mantissa: string
  /** Digits written after the point. */
  fraction: number
  /** Plain digits only, no grouping or point: what a year or an ordinal looks like. */
  plain: boolean
  end: number
}

const FULL_WIDTH_OFFSET = 0xfee0
const POINTS = new Set(['.', '．'])
const GROUP_SEPARATORS = new Set([',', '，'])
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/
const UNGROUPED = /^\d+(?:\.\d+)?$/

export function isArabicDigit(char: string): boolean {
  return (char >= '0' && char <= '9') || (char >= '０' && char <= '９')
}

function toAscii(char: string): string {
  if (char >= '０' && char <= '９') {
    return String.fromCharCode(char.charCodeAt(0) - FULL_WIDTH_OFFSET)
  }
  if (POINTS.has(char)) return '.'
  if (GROUP_SEPARATORS.has(char)) return ','
  return char
}

/**
 * The Arabic number starting at `start`: undefined when no digit is there, a
 * string reason when the characters are digits and separators that do not
 * form a number (1.2.3, 1,23).
 */
export function readArabic(text: string, start: number): ArabicNumber | { invalid: string } | undefined {
  if (!isArabicDigit(text[start] ?? '')) return undefined
  let end = start
  while (end < text.length) {
    const char = text[end] ?? ''
    if (!isArabicDigit(char) && !POINTS.has(char) && !GROUP_SEPARATORS.has(char)) break
    end += 1
  }
  const written = text.slice(start, end)
  // Most figures are written in ASCII digits alone, which need no mapping.
  const ascii = /^[0-9]+$/.test(written) ? written : [...written].map(toAscii).join('')
  if (!GROUPED.test(ascii) && !UNGROUPED.test(ascii)) return { invalid: written }
  const mantissa = ascii.replaceAll(',', '')
  const point = mantissa.indexOf('.')
  return {
    text: written,
    mantissa,
    fraction: point === -1 ? 0 : mantissa.length - point - 1,
    plain: /^\d+$/.test(ascii),
    end
  }
}
