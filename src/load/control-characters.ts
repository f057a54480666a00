import { forbiddenCharacter, mayHoldForbidden } from '../model/forbidden-characters.js'

// Characters a report, its front matter and the registry must not hold (see forbiddenCharacter):
// invisible in editors, meaningless in a report, commands to the terminals and parse errors to the
// programs that later show the published data.

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
  if (!mayHoldForbidden(text)) return []
  return Array.from(text.matchAll(forbiddenCharacter), (match) => ({ offset: match.index, char: match[0] }))
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
  if (!mayHoldForbidden(text)) return text
  return text.replace(forbiddenCharacter, (char) => ' '.repeat(char.length))
}
