import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { isSitePiece, type RowGroupPiece } from '../emit/site-dataset.js'
import { writeWholeSync } from './cache-folder.js'

// A piece is kept as V8 serializes it, which keeps what JSON would lose (the footer's offsets and
// counts are BigInts; statistics may be any number), after the SHA-256 of those bytes: a piece
// cut short or changed by hand is not appended into a table, where its offsets would break the file.
const digestBytes = 32

/** Where the row group of the batch of reports `key` names is kept (see rowGroupKeys). */
export function rowGroupFile(folder: string, key: string): string {
  return path.join(folder, `${key}.group`)
}

/** The piece kept at `file`; undefined when there is none, or it is not whole and as kept. */
export function readRowGroup(file: string): RowGroupPiece | undefined {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch {
    return undefined
  }
  const payload = bytes.subarray(digestBytes)
  if (!createHash('sha256').update(payload).digest().equals(bytes.subarray(0, digestBytes))) return undefined
  try {
    const piece = deserialize(payload) as RowGroupPiece
    return piece.bytes instanceof Uint8Array && isSitePiece(piece) ? piece : undefined
  } catch {
    // Kept by another version of Node, which serializes otherwise.
    return undefined
  }
}

/** Keep a piece at `file`, whole or not at all; one that cannot be kept is encoded again next time. */
export function keepRowGroup(file: string, piece: RowGroupPiece): void {
  const payload = serialize(piece)
  try {
    mkdirSync(path.dirname(file), { recursive: true })
    writeWholeSync(file, Buffer.concat([createHash('sha256').update(payload).digest(), payload]))
  } catch {
    // Not kept.
  }
}
