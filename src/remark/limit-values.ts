import { roundTo } from '../model/rounding.js'

/**
 * Limits on the shape of a report, checked in one pass before it is
 * parsed. The Markdown parser spends time that grows with the square of
 * some shapes (deeply nested block quotes and lists, many list items nested
 * in one list, many emphasis markers that find nothing to close in one
 * paragraph: each looks back over the whole paragraph), the parser spends
 * on a table time that grows with its cells rather than its length, and the
 * compiler walks trees as deep as the text nests. Real reports stay far
 * below each limit; a report beyond one is refused with the place and the
 * limit, so that no input can hang a build or exhaust the stack.
 *
 * The values, and the messages about size, are a module of their own: reading the sources needs
 * them, and not the checks (and the Markdown syntax they load).
 */
export const inputLimits = {
  /** Bytes of one report, as UTF-8. */
  reportBytes: 8 * 1024 * 1024,
  /** Block quotes and list items open on one line. */
  nesting: 32,
  /** Lines of one top-level block that open a block quote or list item inside another. */
  nestedItems: 1000,
  /** Runs of `*` or `_` in one paragraph that could close emphasis. */
  emphasisClosers: 1000,
  /** Cells of all the tables of one report (a fact sheet holds hundreds; see table-cells.ts). */
  tableCells: 20_000,
  /** Nodes nested inside each other in the syntax tree (emphasis in links in labels ...). */
  treeDepth: 100
} as const

/** Why a report of this many bytes (as UTF-8) is not read. */
export function sizeMessage(bytes: number): string {
  return `The report is ${megabytes(bytes)} MB; factmark reads reports of at most ${megabytes(inputLimits.reportBytes)} MB (of UTF-8 text, front matter included): split it into several reports`
}

/** Bytes as megabytes (MiB) for messages: `8`, `19.1`. */
export function megabytes(bytes: number): string {
  return String(roundTo(bytes / 1024 / 1024, 1))
}
