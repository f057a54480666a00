import { existsSync } from 'node:fs'
import path from 'node:path'
import { printable } from './format/printable.js'
import { fewOfMany } from '../model/few-of-many.js'

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

// How many folders or files a line names before it counts the rest.
export const namedInLine = 5

/** The reports the site published until this build and no longer does: addresses readers may have kept. */
export function withdrawnLine(slugs: readonly string[], where: string): string {
  const folders = slugs.map((slug) => printable(`${where}${slug}/`))
  return slugs.length === 1
    ? `factmark: ${folders[0] ?? ''} was taken down: the site no longer publishes a report with the slug ${printable(slugs[0] ?? '')}\n`
    : `factmark: ${slugs.length} report folders were taken down, as the site no longer publishes reports with their slugs: ${fewOfMany(folders, namedInLine)}\n`
}

/** Files of the output folder modified since the last build wrote them (see Built.modified): the build wrote over them. */
export function modifiedLine(files: readonly string[], where: string): string {
  const shown = files.map((file) => printable(`${where}${file}`))
  return files.length === 1
    ? `factmark: ${shown[0] ?? ''} was modified since the last build wrote it, and was written anew\n`
    : `factmark: ${files.length} files were modified since the last build wrote them, and were written anew: ${fewOfMany(shown, namedInLine)}\n`
}
