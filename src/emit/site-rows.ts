import type { FactBundle } from '../model/schema-types.js'
import { csvLines } from './csv-lines.js'
import { factCells, factColumns, reportColumn, type Column } from './fact-columns.js'

/**
 * The rows of the site's table of every fact of every report (facts.csv, and facts.parquet made of
 * the same rows), each report's in turn, so that a collection of thousands never holds all its
 * rows at once.
 */

/** One row of the site's table: the report's slug, then the cells of its facts.csv; null for an empty cell. */
export type SiteRow = Array<string | number | null>

/** The columns of the site's table: the report's slug, then those of a report's facts.csv. */
export const siteColumns: ReadonlyArray<Pick<Column, 'name' | 'type' | 'required'>> = [reportColumn, ...factColumns]

/** The header line of the site's facts.csv. */
export const siteCsvHeader = csvLines([siteColumns.map((column) => column.name)])

/** A report's rows of the site's table, cells as the columns give them. */
export function siteRows(report: { frontMatter: { slug: string }; bundle: FactBundle }): SiteRow[] {
  const { slug } = report.frontMatter
  return factCells(report.bundle).map((cells) => [slug, ...cells.map((cell) => cell ?? null)])
}

/** CSV lines of rows (RFC 4180, CRLF), the same whether written in one piece or a batch at a time. */
export function siteCsvLines(rows: readonly SiteRow[]): string {
  return csvLines(rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell)))))
}
