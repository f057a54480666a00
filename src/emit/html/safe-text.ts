import type { Element, Root } from 'hast'
import { forbiddenCharacter, mayHoldForbidden } from '../../model/forbidden-characters.js'

/**
 * Code points a page must not hold, as the HTML standard's parse errors name them: the forbidden
 * characters of every text factmark reads (see forbiddenCharacter).
 */
export const forbiddenInPage = forbiddenCharacter

/** What stands in a page where a forbidden character was: visible, so the text is not silently changed. */
const REPLACEMENT = '\uFFFD'

/**
 * Replace every character a page must not hold. Sources with control
 * characters are refused when they are loaded; this is the renderer's own
 * guard, applied to the finished page (and to the tree of its body, see
 * safeTree), so that nothing the data may carry reaches a reader's browser.
 */
export function safePageText(text: string): string {
  if (!mayHoldForbidden(text)) return text
  return text.replace(forbiddenInPage, REPLACEMENT)
}

/**
 * The same for a syntax tree, before it is serialized: htmlOf, as
 * hast-util-to-html, writes a NUL in an attribute as a character reference
 * (`&#x0;`), which a pass over the finished page would not see.
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
