/**
 * Characters a report, its front matter and the registry must not hold:
 * control characters (Unicode category Cc) other than tab, line feed and
 * carriage return; noncharacters (U+FDD0 to U+FDEF and the last two code
 * points of every plane), which Unicode keeps for a program's internal use;
 * and halves of surrogate pairs standing alone, which no encoding can
 * write. They are invisible in editors, mean nothing in a report, and are
 * commands to the terminals and parse errors to the programs that later
 * show the published data.
 */
const forbidden = new RegExp(
  `[\\0-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\uFDD0-\\uFDEF${Array.from({ length: 17 }, (_, plane) => {
    const last = (plane << 16) | 0xfffe
    return `\\u{${last.toString(16)}}\\u{${(last + 1).toString(16)}}`
  }).join('')}\\uD800-\\uDFFF]`,
  'gu'
)

/**
 * Every code unit that may belong to a forbidden character, without the /u flag: an astral
 * noncharacter is a surrogate pair, so a text this misses holds none, and most texts are read once
 * by this cheap pattern rather than by the one above with its class of astral code points.
 */
const mayBeForbidden = new RegExp(
  `[\\0-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\uD800-\\uDFFF\\uFDD0-\\uFDEF\\uFFFE\\uFFFF]`
)

/** The C0 abbreviations of ISO 6429, by code point. */
const c0Names = [
  'NUL',
  'SOH',
  'STX',
  'ETX',
  'EOT',
  'ENQ',
  'ACK',
  'BEL',
  'BS',
  'HT',
  'LF',
  'VT',
  'FF',
  'CR',
  'SO',
  'SI',
  'DLE',
  'DC1',
  'DC2',
  'DC3',
  'DC4',
  'NAK',
  'SYN',
  'ETB',
  'CAN',
  'EM',
  'SUB',
  'ESC',
  'FS',
  'GS',
  'RS',
  'US'
]

export interface ForbiddenCharacter {
  /** Offset in UTF-16 code units, as positions count. */
  offset: number
  /** The character: two code units for a noncharacter beyond the first plane. */
  char: string
}

/** The forbidden characters of a text, in order. */
export function forbiddenCharacters(text: string): ForbiddenCharacter[] {
  if (!mayBeForbidden.test(text)) return []
  return Array.from(text.matchAll(forbidden), (match) => ({ offset: match.index, char: match[0] }))
}

/** `the control character U+001B (ESC)`, `the noncharacter U+FFFE`, `a lone surrogate U+D800`. */
export function describeForbiddenCharacter(char: string): string {
  const code = char.codePointAt(0) ?? 0
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
  if (code >= 0xd800 && code <= 0xdfff) return `the lone surrogate ${hex}`
  if (code >= 0xfdd0) return `the noncharacter ${hex}`
  const name = code === 0x7f ? 'DEL' : c0Names[code]
  return `the control character ${hex}${name ? ` (${name})` : ''}`
}

/**
 * The text with each forbidden character made spaces, one per code unit, so that every offset still
 * points where it did.
 */
export function blankForbiddenCharacters(text: string): string {
  if (!mayBeForbidden.test(text)) return text
  return text.replace(forbidden, (char) => ' '.repeat(char.length))
}
