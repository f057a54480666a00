/**
 * Characters no text factmark reads or writes may hold: control characters (Unicode category Cc)
 * other than tab, line feed and carriage return; noncharacters (U+FDD0 to U+FDEF and the last two
 * code points of every plane), which Unicode keeps for a program's internal use; and halves of
 * surrogate pairs standing alone, which no encoding can write. They are the HTML standard's parse
 * errors too (control-character-in-input-stream, noncharacter-in-input-stream).
 */
export const forbiddenCharacter = new RegExp(
  `[\\0-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\uFDD0-\\uFDEF${Array.from({ length: 17 }, (_, plane) => {
    const last = (plane << 16) | 0xfffe
    return `\\u{${last.toString(16)}}\\u{${(last + 1).toString(16)}}`
  }).join('')}\\uD800-\\uDFFF]`,
  'gu'
)

/**
 * Every code unit that may belong to a forbidden character, without the /u flag: an astral
 * noncharacter is a surrogate pair, so a text this misses holds none. Most texts are read once by
 * this cheap pattern rather than by the one above with its class of astral code points.
 */
const mayBeForbidden = new RegExp(
  `[\\0-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\uD800-\\uDFFF\\uFDD0-\\uFDEF\\uFFFE\\uFFFF]`
)

/** Whether a text may hold a forbidden character: false means it holds none. */
export function mayHoldForbidden(text: string): boolean {
  return mayBeForbidden.test(text)
}
