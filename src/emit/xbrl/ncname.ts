// XML 1.0 (fifth edition) NameStartChar and NameChar without ":", the
// characters of an NCName. The supplementary planes (#x10000-#xEFFFF) are
// left out on purpose: older XML Schema processors, and Arelle's OIM loader,
// reject them, so factmark never writes them into a name.
const startChars =
  'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD'
const nameChars = `${startChars}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040`

/* eslint-disable no-misleading-character-class -- the classes are ranges of single code points, and
   U+200C/U+200D (joiners elsewhere) are NCName characters of their own here */
const ncNamePattern = new RegExp(`^[${startChars}][${nameChars}]*$`, 'u')
const startChar = new RegExp(`^[${startChars}]$`, 'u')
const nameChar = new RegExp(`^[${nameChars}]$`, 'u')
const notNameChar = new RegExp(`[^${nameChars}]`, 'gu')
/* eslint-enable no-misleading-character-class */

function isNcName(text: string): boolean {
  return ncNamePattern.test(text)
}

/**
 * A readable NCName for any text: each character an NCName cannot hold
 * becomes `_`, and `prefix` goes in front when the result cannot start a
 * name (or is empty). Lossy: callers that need unique names disambiguate.
 */
export function ncNameLike(text: string, prefix: string): string {
  const name = text.replace(notNameChar, '_')
  return isNcName(name) ? name : `${prefix}${name}`
}

/**
 * A reversible NCName: each character that cannot stand where it is becomes
 * `_xHHHH_`, its code point in hex, the escape OOXML uses for names
 * (`[in_i]` → `_x005B_in_i_x005D_`).
 */
export function escapeNcName(text: string): string {
  let out = ''
  for (const char of text) {
    const allowed = out === '' ? startChar.test(char) : nameChar.test(char)
    out += allowed ? char : `_x${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}_`
  }
  return out
}
