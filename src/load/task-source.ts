import { contentDigest } from '../cache/cache-folder.js'
import type { DigestedFile } from './digested-sources.js'
import type { SourceText } from '../model/compiled.js'
import { FactmarkError } from '../model/factmark-error.js'
import { checkSourceFile, folderOf, readSourceFile } from './read-source.js'

/** A report as a task names it: its path in messages and its file, which the task reads. */
export type TaskSource = Pick<SourceText, 'path' | 'dataPath' | 'unreadSize'> & {
  file: string
  /**
   * The digest (see contentDigest) of the bytes the report was compiled from, for a task that
   * must read those very bytes: one that draws a page again or keeps a unit again beside files
   * already staged. When the file holds others, saved again since, the task fails rather than
   * stage or keep what the other files do not match.
   */
  digest?: string
}

/** A report of digested sources (see digestedSources) as a task names it, pinned to the bytes of `digest` if given. */
export function taskSourceOf(
  source: SourceText,
  files: ReadonlyMap<string, Pick<DigestedFile, 'file'>>,
  digest?: string
): TaskSource {
  return {
    path: source.path,
    file: files.get(source.path)?.file ?? '',
    ...(digest !== undefined && { digest }),
    ...(source.dataPath !== undefined && { dataPath: source.dataPath }),
    ...(source.unreadSize !== undefined && { unreadSize: source.unreadSize })
  }
}

/**
 * The report a task names, read again now with the checks of the first read (see readSourceFile):
 * a pipe swapped in for it is never opened, and a file grown too large is compiled from nothing,
 * to say so, as one too large at the first read is. Throws when it cannot be read (see sourceGone),
 * or holds other bytes than those the task is pinned to (see sourceSavedAgain).
 */
export function readTaskSource({ path, dataPath, unreadSize, file, digest }: TaskSource): SourceText {
  const empty = new Uint8Array(0)
  const named = dataPath === undefined ? { path } : { path, dataPath }
  if (unreadSize !== undefined) return { ...named, text: empty, unreadSize }
  const read = readSourceFile(file, () => folderOf(file))
  if (read.ok && digest !== undefined && contentDigest(read.value) !== digest)
    throw new Error(`${path} was saved again after it was compiled`)
  if (read.ok) return { ...named, text: read.value }
  if (read.error.kind === 'too-large') return { ...named, text: empty, unreadSize: read.error.size }
  throw new Error(`${path} cannot be read again: ${read.error.reason}`)
}

/**
 * Run a task that reads a report; when it fails and the report cannot be read now (removed,
 * renamed, or replaced by what is not a file, since the sources were read), or holds other bytes
 * than those the task was pinned to, fail with a FactmarkError that says so. A task on another
 * thread loses its error's code on the way back: the file is asked again.
 */
export async function readingSource<T>(source: TaskSource, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw sourceGone(source) ?? sourceSavedAgain(source) ?? error
  }
}

/** That a report a task was pinned to changed since it was compiled, as a FactmarkError; undefined when it did not. */
function sourceSavedAgain(source: TaskSource): FactmarkError | undefined {
  if (source.digest === undefined) return undefined
  const read = readSourceFile(source.file, () => folderOf(source.file))
  if (!read.ok || contentDigest(read.value) === source.digest) return undefined
  return new FactmarkError(
    'FACTMARK_SAVED_AGAIN',
    `${source.path} was saved again while the build used it, after it was compiled: build again to publish it as it is now`,
    { place: { path: source.path } }
  )
}

/** Why a report a task names cannot be read now, as a FactmarkError; undefined when it can. */
function sourceGone(source: TaskSource): FactmarkError | undefined {
  if (source.unreadSize !== undefined) return undefined
  const checked = checkSourceFile(source.file, () => folderOf(source.file))
  if (checked.ok || checked.error.kind === 'too-large') return undefined
  return new FactmarkError(
    'FACTMARK_SOURCE_GONE',
    `Cannot read ${source.path} again to compile it: ${checked.error.reason}; it was removed, renamed or replaced after the sources were read`,
    { place: { path: source.path } }
  )
}
