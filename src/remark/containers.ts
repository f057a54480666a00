/**
 * Block quotes and list items, followed line by line as CommonMark's
 * block parsing does (4.1, 5.1, 5.2): each open container is continued by
 * its marker (`>`) or its indentation, then new ones open. Columns count a
 * tab to the next multiple of four.
 */
/**
 * A list item's `width` is the indentation its content needs, counted from where its parent's
 * content starts on the line.
 */
export type Container = { kind: 'quote' } | { kind: 'item'; width: number }

/** Where the reading of a line stands: an index into it, and the column there. */
export interface Cursor {
  index: number
  column: number
}

const listMarker = /^(?:[-+*]|\d{1,9}[.)])/
const blank = /^[ \t]*$/
const thematicBreak = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/

/** The columns of blank from the cursor, and the index after them. */
function blankAhead(text: string, at: Cursor): { index: number; columns: number } {
  let index = at.index
  let column = at.column
  while (text[index] === ' ' || text[index] === '\t') {
    column = text[index] === '\t' ? column + 4 - (column % 4) : column + 1
    index++
  }
  return { index, columns: column - at.column }
}

/** The cursor moved over blank up to a column (a tab is taken whole). */
function advanceTo(text: string, at: Cursor, target: number): Cursor {
  let { index, column } = at
  while (column < target && (text[index] === ' ' || text[index] === '\t')) {
    column = text[index] === '\t' ? column + 4 - (column % 4) : column + 1
    index++
  }
  return { index, column }
}

/** Past a `>` and the one blank that may follow it. */
function pastQuoteMarker(text: string, at: Cursor, blank: number): Cursor {
  const marker = advanceTo(text, at, at.column + blank)
  return advanceTo(text, { index: marker.index + 1, column: marker.column + 1 }, marker.column + 2)
}

/** How many of the open containers a line continues, and where their markers and indentation end. */
export function continueContainers(
  text: string,
  stack: readonly Container[],
  blank: boolean
): { matched: number; cursor: Cursor } {
  let cursor: Cursor = { index: 0, column: 0 }
  let matched = 0
  for (const container of stack) {
    const ahead = blankAhead(text, cursor)
    if (container.kind === 'quote') {
      if (ahead.columns > 3 || text[ahead.index] !== '>') break
      cursor = pastQuoteMarker(text, cursor, ahead.columns)
    } else if (!blank && ahead.index < text.length) {
      // A line blank after the markers of the containers before continues an item, as a blank line does.
      if (ahead.columns < container.width) break
      cursor = advanceTo(text, cursor, cursor.column + container.width)
    }
    matched++
  }
  return { matched, cursor }
}

/**
 * The containers a line opens from the cursor on, and where their markers
 * end. A line that would otherwise continue a paragraph interrupts it, and
 * then (as micromark reads it, for every container of the line) an ordered
 * item must be numbered 1 and no item may be empty.
 */
export function openContainers(
  text: string,
  from: Cursor,
  interrupting: boolean
): { opened: Container[]; cursor: Cursor } {
  const opened: Container[] = []
  let cursor = from
  for (;;) {
    const ahead = blankAhead(text, cursor)
    if (ahead.columns > 3) break
    const rest = text.slice(ahead.index)
    if (rest[0] === '>') {
      cursor = pastQuoteMarker(text, cursor, ahead.columns)
      opened.push({ kind: 'quote' })
      continue
    }
    const marker = listMarker.exec(rest)
    const after = marker ? rest[marker[0].length] : undefined
    if (!marker || (after !== undefined && after !== ' ' && after !== '\t') || thematicBreak.test(rest)) break
    if (
      interrupting &&
      ((/^\d/.test(marker[0]) && !/^1[.)]$/.test(marker[0])) || blank.test(rest.slice(marker[0].length)))
    )
      break
    const atMarker = advanceTo(text, cursor, cursor.column + ahead.columns)
    const end: Cursor = { index: atMarker.index + marker[0].length, column: atMarker.column + marker[0].length }
    const spaces = blankAhead(text, end)
    // No text after the marker, or five columns or more (indented code in the item): the content starts one column in.
    const content = spaces.index >= text.length || spaces.columns >= 5 ? end.column + 1 : end.column + spaces.columns
    opened.push({ kind: 'item', width: content - cursor.column })
    cursor = advanceTo(text, end, content)
  }
  return { opened, cursor }
}

export function isThematicBreak(text: string): boolean {
  return thematicBreak.test(text.trim())
}
