import { parquetWriteBuffer, type BasicType } from 'hyparquet-writer'
import type { CompiledReport } from '../model/compiled.js'
import { factColumns, reportColumn, type Column } from './fact-columns.js'

// Parquet's types for the Table Schema's: object and array cells are JSON text, as in the CSV.
const parquetType: Record<Column['type'], BasicType> = {
  string: 'STRING',
  number: 'DOUBLE',
  integer: 'INT32',
  object: 'JSON',
  array: 'JSON'
}

/**
 * The site's facts.parquet: the rows and columns of its facts.csv, typed (numbers as numbers, an
 * empty cell as null), for DuckDB, Spark, Polars and whoever outgrows one machine.
 */
export function emitSiteFactsParquet(reports: readonly CompiledReport[]): Uint8Array {
  const rows = reports.flatMap((report) => report.bundle.facts.map((fact) => ({ report, fact })))
  const columnData = [
    {
      name: reportColumn.name,
      type: 'STRING' as const,
      nullable: false,
      data: rows.map(({ report }) => report.frontMatter.slug)
    },
    ...factColumns.map((column) => ({
      name: column.name,
      type: parquetType[column.type],
      nullable: column.required !== true,
      data: rows.map(({ report, fact }) => cellOf(column, column.cell(fact, report.bundle)))
    }))
  ]
  // No writer version in the file, so that the same facts give the same bytes whatever wrote them.
  return new Uint8Array(parquetWriteBuffer({ columnData, createdBy: 'factmark' }))
}

function cellOf(column: Column, cell: string | number | undefined): string | number | null {
  if (cell === undefined || cell === '') return null
  if (column.type === 'number' || column.type === 'integer') return Number(cell)
  return String(cell)
}
