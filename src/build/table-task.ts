import { createHash } from 'node:crypto'
import path from 'node:path'
import { inRowGroups } from '../emit/row-groups.js'
import type { UnitFile } from './report-unit.js'

/** The site's facts.parquet to write, in plain data so that it crosses to a thread. */
export interface TableTask {
  /** The folder the site is staged in. */
  root: string
  /** The unit kept in the cache of each published report, in their order: its rows are kept beside it. */
  unitFiles: string[]
  /**
   * Keep the cells of these reports in the thread for its next task, which reads again only the
   * rows of the reports that changed: set by a process that builds again and again (watch), for a
   * collection held whole.
   */
  keep?: boolean
  /**
   * The folder each row group of the table is kept in, by its key (see rowGroupKeys), and whether
   * those kept may be taken (not in a cold build, which keeps them anew). A batch of reports whose
   * row group is not kept takes the columns it shares with the row group of the same place in the
   * last table (`last`, their keys), which hold the same cells when a report of it changed in
   * some only (the places of its facts, say); `salt` is what those depend on besides their cells.
   */
  rowGroups?: { folder: string; take: boolean; salt: string; last?: string[] }
}

/** The file written, or the place among the task's unit files of one whose rows could not be read. */
export type TableDone = { parquet: UnitFile } | { unreadable: number }

/** Writes the facts.parquet of builds on a thread of its own (see tableThread in unit-pool.ts). */
export interface TableWriter {
  write(task: TableTask): Promise<TableDone>
  /** Stop the thread; once closed, closing again does nothing. */
  close(): Promise<void>
}

/**
 * The key of each row group of the table whose reports' units are `unitFiles`, in their order (see
 * inRowGroups): the names of a batch's units, which are digests of everything a report's rows are
 * made of, factmark's code among them.
 */
export function rowGroupKeys(unitFiles: readonly string[]): string[] {
  return inRowGroups(unitFiles).map((batch) =>
    createHash('sha256')
      .update(JSON.stringify(batch.map((file) => path.basename(file))))
      .digest('hex')
  )
}
