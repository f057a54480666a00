import type { Element, ElementContent } from 'hast'
import type { Table } from 'mdast'
import { defaultHandlers, type Handler, type State } from 'mdast-util-to-hast'

// Tables count per page, as each conversion has a state of its own.
const counts = new WeakMap<State, number>()

/**
 * A table of the report as people read it: a real `<table>` whose header
 * cells are `<th scope="col">` and whose rows are named by their first cell
 * (`<th scope="row">`), as the facts in it are (`table` in facts.json), in a
 * labelled region that scrolls sideways on its own, so that a wide fact
 * sheet does not widen a phone's page. Alignment is a class rather than the
 * obsolete `align` attribute. A row may have more cells than the header:
 * they are kept, so that no fact of the text goes missing from the page.
 */
export const tableHandler: Handler = (state: State, node: Table): Element => {
  const count = (counts.get(state) ?? 0) + 1
  counts.set(state, count)
  const width = Math.max(0, ...node.children.map((row) => row.children.length))
  const align = Array.from({ length: width }, (_, index) => node.align?.[index] ?? null)
  const table = defaultHandlers.table(state, { ...node, align })
  for (const [index, row] of rowsOf(table).entries()) {
    const header = index === 0
    const written = node.children[index]?.children.length ?? 0
    for (const [column, cell] of cellsOf(row).entries()) nameCell(cell, header, column, written)
  }
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['table-scroll'], role: 'region', ariaLabel: `表格 ${count}(可横向滚动)`, tabIndex: 0 },
    children: [table]
  }
}

/** Header cells name their column, the first cell of a body row names its row; padding names nothing. */
function nameCell(cell: Element, header: boolean, column: number, written: number): void {
  const { align, ...properties } = cell.properties
  cell.properties = typeof align === 'string' ? { ...properties, className: [`align-${align}`] } : properties
  if (column >= written) cell.tagName = 'td'
  else if (header) Object.assign(cell, { tagName: 'th', properties: { scope: 'col', ...cell.properties } })
  // An empty first cell names no row, as in facts.json.
  else if (column === 0 && cell.children.length > 0)
    Object.assign(cell, { tagName: 'th', properties: { scope: 'row', ...cell.properties } })
}

function rowsOf(table: Element): Element[] {
  return elements(table.children).flatMap((section) => elements(section.children))
}

function cellsOf(row: Element): Element[] {
  return elements(row.children)
}

function elements(nodes: readonly ElementContent[]): Element[] {
  return nodes.filter((node): node is Element => node.type === 'element')
}
