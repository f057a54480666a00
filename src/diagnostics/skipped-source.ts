import { VFile } from 'vfile'
import type { SkippedSource } from '../model/compiled.js'
import { report } from './report.js'

/** The file of a path among the sources that was not read, holding the warning that says why. */
export function skippedFile(source: SkippedSource): VFile {
  const file = new VFile({ path: source.path })
  if (source.nested) report(file, 'source-nested', `Not read: ${source.reason}`, { line: 1, column: 1 })
  else report(file, 'source-skipped', `Skipped: ${source.reason}`, { line: 1, column: 1 })
  return file
}

/** Whether a path skipped is one of the build's sources left unread: its metrics would all look unused. */
export function leftUnread(source: SkippedSource): boolean {
  return source.nested !== true
}
