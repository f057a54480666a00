import type { ScannedLine } from './blocks.js'

/**
 * Table cells counted line by line, before parsing, for the input limits:
 * micromark reads each cell's text with a tokenizer of its own, so a table
 * costs its number of cells (a line of 2,000 `|x` takes as long to read as
 * 2,000 paragraphs) where the same line as text costs its length. A table
 * starts at a delimiter row (`| --- | :-: |`) under a line, and runs to a
 * blank line or the end of its container; a row's cells are the pieces
 * between its unescaped pipes. The count is an upper bound: a row the
 * parser does not take as one counts all the same.
 */
export function tableCellCounter(): (line: ScannedLine) => number {
  let inTable = false
  let above: { cells: number; piped: boolean } | undefined
  return (line) => {
    if (line.blank || line.literal) {
      inTable = false
      above = undefined
      return 0
    }
    const row = line.text.slice(line.prefixEnd).trim()
    const cells = cellsOf(row)
    if (inTable) return cells
    if (above && delimiterRow.test(row) && (above.piped || row.includes('|'))) {
      inTable = true
      // The delimiter row is no row of cells: the header above it is.
      return above.cells
    }
    above = { cells, piped: row.includes('|') }
    return 0
  }
}

const delimiterRow = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$/
const pipe = /(?<!\\)\|/g

/** The cells of a row: one more than its inner pipes; a pipe that opens or closes the row separates nothing. */
function cellsOf(row: string): number {
  const pipes = row.match(pipe)?.length ?? 0
  const outer = (row.startsWith('|') ? 1 : 0) + (row.length > 1 && row.endsWith('|') && !row.endsWith('\\|') ? 1 : 0)
  return Math.max(1, pipes + 1 - outer)
}
