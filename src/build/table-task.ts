import { sha256 } from '../emit/hash.js'
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
   * The folder each row group of the table is kept in, by its key, and whether
   * those kept may be taken (not in a cold build, which keeps them anew). A batch of reports whose
   * row group is not kept takes the columns it shares with the row group of the same place in the
   * last table (`last`, their keys), which hold the same cells when a report of it changed in
   * some only (the places of its facts, say); `salt` is what those depend on besides their cells.
   */
  rowGroups?: {
    folder: string
    take: boolean
    salt: string
    /** The key of each row group (see rowGroupKeys): null, neither taken nor kept. */
    keys: Array<string | null>
    last?: Array<string | null>
  }
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
 * The key of each row group of the table whose reports' rows have the digests `rows`, in their
 * order (see inRowGroups): a digest of theirs and of `salt`, what else the row group's bytes
 * depend on (factmark's code); null for a batch of which a report's rows have no digest.
 */
export function rowGroupKeys(rows: ReadonlyArray<string | undefined>, salt: string): Array<string | null> {
  return inRowGroups(rows).map((batch) =>
    batch.every((digest) => digest !== undefined) ? sha256(`${salt}\0${JSON.stringify(batch)}`) : null
  )
}
