import { createHash } from 'node:crypto'

/**
 * The key of a file of the site's own: the digest of everything those files are made of, and its
 * path. A module of its own, so that a build finds the files it may take as they are without
 * loading what renders them.
 */
export function siteFileKey(siteKey: string, file: string): string {
  return createHash('sha256').update(siteKey).update('\0').update(file).digest('hex')
}

/**
 * The key of a file of a series: of what the site's own files are made of but the collection
 * (`environmentKey`), of the reports' titles, which its pages name them by (see titlesDigest), and
 * of what the series is made of (see seriesInputs).
 */
export function seriesFileKey(environmentKey: string, titles: string, inputs: string, file: string): string {
  const key = createHash('sha256').update(`${environmentKey}\0${titles}\0${inputs}`).digest('hex')
  return siteFileKey(key, file)
}
