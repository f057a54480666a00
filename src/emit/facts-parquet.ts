import { ByteWriter } from 'hyparquet-writer'
import type { CompiledReport } from '../model/compiled.js'
import { inRowGroups } from './row-groups.js'
import { parquetTable, reportCells, rowGroupPiece } from './site-dataset.js'
import { siteRows } from './site-rows.js'

/**
 * The site's facts.parquet: the rows and columns of its facts.csv, typed (numbers as numbers, an
 * empty cell as null), for DuckDB, Spark, Polars and whoever outgrows one machine.
 */
export function emitSiteFactsParquet(reports: readonly CompiledReport[]): Uint8Array {
  const writer = new ByteWriter()
  const table = parquetTable(writer)
  for (const batch of inRowGroups(reports))
    table.add(
      rowGroupPiece(
        batch.map((report) => reportCells(siteRows(report))),
        ''
      )
    )
  table.finish()
  return new Uint8Array(writer.getBuffer())
}
