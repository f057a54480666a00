import { existsSync } from 'node:fs'
import path from 'node:path'

/**
 * What a build that failed says of its output folder `where` (`out` from `cwd`): that it was left
 * as it was, or, when there is none, that nothing was written to it.
 */
export function outputLeft(where: string, out: string, cwd: string): { kept: boolean; words: string } {
  const kept = existsSync(path.resolve(cwd, out))
  return { kept, words: kept ? `${where} was left as it was` : `nothing was written to ${where}` }
}

/** What a build says when the cache could not keep its record (see Built.unrecorded): the site stands all the same. */
export function unrecordedLine(why: string, where: string): string {
  return `factmark: the cache could not keep the record of this build (${why}); the next build checks ${where} against the sources again\n`
}
