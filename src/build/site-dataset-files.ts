import { closeSync, existsSync, openSync, writeFileSync, writeSync } from 'node:fs'
import path from 'node:path'
import { fileWriter } from 'hyparquet-writer'
import { emitSiteDataPackage, type DatasetDescription } from '../emit/datapackage.js'
import { inRowGroups } from '../emit/row-groups.js'
import {
  parquetTable,
  reportCells,
  rowGroupPiece,
  siteCsvHeader,
  type ReportCells,
  type RowGroupPiece
} from '../emit/site-dataset.js'
import { keepRowGroup, readRowGroup, rowGroupFile } from '../cache/row-group-file.js'
import type { UnitFile } from './report-unit.js'
import { eachChunk, fileDigest } from './file-chunks.js'
import { writeAllSync } from '../cache/write-pieces.js'
import { hasRows, readRows, rowsCsvFile } from './build-cache.js'
import { rowGroupKeys, type TableDone, type TableTask } from './table-task.js'

/** A batch of reports as the table takes them: their row group, and the files of their CSV lines. */
interface TableGroup {
  piece: RowGroupPiece | undefined
  csvFiles: string[]
}

/**
 * Write the site's table of every fact (facts.csv, facts.parquet) and its Data Package into
 * `root`, a row group at a time: `groups` makes each batch's when it is reached, so that only one
 * batch is ever held, and its CSV lines are copied from their files a chunk at a time.
 */
export function writeSiteDataset(
  root: string,
  described: DatasetDescription,
  groups: Iterable<TableGroup>
): UnitFile[] {
  const csvPath = path.join(root, 'facts.csv')
  const parquetPath = path.join(root, 'facts.parquet')
  const csv = openSync(csvPath, 'w')
  const chunk = Buffer.alloc(chunkSize)
  try {
    writeSync(csv, siteCsvHeader)
    const parquet = parquetTable(fileWriter(parquetPath))
    for (const group of groups) {
      // The lines of a batch are those of its reports one after another (see siteCsvLines).
      for (const file of group.csvFiles) appendBytes(csv, file, chunk)
      parquet.add(group.piece)
    }
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
 * Write the site's table of `task` from what each report's unit keeps beside it in the cache: on
 * whichever thread runs it, as it is told in plain data. A batch of reports whose row group is
 * kept (see TableTask.rowGroups) is appended as it is; the cells of another's reports are made of
 * their rows, and its row group is kept. A report whose rows cannot be read (lost from the cache
 * since) stops it, and is named.
 */
export function writeKeptTable(task: TableTask): TableDone {
  const kept = new Map<string, ReportCells>()
  const cellsOf = (unitFile: string, at: number): ReportCells => {
    // Cells kept are taken only while the report's lines are kept too: they are copied from there.
    const known = keptCells.get(unitFile)
    const held = known && hasRows(unitFile) ? known : undefined
    const cells = held ?? reportCells(readRows(unitFile)?.rows ?? unreadable(at))
    if (task.keep) kept.set(unitFile, cells)
    return cells
  }
  const keys = rowGroupKeys(task.unitFiles)
  function* groups(): Generator<TableGroup> {
    let first = 0
    for (const [index, batch] of inRowGroups(task.unitFiles).entries()) {
      const file = task.rowGroups && rowGroupFile(task.rowGroups.folder, keys[index] ?? '')
      let piece = file && task.rowGroups?.take ? readRowGroup(file) : undefined
      if (!piece) {
        // Each report's cells taken into the group's columns as it is reached, and let go.
        piece = rowGroupPiece(eachOf(batch, first, cellsOf))
        if (piece && file) keepRowGroup(file, piece)
      }
      const csvFiles = batch.map((unitFile, at) =>
        existsSync(rowsCsvFile(unitFile)) ? rowsCsvFile(unitFile) : unreadable(first + at)
      )
      first += batch.length
      yield { piece, csvFiles }
    }
  }
  try {
    return { files: writeSiteDataset(task.root, task.described, groups()) }
  } catch (error) {
    if (error instanceof RowsUnreadable) return { unreadable: error.at }
    throw error
  } finally {
    keptCells = kept
  }
}

/** What `make` makes of each of `items`, given with its place among all of them, as it is reached. */
function* eachOf<T, U>(items: readonly T[], first: number, make: (item: T, at: number) => U): Generator<U> {
  for (const [at, item] of items.entries()) yield make(item, first + at)
}

function unreadable(at: number): never {
  throw new RowsUnreadable(at)
}

class RowsUnreadable extends Error {
  constructor(readonly at: number) {
    super(`the rows of report ${at} kept in the cache cannot be read`)
  }
}

const chunkSize = 1 << 20

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
