import type { Nodes, TableCell } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Fact } from '../model/schema-types.js'

/** Where a fact stands in a table: the headers of its row and column (see `table` in schema/fact.schema.json). */
export type TableContext = NonNullable<Fact['table']>

/**
 * The row and column a fact in a GFM table cell stands under, from the nodes
 * above its annotation (outermost first), or undefined when it stands in no
 * table. The row is named by its first cell and the column by the header
 * row's cell above it, as a reader of a fact sheet reads them; a header that
 * is empty, missing (a row with more cells than the header) or the fact's
 * own cell names nothing and is left out.
 */
export function tableContext(ancestors: readonly Nodes[]): TableContext | undefined {
  const at = ancestors.findLastIndex((node) => node.type === 'tableCell')
  const table = ancestors[at - 2]
  const row = ancestors[at - 1]
  const cell = ancestors[at]
  if (table?.type !== 'table' || row?.type !== 'tableRow' || cell?.type !== 'tableCell') return undefined
  const column = row.children.indexOf(cell)
  return {
    ...header('row', row.children[0], cell),
    ...header('column', table.children[0]?.children[column], cell)
  }
}

/** `{ [name]: text }` for a header cell that names the fact's cell, or nothing. */
function header(name: keyof TableContext, header: TableCell | undefined, own: TableCell): Partial<TableContext> {
  if (!header || header === own) return {}
  const text = toString(header).trim()
  return text === '' ? {} : { [name]: text }
}
