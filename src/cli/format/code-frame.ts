import { characterWidth } from './character-width.js'
import { shownCharacter } from './printable.js'

/** How many terminal columns of context to show on each side of a problem in a long line. */
const context = 36
/**
 * How many UTF-16 units around a span are looked at. A frame shows only
 * `context` columns on each side, so the rest of a paragraph that may be a
 * megabyte long is never touched: each frame costs the same whatever the
 * length of its line.
 */
const reach = 256
/** The longest span drawn in full; a longer one is cut with `…`. */
const longestSpan = 160

/** The lines of a source, split where positions say lines end: at CRLF, LF or a lone CR, as in CommonMark. */
export function sourceLines(source: string): string[] {
  return source.split(/\r\n|\r|\n/)
}

/**
 * A line of source with a caret line under the span of a problem, cut down
 * to a window around it: report paragraphs are single lines of hundreds of
 * CJK characters, each two columns wide. Control and bidirectional
 * characters are shown escaped, and the caret is placed by the width of
 * what is shown. Columns count UTF-16 units, as positions do.
 */
export function codeFrame(
  text: string | undefined,
  line: number,
  column: number,
  endLine: number,
  endColumn: number
): string {
  if (text === undefined) return ''
  const spanStart = clamp(column - 1, 0, text.length)
  const spanEnd = Math.min(
    endLine === line ? Math.max(endColumn - 1, spanStart + 1) : text.length,
    spanStart + longestSpan,
    text.length
  )
  const windowStart = unitBoundary(text, Math.max(0, spanStart - reach))
  const windowEnd = unitBoundary(text, Math.min(text.length, spanEnd + reach))
  // Two characters before the window decide how its first `[` is shown (`##[`).
  const lead = Array.from(text.slice(unitBoundary(text, Math.max(0, windowStart - 2)), windowStart)).slice(-2)
  const chars = [...lead, ...Array.from(text.slice(windowStart, windowEnd))]
  // Only the characters the frame shows are escaped and measured: a few dozen, however long the line.
  const shown = new Map<number, string>()
  const shownAt = (index: number) => {
    let char = shown.get(index)
    if (char === undefined) shown.set(index, (char = shownCharacter(chars, index + lead.length)))
    return char
  }
  const widthAt = (index: number) => characterWidth(shownAt(index))

  const indexAt = (unit: number) => {
    let units = windowStart
    for (let index = lead.length; index < chars.length; index++) {
      if (units >= unit) return index - lead.length
      units += (chars[index] as string).length
    }
    return chars.length - lead.length
  }
  const count = chars.length - lead.length
  const start = indexAt(spanStart)
  const end = Math.max(indexAt(spanEnd), Math.min(start + 1, count))
  const sum = (from: number, to: number) => {
    let total = 0
    for (let index = from; index < to; index++) total += widthAt(index)
    return total
  }
  const slice = (from: number, to: number) => {
    let joined = ''
    for (let index = from; index < to; index++) joined += shownAt(index)
    return joined
  }

  let from = start
  for (let width = 0; from > 0 && width + widthAt(from - 1) <= context; from--) width += widthAt(from - 1)
  let to = end
  for (let width = 0; to < count && width + widthAt(to) <= context; to++) width += widthAt(to)
  const head = from > 0 || windowStart > 0 ? '…' : ''
  const tail = to < count || windowEnd < text.length ? '…' : ''
  const gutter = `${line} | `
  const caretStart = characterWidth(head) + sum(from, start)
  const caretWidth = Math.max(1, sum(start, end))
  return `  ${gutter}${head}${slice(from, to)}${tail}\n  ${' '.repeat(gutter.length - 2)}| ${' '.repeat(caretStart)}${'^'.repeat(caretWidth)}`
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high)
}

/** A UTF-16 index moved off the second half of a surrogate pair, so no character is cut in two. */
function unitBoundary(text: string, unit: number): number {
  const code = text.charCodeAt(unit)
  return code >= 0xdc00 && code <= 0xdfff && unit > 0 ? unit - 1 : unit
}
