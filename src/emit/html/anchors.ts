import { mayHoldForbidden } from '../../model/forbidden-characters.js'
import { forbiddenInPage } from './safe-text.js'

/**
 * The page's own ids begin with one of these or are one of the exact ids
 * below; a fact id that could be taken for one of them is put under
 * `fact:`, and so is one that begins with `fact:`, so that the mapping can
 * be undone and no two ids of a page are the same.
 */
const pagePrefixes = ['fact:', 'row:', 'sec-', 'chart-', 'tip-'] as const
/** The ids the templates write. */
const pageIds = ['main', 'key-figures-title', 'toc-title', 'facts-title', 'downloads-title'] as const

// ASCII white space, which an HTML id must not hold; what a page must not hold at all; and %
// itself, which marks the escapes.
const escaped = new RegExp(`[\\t\\n\\f\\r %]|${forbiddenInPage.source}`, 'gu')
// Most ids have none of them, which these find sooner than the pattern above with its class of
// astral code points (a page asks for the id of each fact three times).
const mayEscape = /[\t\n\f\r %]/

function percentEncode(char: string): string {
  const code = char.codePointAt(0) ?? 0
  // A lone surrogate has no UTF-8 form to percent-encode.
  if (code >= 0xd800 && code <= 0xdfff) return `%u${code.toString(16).toUpperCase()}`
  return encodeURIComponent(char)
}

/**
 * The HTML id of a fact's figure: the fact id itself whenever HTML allows
 * it (every id of the seed), else the fact id with white space, control
 * characters and % percent-encoded (`site=隘头 潭` → `site=隘头%20潭`), and
 * under `fact:` when it begins like an id of the page. Different facts
 * always get different ids.
 */
export function factAnchor(factId: string): string {
  const encoded = mayEscape.test(factId) || mayHoldForbidden(factId) ? factId.replace(escaped, percentEncode) : factId
  const reserved =
    encoded === '' ||
    pagePrefixes.some((prefix) => encoded.startsWith(prefix)) ||
    (pageIds as readonly string[]).includes(encoded)
  return reserved ? `fact:${encoded}` : encoded
}

/** The id of a fact's row in the facts table, which links back to the figure. */
export function rowAnchor(factId: string): string {
  return `row:${factAnchor(factId)}`
}

/** A fragment link to an id, percent-encoded so that any id is a valid URL. */
export function fragment(id: string): string {
  return `#${encodeURIComponent(id)}`
}

/**
 * A link from a page one folder below the site (series/<metric>.html) to a fact's figure in its
 * report's page: the same id the report page gives the figure, so that the link lands on it.
 */
export function reportFactHref(slug: string, factId: string): string {
  return `../${slug}/index.html${fragment(factAnchor(factId))}`
}
