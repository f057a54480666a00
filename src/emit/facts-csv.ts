import { csvLines } from './csv-lines.js'
import { factCells, factColumns } from './fact-columns.js'
import { siteCsvHeader, siteCsvLines, siteRows } from './site-rows.js'
import type { CompiledReport } from '../model/compiled.js'

/** The byte order mark Excel and WPS need to read a CSV file as UTF-8 rather than the system's code page (GBK). */
const bom = '\uFEFF'

// A spreadsheet runs a text cell that starts like a formula; a leading apostrophe keeps it text there.
const formulaStart = /^[=+\-@\t\r]/

function factRows(report: CompiledReport, forSpreadsheet: boolean): string[][] {
  return factCells(report.bundle).map((cells) =>
    cells.map((cell, at) => {
      const text = cell === undefined ? '' : String(cell)
      return forSpreadsheet && factColumns[at]?.type === 'string' && formulaStart.test(text) ? `'${text}` : text
    })
  )
}

function rows(report: CompiledReport, forSpreadsheet: boolean): string[][] {
  return [factColumns.map((column) => column.name), ...factRows(report, forSpreadsheet)]
}

/**
 * facts.csv: one row per fact, RFC 4180 (comma, double quotes, CRLF), UTF-8 without a byte order
 * mark, for programs.
 */
export function emitFactsCsv(report: CompiledReport): string {
  return csvLines(rows(report, false))
}

/**
 * facts-excel.csv: the same table for Excel and WPS: a byte order mark so they read UTF-8, and no
 * cell they would run as a formula.
 */
export function emitFactsExcelCsv(report: CompiledReport): string {
  return bom + csvLines(rows(report, true))
}

/**
 * The site's facts.csv: every fact of every report, one row each, in the order of the catalog and
 * of each report; the columns of a report's facts.csv after the report's slug.
 */
export function emitSiteFactsCsv(reports: readonly CompiledReport[]): string {
  return siteCsvHeader + reports.map((report) => siteCsvLines(siteRows(report))).join('')
}
