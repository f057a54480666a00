import type { DatasetDescription } from '../emit/datapackage.js'
import type { UnitFile } from './report-unit.js'

/** The site's table of every fact to write, in plain data so that it crosses to a thread. */
export interface TableTask {
  /** The folder the site is staged in. */
  root: string
  /** What the table's Data Package says of the published reports. */
  described: DatasetDescription
  /** The unit kept in the cache of each published report, in their order: its rows are kept beside it. */
  unitFiles: string[]
  /**
   * Keep the cells of these reports in the thread for its next task, which reads again only the
   * rows of the reports that changed: set by a process that builds again and again (watch), for a
   * collection held whole.
   */
  keep?: boolean
}

/** The table's files, or the place among the task's unit files of one whose rows could not be read. */
export type TableDone = { files: UnitFile[] } | { unreadable: number }

/** Writes the tables of builds on a thread of its own (see tableThread in unit-pool.ts). */
export interface TableWriter {
  write(task: TableTask): Promise<TableDone>
  /** Stop the thread; once closed, closing again does nothing. */
  close(): Promise<void>
}
