import { ByteWriter, ParquetWriter, schemaFromColumnData, type BasicType, type Writer } from 'hyparquet-writer'
import { factColumns, type Column } from './fact-columns.js'
import { siteColumns as columns, type SiteRow } from './site-rows.js'

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

/** What the footer of a Parquet file says of one row group, and the indexes of its pages written after the row groups. */
type GroupMetadata = Pick<ParquetWriter, 'row_groups' | 'pendingIndexes'>

/**
 * A row group of the site's Parquet file, encoded on its own: its bytes, and what the file's footer
 * and page indexes say of them as if they began right after the file's magic number. A build
 * keeps the piece of each batch of reports, and the next build that finds the same batch appends
 * it where it now falls, moving those places, rather than encoding its cells again.
 */
export interface RowGroupPiece {
  bytes: Uint8Array
  group: GroupMetadata['row_groups'][number]
  indexes: GroupMetadata['pendingIndexes']
}

const magicBytes = 4

function parquetWriter(writer: Writer): ParquetWriter {
  // No writer version goes into the file, so that the same facts give the same bytes whatever wrote them.
  return new ParquetWriter({ writer, schema: columnsSchema(), createdBy: 'factmark' })
}

let schema: ReturnType<typeof schemaFromColumnData> | undefined
const columnsSchema = () => (schema ??= schemaFromColumnData({ columnData: columnsOf([]) }))

/** The row group of a batch of reports' cells, report by report; undefined when they have no rows. */
export function rowGroupPiece(reports: Iterable<ReportCells>): RowGroupPiece | undefined {
  const columnData = columnsOf(reports)
  const rowGroupSize = columnData[0]?.data.length ?? 0
  if (rowGroupSize === 0) return undefined
  const writer = new ByteWriter()
  const parquet = parquetWriter(writer)
  void parquet.write({ columnData, rowGroupSize })
  const [group] = parquet.row_groups
  if (!group || parquet.row_groups.length !== 1) throw new Error('a batch of reports makes one row group')
  return { bytes: writer.getBytes().slice(magicBytes), group, indexes: parquet.pendingIndexes }
}

/**
 * Whether a piece read back from where it was kept fits what this writer makes: its column chunks
 * are ours, one page index for each, and each place it names lies within its bytes.
 */
export function isPiece(piece: RowGroupPiece): boolean {
  const end = BigInt(piece.bytes.length + magicBytes)
  const within = (offset: bigint | undefined) => offset === undefined || (offset >= magicBytes && offset < end)
  const { columns } = piece.group
  return (
    columns.length === factColumns.length + 1 &&
    piece.indexes.length === columns.length &&
    piece.indexes.every(({ chunk, offsetIndex }, index) => {
      const meta = chunk.meta_data
      return (
        chunk === columns[index] &&
        meta !== undefined &&
        within(chunk.file_offset) &&
        within(meta.data_page_offset) &&
        within(meta.dictionary_page_offset) &&
        (offsetIndex?.page_locations.every((page) => within(page.offset)) ?? true)
      )
    })
  )
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
      if (!piece) return
      // A copy, each column chunk the same object in the group and in its indexes: the file's
      // footer is written from the group, and the indexes write their own places into the chunk.
      const { group, indexes } = structuredClone({ group: piece.group, indexes: piece.indexes })
      const shift = BigInt(writer.offset - magicBytes)
      for (const { chunk, offsetIndex } of indexes) {
        chunk.file_offset += shift
        const meta = chunk.meta_data
        if (meta) {
          meta.data_page_offset += shift
          if (meta.dictionary_page_offset !== undefined) meta.dictionary_page_offset += shift
        }
        for (const page of offsetIndex?.page_locations ?? []) page.offset += shift
      }
      writer.appendBytes(piece.bytes)
      parquet.row_groups.push(group)
      parquet.pendingIndexes.push(...indexes)
      parquet.num_rows += group.num_rows
    },
    finish(): void {
      // Writers of these files flush synchronously: finishing returns nothing to wait for.
      void parquet.finish()
    }
  }
}
