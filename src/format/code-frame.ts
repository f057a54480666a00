import stringWidth from 'string-width'
import { shownCharacters } from './printable.js'

/** How many terminal columns of context to show on each side of a problem in a long line. */
const context = 36

/**
 * The source line of a problem with a caret line under its span, cut down
 * to a window around it: report paragraphs are single lines of hundreds of
 * CJK characters, each two columns wide. Control and bidirectional
 * characters are shown escaped, and the caret is placed by the width of
 * what is shown.
 */
export function codeFrame(source: string, line: number, column: number, endLine: number, endColumn: number): string {
  // Lines end where positions say they end: at CRLF, LF or a lone CR, as in CommonMark.
  const text = source.split(/\r\n|\r|\n/)[line - 1]
  if (text === undefined) return ''
  const chars = Array.from(text)
  const shownChars = shownCharacters(chars)
  // Columns count UTF-16 units; walk code points to find the character index.
  const indexAt = (col: number) => {
    let units = 0
    for (const [index, char] of chars.entries()) {
      if (units >= col - 1) return index
      units += char.length
    }
    return chars.length
  }
  const start = Math.min(indexAt(column), chars.length)
  const end = endLine === line ? Math.max(indexAt(endColumn), start + 1) : chars.length
  const width = (from: number, to: number) => stringWidth(shownChars.slice(from, to).join(''))

  let from = start
  while (from > 0 && width(from - 1, start) <= context) from--
  let to = Math.min(end, chars.length)
  while (to < chars.length && width(end, to + 1) <= context) to++
  const head = from > 0 ? '…' : ''
  const tail = to < chars.length ? '…' : ''
  const gutter = `${line} | `
  const shown = head + shownChars.slice(from, to).join('') + tail
  const caretStart = stringWidth(head) + width(from, start)
  const caretWidth = Math.max(1, width(start, Math.min(end, to)))
  return `  ${gutter}${shown}\n  ${' '.repeat(gutter.length - 2)}| ${' '.repeat(caretStart)}${'^'.repeat(caretWidth)}`
}
