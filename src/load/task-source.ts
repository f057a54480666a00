import { closeSync, openSync, readFileSync } from 'node:fs'
import type { DigestedFile } from './digested-sources.js'
import type { SourceText } from '../model/compiled.js'
import { FactmarkError } from '../model/factmark-error.js'
import { ioReason } from './read-source.js'

/** A report as a task names it: its path in messages and its file, which the task reads. */
export type TaskSource = Pick<SourceText, 'path' | 'unreadSize'> & { file: string }

/** A report of digested sources (see digestedSources) as a task names it. */
export function taskSourceOf(source: SourceText, files: ReadonlyMap<string, Pick<DigestedFile, 'file'>>): TaskSource {
  return {
    path: source.path,
    file: files.get(source.path)?.file ?? '',
    ...(source.unreadSize !== undefined && { unreadSize: source.unreadSize })
  }
}

/** The report a task names, read now; one too large to read is compiled from nothing, to say so. */
export function readTaskSource({ path, unreadSize, file }: TaskSource): SourceText {
  return unreadSize === undefined ? { path, text: readFileSync(file) } : { path, text: new Uint8Array(0), unreadSize }
}

/**
 * Run a task that reads a report; when it fails and the report cannot be read now (removed,
 * renamed or locked since the sources were read), fail with a FactmarkError that says so. A task
 * on another thread loses its error's code on the way back: the file is asked again.
 */
export async function readingSource<T>(source: TaskSource, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw sourceGone(source) ?? error
  }
}

/** Why a report a task names cannot be read now, as a FactmarkError; undefined when it can. */
export function sourceGone(source: TaskSource): FactmarkError | undefined {
  if (source.unreadSize !== undefined) return undefined
  try {
    closeSync(openSync(source.file, 'r'))
    return undefined
  } catch (error) {
    return new FactmarkError(
      'FACTMARK_SOURCES',
      `Cannot read ${source.path} again to compile it: ${ioReason(error)}; it was removed, renamed or locked after the sources were read`,
      { place: { path: source.path } }
    )
  }
}
