import { createHash } from 'node:crypto'
import { writePiecesSync } from '../cache/write-pieces.js'
import { jsonChunks } from '../emit/json-chunks.js'

/** A file made on disk, with what the manifest says of it. */
export interface MadeFile {
  file: string
  bytes: number
  sha256: string
}

/**
 * Write the JSON of `value` as the site's files are (indented by two, with a line break at the
 * end) to `file`, a piece at a time (see jsonChunks), and hash it as it goes: no more than a
 * megabyte of its text is held at once.
 */
export function writeJsonFile(file: string, value: unknown): MadeFile {
  const hash = createHash('sha256')
  // Down to each report a point names: a figure ten thousand reports print names them all.
  const bytes = writePiecesSync(file, withLineBreak(jsonChunks(value, 2, 4)), (buffer) => hash.update(buffer))
  return { file, bytes, sha256: hash.digest('hex') }
}

function* withLineBreak(pieces: Iterable<string>): Generator<string> {
  yield* pieces
  yield '\n'
}
