/**
 * Control characters (Unicode category Cc) other than tab, line feed and
 * carriage return. They are invisible in editors, mean nothing in a report
 * or its YAML, and are commands to the terminals and programs that later
 * show the published data.
 */
const control = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/g
const anyControl = new RegExp(control.source)

/** The C0 abbreviations of ISO 6429, by code point; DEL and the C1 range are named by their code point alone. */
const c0Names = [
  'NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'HT', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI',
  'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US'
]

export function hasControlCharacter(text: string): boolean {
  return anyControl.test(text)
}

/** Offsets of the control characters of a text, in order. */
export function controlCharacterOffsets(text: string): number[] {
  return Array.from(text.matchAll(control), (match) => match.index)
}

/** `U+001B (ESC)`. */
export function describeControlCharacter(char: string): string {
  const code = char.codePointAt(0) ?? 0
  const name = code === 0x7f ? 'DEL' : c0Names[code]
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}${name ? ` (${name})` : ''}`
}

/** The text with each control character replaced by a space: same length, so every offset still points where it did. */
export function blankControlCharacters(text: string): string {
  return text.replace(control, ' ')
}
