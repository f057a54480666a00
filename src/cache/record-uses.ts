import { keepJson, readKept } from './cache-folder.js'

/**
 * What the record of an output folder's last build uses of the cache, kept beside the record: the
 * folder, the environment, the conclusions across reports, the row groups of the site's table and
 * each report's unit. Pruning reads
 * this rather than the record, which is megabytes at a thousand reports (every file of the site
 * with its digest): a cache that tests or CI build into holds thousands of records, and read
 * whole they took a second and more of the build that pruned.
 */
export interface RecordUses {
  out: string
  environment: string
  across?: string
  /** The row groups of the site's table of every fact (see rowGroupKeys). */
  rowGroups?: string[]
  units: string[]
}

/** Where the uses of the record kept in `recordFile` are kept. */
function usesFile(recordFile: string): string {
  return recordFile.replace(/\.json$/, '.uses.json')
}

/** Keep what a record uses, before the record itself: a record is never without them, nor its units unnamed. */
export function keepUses(recordFile: string, uses: RecordUses): void {
  keepJson(usesFile(recordFile), uses)
}

/** What the record kept in `recordFile` uses; undefined when that is not kept, or not as keepUses keeps it. */
export function readUses(recordFile: string): RecordUses | undefined {
  const kept = readKept(usesFile(recordFile))
  if (typeof kept !== 'object' || kept === null) return undefined
  const { out, environment, across, rowGroups, units } = kept as Record<string, unknown>
  if (typeof out !== 'string' || typeof environment !== 'string') return undefined
  if (across !== undefined && typeof across !== 'string') return undefined
  if (!isTexts(units) || (rowGroups !== undefined && !isTexts(rowGroups))) return undefined
  return {
    out,
    environment,
    ...(across !== undefined && { across }),
    ...(rowGroups !== undefined && { rowGroups }),
    units
  }
}

function isTexts(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}
