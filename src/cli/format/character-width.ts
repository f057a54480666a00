import stringWidth from 'string-width'

/**
 * Characters whose width in a terminal is known without string-width, by range: the first call of
 * string-width on any other character compiles its Unicode property patterns, which costs more than
 * a check of one report spends drawing all its frames, and reports are written mostly in these.
 * Each width is the one string-width gives (test/character-width.test.ts walks every range).
 */
// prettier-ignore
export const knownWidths: ReadonlyArray<{ from: number; to: number; width: number; what: string }> = [
  { from: 0x20, to: 0x7e, width: 1, what: 'printable ASCII' },
  { from: 0xb7, to: 0xb7, width: 1, what: 'middle dot (·): East Asian Ambiguous, narrow' },
  { from: 0x2014, to: 0x2014, width: 1, what: 'em dash (—): East Asian Ambiguous, narrow' },
  { from: 0x2018, to: 0x2019, width: 1, what: 'single quotation marks (‘’): East Asian Ambiguous, narrow' },
  { from: 0x201c, to: 0x201d, width: 1, what: 'double quotation marks (“”): East Asian Ambiguous, narrow' },
  { from: 0x2026, to: 0x2026, width: 1, what: 'horizontal ellipsis, where a frame cuts a line: East Asian Ambiguous, narrow' },
  { from: 0x2160, to: 0x216b, width: 1, what: 'Roman numerals Ⅰ to Ⅻ, of water quality classes: East Asian Ambiguous, narrow' },
  { from: 0x3001, to: 0x3003, width: 2, what: 'ideographic comma, full stop and ditto mark (、。〃): East Asian Wide' },
  { from: 0x3008, to: 0x3011, width: 2, what: 'CJK brackets (〈〉《》「」『』【】): East Asian Wide' },
  { from: 0x4e00, to: 0x9fff, width: 2, what: 'CJK Unified Ideographs: East Asian Wide' },
  { from: 0xff01, to: 0xff5e, width: 2, what: 'fullwidth forms of ASCII (，：；（）％): East Asian Fullwidth' }
]

const widths = new Map<string, number>()

/**
 * Terminal columns of a character as shown; measuring is slow and reports repeat a few thousand
 * characters, so widths are remembered.
 */
export function characterWidth(shown: string): number {
  let width = widths.get(shown)
  if (width === undefined) widths.set(shown, (width = knownWidth(shown) ?? stringWidth(shown)))
  return width
}

function knownWidth(shown: string): number | undefined {
  if (shown.length !== 1) return undefined
  const code = shown.charCodeAt(0)
  return knownWidths.find(({ from, to }) => code >= from && code <= to)?.width
}
