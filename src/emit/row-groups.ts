import { chunks } from '../model/chunks.js'

/** How many reports' rows make one row group of the site's Parquet file: the file's bytes depend on it. */
const reportsPerRowGroup = 100

/** Batches of reports as the Parquet file groups them. */
export function inRowGroups<T>(reports: readonly T[]): T[][] {
  return chunks(reports, reportsPerRowGroup)
}
