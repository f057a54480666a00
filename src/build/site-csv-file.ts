import { existsSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { emitSiteDataPackage, type DatasetDescription } from '../emit/datapackage.js'
import { siteCsvHeader } from '../emit/site-rows.js'
import { sha256 } from '../emit/hash.js'
import { writeHashedSync } from '../cache/write-pieces.js'
import { rowsCsvFile } from './build-cache.js'
import { eachChunk } from './file-chunks.js'
import type { UnitFile } from './report-unit.js'
import { siteTableNames } from '../model/site.js'

/**
 * Write the site's facts.csv into `root`: its header, then the CSV lines each report's unit keeps
 * beside it in the cache (`unitFiles`), copied as bytes a chunk at a time and hashed as they are
 * written (at 1,000 reports the file is 45 MB). The place among `unitFiles` of one whose lines are
 * not kept, when one is not.
 */
export function writeSiteCsv(root: string, unitFiles: readonly string[]): UnitFile | { unreadable: number } {
  const lost = unitFiles.findIndex((file) => !existsSync(rowsCsvFile(file)))
  if (lost !== -1) return { unreadable: lost }
  const chunk = Buffer.alloc(1 << 20)
  const written = writeHashedSync(path.join(root, csvName), (write) => {
    write(Buffer.from(siteCsvHeader))
    // The lines of a report are those of its rows in turn (see siteCsvLines).
    for (const file of unitFiles) eachChunk(rowsCsvFile(file), chunk, write)
  })
  return { path: csvName, ...written }
}

/** Write the site's datapackage.json into `root`, describing its table's files. */
export function writeSiteDataPackage(
  root: string,
  described: DatasetDescription,
  csv: UnitFile,
  parquet: UnitFile
): UnitFile {
  const text = emitSiteDataPackage(described, csv, parquet)
  writeFileSync(path.join(root, dataPackageName), text)
  return {
    path: dataPackageName,
    bytes: Buffer.byteLength(text),
    sha256: sha256(text)
  }
}

const { csv: csvName, dataPackage: dataPackageName } = siteTableNames
