import path from 'node:path'

/**
 * Where a cache keeps the row groups of the site's tables of every fact (see rowGroupKeys): pruned
 * as the units are, by the uses of the records of the builds that wrote them (see pruneCache).
 */
export function rowGroupsFolder(cacheFolder: string): string {
  return path.join(cacheFolder, 'tables')
}
