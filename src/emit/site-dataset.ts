import { ParquetWriter, schemaFromColumnData, type BasicType, type Writer } from 'hyparquet-writer'
import type { FactBundle } from '../model/schema-types.js'
import { chunks } from '../model/chunks.js'
import { csvLines } from './csv-lines.js'
import { factCells, factColumns, reportColumn, type Column } from './fact-columns.js'

/**
 * The site's table of every fact of every report (facts.csv and facts.parquet), built a batch of
 * reports at a time so that a collection of thousands never holds all its rows at once: a build
 * hands the rows of each report as they come and gets the same bytes as a build of one batch.
 */

/** One row of the site's table: the report's slug, then the cells of its facts.csv; null for an empty cell. */
export type SiteRow = Array<string | number | null>

/** How many reports' rows make one row group of the Parquet file: the file's bytes depend on it. */
const reportsPerRowGroup = 100

const columns: ReadonlyArray<Pick<Column, 'name' | 'type' | 'required'>> = [reportColumn, ...factColumns]

/** The header line of the site's facts.csv. */
export const siteCsvHeader = csvLines([columns.map((column) => column.name)])

/** A report's rows of the site's table, cells as the columns give them. */
export function siteRows(report: { frontMatter: { slug: string }; bundle: FactBundle }): SiteRow[] {
  const { slug } = report.frontMatter
  return factCells(report.bundle).map((cells) => [slug, ...cells.map((cell) => cell ?? null)])
}

/** CSV lines of rows (RFC 4180, CRLF), the same whether written in one piece or a batch at a time. */
export function siteCsvLines(rows: readonly SiteRow[]): string {
  return csvLines(rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell)))))
}

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

/**
 * A Parquet file written one row group per batch of reports into `writer` (in memory, or a file
 * writer that flushes as it goes). No writer version goes into the file, so that the same facts
 * give the same bytes whatever wrote them.
 */
export function parquetTable(writer: Writer) {
  const schema = schemaFromColumnData({ columnData: columnsOf([]) })
  const parquet = new ParquetWriter({ writer, schema, createdBy: 'factmark' })
  return {
    /** The cells of a batch of reports, report by report, as one row group. */
    add(reports: Iterable<ReportCells>): void {
      const columnData = columnsOf(reports)
      const rowGroupSize = columnData[0]?.data.length ?? 0
      if (rowGroupSize > 0) void parquet.write({ columnData, rowGroupSize })
    },
    finish(): void {
      // Writers of these files flush synchronously: finishing returns nothing to wait for.
      void parquet.finish()
    }
  }
}

/** Batches of reports as the Parquet file groups them. */
export function inRowGroups<T>(reports: readonly T[]): T[][] {
  return chunks(reports, reportsPerRowGroup)
}
