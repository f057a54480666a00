import { createHash } from 'node:crypto'

/**
 * The key of a file of the site's own: the digest of everything those files are made of, and its
 * path. A module of its own, so that a build finds the files it may take as they are without
 * loading what renders them.
 */
export function siteFileKey(siteKey: string, file: string): string {
  return createHash('sha256').update(siteKey).update('\0').update(file).digest('hex')
}
