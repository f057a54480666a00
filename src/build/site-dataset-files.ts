import { createHash } from 'node:crypto'
import { closeSync, openSync, readSync, writeFileSync, writeSync } from 'node:fs'
import path from 'node:path'
import { fileWriter } from 'hyparquet-writer'
import { emitSiteDataPackage, type DescribedReport } from '../emit/datapackage.js'
import { inRowGroups, parquetTable, siteCsvHeader, type SiteRow } from '../emit/site-dataset.js'
import type { UnitFile } from './report-unit.js'
import type { ReportRows } from './build-cache.js'

/**
 * Write the site's table of every fact (facts.csv, facts.parquet) and its Data Package into
 * `root`, a hundred reports at a time: `rowsOf` reads a report's rows and their CSV lines when its batch is written,
 * so that only one batch is ever held.
 */
export function writeSiteDataset(
  root: string,
  reports: readonly DescribedReport[],
  rowsOf: (index: number) => ReportRows
): UnitFile[] {
  const csvPath = path.join(root, 'facts.csv')
  const parquetPath = path.join(root, 'facts.parquet')
  const csv = openSync(csvPath, 'w')
  try {
    writeSync(csv, siteCsvHeader)
    const parquet = parquetTable(fileWriter(parquetPath))
    const indexes = reports.map((_, index) => index)
    for (const batch of inRowGroups(indexes)) {
      const rows: SiteRow[] = []
      for (const index of batch) {
        const kept = rowsOf(index)
        rows.push(...kept.rows)
        // The lines of a batch are those of its reports one after another (see siteCsvLines).
        writeSync(csv, kept.csv)
      }
      parquet.add(rows)
    }
    parquet.finish()
  } finally {
    closeSync(csv)
  }
  const csvFile = digestOf(root, 'facts.csv')
  const parquetFile = digestOf(root, 'facts.parquet')
  const datapackage = emitSiteDataPackage(reports, csvFile, parquetFile)
  writeFileSync(path.join(root, 'datapackage.json'), datapackage)
  return [csvFile, parquetFile, digestOf(root, 'datapackage.json')]
}

/** Size and SHA-256 of a written file, read a megabyte at a time: the table of thousands of reports is large. */
function digestOf(root: string, file: string): UnitFile {
  const hash = createHash('sha256')
  const chunk = Buffer.alloc(1 << 20)
  const handle = openSync(path.join(root, file), 'r')
  let bytes = 0
  try {
    for (let read = readSync(handle, chunk); read > 0; read = readSync(handle, chunk)) {
      hash.update(chunk.subarray(0, read))
      bytes += read
    }
  } finally {
    closeSync(handle)
  }
  return { path: file, bytes, sha256: hash.digest('hex') }
}
