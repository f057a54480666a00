import { ParquetWriter, schemaFromColumnData, type BasicType, type Writer } from 'hyparquet-writer'
import { appendPiece, groupPiece, isPiece, type RowGroupPiece } from './parquet-pieces.js'
import type { Column } from './fact-columns.js'
import { siteColumns as columns, type SiteRow } from './site-rows.js'

export type { RowGroupPiece } from './parquet-pieces.js'

/**
 * The site's facts.parquet, built a batch of reports at a time so that a collection of thousands
 * never holds all its rows at once: a build hands the rows of each report as they come and gets
 * the same bytes as a build of one batch.
 */

// Parquet's types for the Table Schema's: object and array cells are JSON text, as in the CSV.
const parquetType: Record<Column['type'], BasicType> = {
  string: 'STRING',
  number: 'DOUBLE',
  integer: 'INT32',
  object: 'JSON',
  array: 'JSON'
}

/** A report's rows as the columns of the Parquet file hold them: the cells of each column, in order. */
export type ReportCells = unknown[][]

/** A report's rows as the columns of the Parquet file hold them (see parquetCell). */
export function reportCells(rows: readonly SiteRow[]): ReportCells {
  const data = columns.map((): unknown[] => [])
  // The JSON of a report's cells, read once for each text: most facts have no dimensions, and
  // those of a report share a few sections.
  const read = new Map<string, unknown>()
  const json = (text: string) => {
    if (read.has(text)) return read.get(text)
    const value = JSON.parse(text) as unknown
    read.set(text, value)
    return value
  }
  for (const row of rows)
    columns.forEach((column, index) => data[index]?.push(parquetCell(column, row[index] ?? null, json)))
  return data
}

/**
 * The columns of a row group, each report's cells taken into them as it is reached: the rows of a
 * hundred reports are never held besides the columns made of them.
 */
function columnsOf(reports: Iterable<ReportCells>) {
  const data = columns.map((): unknown[] => [])
  for (const cells of reports)
    cells.forEach((list, index) => {
      const column = data[index]
      if (column) for (const cell of list) column.push(cell)
    })
  return columns.map((column, index) => ({
    name: column.name,
    type: parquetType[column.type],
    nullable: column.required !== true,
    data: data[index] ?? []
  }))
}

/**
 * A cell as Parquet holds it. An object or array cell is JSON text, which the writer's JSON type
 * would quote again as a string: it takes the value, and writes its JSON itself.
 */
function parquetCell(
  column: Pick<Column, 'type'>,
  cell: string | number | null,
  json: (text: string) => unknown
): unknown {
  if (cell === null || cell === '') return null
  if (column.type === 'number' || column.type === 'integer') return Number(cell)
  if (column.type === 'object' || column.type === 'array') return json(String(cell))
  return String(cell)
}

function parquetWriter(writer: Writer): ParquetWriter {
  // No writer version goes into the file, so that the same facts give the same bytes whatever wrote them.
  return new ParquetWriter({ writer, schema: columnsSchema(), createdBy: 'factmark' })
}

let schema: ReturnType<typeof schemaFromColumnData> | undefined
const columnsSchema = () => (schema ??= schemaFromColumnData({ columnData: columnsOf([]) }))

/**
 * The row group of a batch of reports' cells, report by report; undefined when they have no rows.
 * The columns whose cells are those of the same column in `earlier` (the row group of the same
 * place in the last table, say, of which one report changed) are taken from it: `salt` is what
 * else their bytes depend on, the code that encodes them.
 */
export function rowGroupPiece(
  reports: Iterable<ReportCells>,
  salt: string,
  earlier?: RowGroupPiece
): RowGroupPiece | undefined {
  const columnData = columnsOf(reports)
  const rows = columnData[0]?.data.length ?? 0
  return rows === 0 ? undefined : groupPiece(columnData, rows, parquetWriter, salt, earlier)
}

/** Whether a piece read back from where it was kept fits the site's table (see isPiece). */
export function isSitePiece(piece: RowGroupPiece): boolean {
  return isPiece(piece, columns.length)
}

/**
 * A Parquet file written one row group per batch of reports into `writer` (in memory, or a file
 * writer that flushes as it goes): the same bytes whether a batch's piece is encoded now or kept.
 */
export function parquetTable(writer: Writer) {
  const parquet = parquetWriter(writer)
  return {
    /** A batch of reports' row group, encoded before or now, put where the file now ends. */
    add(piece: RowGroupPiece | undefined): void {
      if (piece) appendPiece(parquet, writer, piece)
    },
    finish(): void {
      // Writers of these files flush synchronously: finishing returns nothing to wait for.
      void parquet.finish()
    }
  }
}
