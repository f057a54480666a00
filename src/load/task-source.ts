import { readFileSync } from 'node:fs'
import type { DigestedFile } from './digested-sources.js'
import type { SourceText } from '../model/compiled.js'

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
