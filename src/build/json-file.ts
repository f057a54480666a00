import { createHash } from 'node:crypto'
import { closeSync, openSync, writeSync } from 'node:fs'
import { jsonChunks } from '../emit/json-chunks.js'

/** A file made on disk, with what the manifest says of it. */
export interface MadeFile {
  file: string
  bytes: number
  sha256: string
}

// The pieces are gathered up to this many characters before they are written and hashed.
const batch = 1 << 20

/**
 * Write the JSON of `value` as the site's files are (indented by two, with a line break at the
 * end) to `file`, a piece at a time (see jsonChunks), and hash it as it goes: no more than a
 * megabyte of its text is held at once.
 */
export function writeJsonFile(file: string, value: unknown): MadeFile {
  const hash = createHash('sha256')
  let bytes = 0
  let pending = ''
  const descriptor = openSync(file, 'w')
  try {
    const flush = () => {
      const buffer = Buffer.from(pending, 'utf8')
      for (let written = 0; written < buffer.length;)
        written += writeSync(descriptor, buffer, written, buffer.length - written)
      hash.update(buffer)
      bytes += buffer.length
      pending = ''
    }
    // Down to each report a point names: a figure ten thousand reports print names them all.
    for (const piece of jsonChunks(value, 2, 4)) {
      pending += piece
      if (pending.length >= batch) flush()
    }
    pending += '\n'
    flush()
  } finally {
    closeSync(descriptor)
  }
  return { file, bytes, sha256: hash.digest('hex') }
}
