import type { Element, Root } from 'hast'

/** The noncharacters of every plane but the first: U+1FFFE, U+1FFFF … U+10FFFF. */
const planeNoncharacters = Array.from(
  { length: 16 },
  (_, plane) => `\\u{${(plane + 1).toString(16)}FFFE}\\u{${(plane + 1).toString(16)}FFFF}`
).join('')

/**
 * Code points a page must not hold, as the HTML standard's parse errors name
 * them: NUL, the other C0 controls but tab, line feed and carriage return,
 * DEL and the C1 controls (control-character-in-input-stream),
 * noncharacters, and surrogates that pair with nothing (which UTF-8 cannot
 * even write).
 */
export const forbiddenInPage = new RegExp(
  `[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uFDD0-\\uFDEF\\uFFFE\\uFFFF${planeNoncharacters}\\uD800-\\uDFFF]`,
  'gu'
)

/**
 * Every code unit that may belong to a forbidden character, without the /u flag: a noncharacter
 * beyond the first plane is a surrogate pair, so a text this misses holds none. Most texts are
 * read once by this cheap pattern rather than by the one above with its class of astral code points.
 */
const mayBeForbidden = new RegExp(
  `[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF\\uFDD0-\\uFDEF\\uFFFE\\uFFFF]`
)

/** What stands in a page where a forbidden character was: visible, so the text is not silently changed. */
const REPLACEMENT = '\uFFFD'

/**
 * Replace every character a page must not hold. Sources with control
 * characters are refused when they are loaded; this is the renderer's own
 * guard, applied to the finished page (and to the tree of its body, see
 * safeTree), so that nothing the data may carry reaches a reader's browser.
 */
export function safePageText(text: string): string {
  if (!mayBeForbidden.test(text)) return text
  return text.replace(forbiddenInPage, REPLACEMENT)
}

/**
 * The same for a syntax tree, before it is serialized: hast-util-to-html
 * writes a control character as a character reference (`&#x0;`), which a
 * pass over the finished page would not see.
 */
export function safeTree(node: Root | Element): void {
  for (const child of node.children) {
    if (child.type === 'text' || child.type === 'comment') child.value = safePageText(child.value)
    if (child.type !== 'element') continue
    for (const [name, value] of Object.entries(child.properties)) {
      if (typeof value === 'string') child.properties[name] = safePageText(value)
      else if (Array.isArray(value))
        child.properties[name] = value.map((item) => (typeof item === 'string' ? safePageText(item) : item))
    }
    safeTree(child)
  }
}
