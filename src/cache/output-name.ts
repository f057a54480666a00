import { createHash } from 'node:crypto'
import path from 'node:path'

/**
 * The name an output folder's things in the cache go by: its record, what its build said, and the
 * tree its build replaced (see pruneCache, which pairs them by it). It is made of the folder's
 * place as seen from the cache, not of its absolute path: a cache kept in the project (in its
 * node_modules, or a folder named with --cache-dir) and restored into a checkout at another path,
 * as CI runners check out, names the same folder there, and its build takes what the cache holds.
 */
export function outputName(cacheFolder: string, out: string): string {
  const seen = path.relative(path.resolve(cacheFolder), path.resolve(out))
  return createHash('sha256').update(seen).digest('hex').slice(0, 16)
}
