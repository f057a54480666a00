import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs'
import path from 'node:path'
import { fileWriter } from 'hyparquet-writer'
import { emitSiteDataPackage, type DatasetDescription } from '../emit/datapackage.js'
import { inRowGroups, parquetTable, reportCells, siteCsvHeader, type ReportCells } from '../emit/site-dataset.js'
import type { UnitFile } from './report-unit.js'
import { eachChunk, fileDigest } from './file-chunks.js'
import { writeAllSync } from '../cache/write-pieces.js'
import { hasRows, readRows, rowsCsvFile } from './build-cache.js'
import type { TableDone, TableTask } from './table-task.js'

/** A report's rows as the table takes them: its cells for the Parquet file, and the file of its CSV lines. */
interface TableRows {
  cells: ReportCells
  csvFile: string
}

/**
 * Write the site's table of every fact (facts.csv, facts.parquet) and its Data Package into
 * `root`, a hundred reports at a time: `rowsOf` reads a report's rows when its batch is written,
 * so that only one batch is ever held, and its CSV lines are copied from their file a chunk at a time.
 */
export function writeSiteDataset(
  root: string,
  described: DatasetDescription,
  rowsOf: (index: number) => TableRows
): UnitFile[] {
  const csvPath = path.join(root, 'facts.csv')
  const parquetPath = path.join(root, 'facts.parquet')
  const csv = openSync(csvPath, 'w')
  const chunk = Buffer.alloc(chunkSize)
  try {
    writeSync(csv, siteCsvHeader)
    const parquet = parquetTable(fileWriter(parquetPath))
    const indexes = Array.from({ length: described.reports }, (_, index) => index)
    for (const batch of inRowGroups(indexes))
      parquet.add(batchRows(batch, rowsOf, (file) => appendBytes(csv, file, chunk)))
    parquet.finish()
  } finally {
    closeSync(csv)
  }
  const csvFile = digestOf(root, 'facts.csv', chunk)
  const parquetFile = digestOf(root, 'facts.parquet', chunk)
  const datapackage = emitSiteDataPackage(described, csvFile, parquetFile)
  writeFileSync(path.join(root, 'datapackage.json'), datapackage)
  return [csvFile, parquetFile, digestOf(root, 'datapackage.json', chunk)]
}

/**
 * The cells of the reports of the last table written with TableTask.keep, by the unit file their
 * rows are kept beside (whose name is a digest of what they are made of): a process that builds
 * again and again (watch) reads only the rows of the reports that changed since.
 */
let keptCells = new Map<string, ReportCells>()

/**
 * Write the site's table of `task` from the rows each report's unit keeps beside it in the cache:
 * on whichever thread runs it, as it is told in plain data. A report whose rows cannot be read
 * (lost from the cache since) stops it, and is named.
 */
export function writeKeptTable(task: TableTask): TableDone {
  const kept = new Map<string, ReportCells>()
  try {
    const files = writeSiteDataset(task.root, task.described, (at) => {
      const unitFile = task.unitFiles[at] ?? ''
      // Cells kept are taken only while the report's lines are kept too: they are copied from there.
      const known = keptCells.get(unitFile)
      const held = known && hasRows(unitFile) ? known : undefined
      const rows = held ? undefined : readRows(unitFile)
      const cells = held ?? (rows && reportCells(rows.rows))
      if (!cells) throw new RowsUnreadable(at)
      if (task.keep) kept.set(unitFile, cells)
      return { cells, csvFile: rowsCsvFile(unitFile) }
    })
    return { files }
  } catch (error) {
    if (error instanceof RowsUnreadable) return { unreadable: error.at }
    throw error
  } finally {
    keptCells = kept
  }
}

class RowsUnreadable extends Error {
  constructor(readonly at: number) {
    super(`the rows of report ${at} kept in the cache cannot be read`)
  }
}

const chunkSize = 1 << 20

/**
 * Each report's rows of a batch, read as the row group takes them and let go once it has; its CSV
 * lines are copied meanwhile, so that the lines of a batch are those of its reports one after
 * another (see siteCsvLines).
 */
function* batchRows(
  batch: readonly number[],
  rowsOf: (index: number) => TableRows,
  copyLines: (file: string) => void
): Generator<ReportCells> {
  for (const index of batch) {
    const kept = rowsOf(index)
    copyLines(kept.csvFile)
    yield kept.cells
  }
}

/** Size and SHA-256 of a written file, read into `chunk` a piece at a time: the table of thousands of reports is large. */
function digestOf(root: string, file: string, chunk: Buffer): UnitFile {
  return { path: file, ...fileDigest(path.join(root, file), chunk) }
}

/** Write the bytes of a file to an open one, read into `chunk` a piece at a time. */
function appendBytes(handle: number, file: string, chunk: Buffer): void {
  eachChunk(file, chunk, (read) => {
    writeAllSync(handle, read)
  })
}
