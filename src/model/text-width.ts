import { eastAsianWidth } from 'get-east-asian-width'

/**
 * Characters whose width in a terminal is known by range, without the Unicode property patterns
 * any other character is measured with (see codePointWidth): compiling them costs more than a
 * check of one report spends drawing all its frames, and reports are written mostly in these.
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

function knownWidth(code: number): number | undefined {
  return knownWidths.find(({ from, to }) => code >= from && code <= to)?.width
}

let invisible: RegExp | undefined
let emoji: RegExp | undefined

/**
 * The width string-width gives a code point: none for what is not drawn, two for an emoji, else
 * its East Asian Width (test/character-width.test.ts compares the two over every code point of
 * the planes in use). Not string-width itself: it measures clusters, with an Intl.Segmenter that
 * took 25 ms to make as its module loaded, in every process and thread that compiles a report.
 */
function codePointWidth(code: number): number {
  const known = knownWidth(code)
  if (known !== undefined) return known
  const char = String.fromCodePoint(code)
  // Made when first needed; built with RegExp, as the v flag is newer than the language level the sources are compiled to.
  invisible ??= new RegExp(
    '[\\p{Default_Ignorable_Code_Point}\\p{Control}\\p{Format}\\p{Nonspacing_Mark}\\p{Enclosing_Mark}\\p{Surrogate}]',
    'v'
  )
  if (invisible.test(char)) return 0
  emoji ??= new RegExp('^\\p{RGI_Emoji}$', 'v')
  if (emoji.test(char)) return 2
  return eastAsianWidth(code)
}

/**
 * Terminal columns of a text, as the sum of its code points' widths. The same as string-width for
 * one code point, and for any text without clusters of several (a code frame measures one code
 * point at a time; a table's cells in clean Markdown are text of reports); a cluster such as an
 * emoji joined of several counts each of its parts, which only pads a column of a table wider.
 */
export function textWidth(text: string): number {
  let width = 0
  for (let index = 0; index < text.length;) {
    const code = text.codePointAt(index) ?? 0
    width += codePointWidth(code)
    index += code > 0xffff ? 2 : 1
  }
  return width
}
