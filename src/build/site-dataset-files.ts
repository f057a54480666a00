import path from 'node:path'
import { fileWriter } from 'hyparquet-writer'
import { inRowGroups } from '../emit/row-groups.js'
import { parquetTable, reportCells, rowGroupPiece, type ReportCells, type RowGroupPiece } from '../emit/site-dataset.js'
import { keepRowGroup, readRowGroup, rowGroupFile } from '../cache/row-group-file.js'
import type { UnitFile } from './report-unit.js'
import { fileDigest } from './file-chunks.js'
import { hasRows, readRows } from './build-cache.js'
import type { TableDone, TableTask } from './table-task.js'
import { siteTableNames } from '../model/site.js'

/**
 * Write the site's facts.parquet into `root`, a row group at a time: `groups` makes each batch's
 * when it is reached, so that only one batch is ever held.
 */
export function writeSiteParquet(root: string, groups: Iterable<RowGroupPiece | undefined>): UnitFile {
  const parquet = parquetTable(fileWriter(path.join(root, parquetName)))
  for (const group of groups) parquet.add(group)
  parquet.finish()
  return { path: parquetName, ...fileDigest(path.join(root, parquetName), Buffer.alloc(chunkSize)) }
}

/**
 * The cells of the reports of the last table written with TableTask.keep, by the unit file their
 * rows are kept beside (whose name is a digest of what they are made of): a process that builds
 * again and again (watch) reads only the rows of the reports that changed since.
 */
let keptCells = new Map<string, ReportCells>()

/**
 * Write the site's facts.parquet of `task` from what each report's unit keeps beside it in the
 * cache: on whichever thread runs it, as it is told in plain data, while the build's own thread
 * copies the CSV lines (see writeSiteCsv). A batch of reports whose row group is kept (see
 * TableTask.rowGroups) is appended as it is; the cells of another's reports are made of their
 * rows, and its row group is kept. A report whose rows cannot be read (lost from the cache since)
 * stops it, and is named.
 */
export function writeKeptParquet(task: TableTask): TableDone {
  const kept = new Map<string, ReportCells>()
  const cellsOf = (unitFile: string, at: number): ReportCells => {
    // Cells kept are taken only while the report's rows and lines are kept, as a build's table needs both.
    const known = keptCells.get(unitFile)
    const held = known && hasRows(unitFile) ? known : undefined
    const cells = held ?? reportCells(readRows(unitFile)?.rows ?? unreadable(at))
    if (task.keep) kept.set(unitFile, cells)
    return cells
  }
  const { folder = '', take = false, salt = '', keys = [], last = [] } = task.rowGroups ?? {}
  function* groups(): Generator<RowGroupPiece | undefined> {
    let first = 0
    for (const [index, batch] of inRowGroups(task.unitFiles).entries()) {
      const file = keys[index] ? rowGroupFile(folder, keys[index]) : undefined
      let piece = file && take ? readRowGroup(file) : undefined
      if (!piece) {
        const before = take ? last[index] : undefined
        const earlier = before ? readRowGroup(rowGroupFile(folder, before)) : undefined
        // Each report's cells taken into the group's columns as it is reached, and let go.
        piece = rowGroupPiece(eachOf(batch, first, cellsOf), salt, earlier)
        if (piece && file) keepRowGroup(file, piece)
      }
      first += batch.length
      yield piece
    }
  }
  try {
    return { parquet: writeSiteParquet(task.root, groups()) }
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
const parquetName = siteTableNames.parquet
