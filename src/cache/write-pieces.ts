import { closeSync, openSync, writeSync } from 'node:fs'

// The pieces are gathered up to this many characters before they are encoded and written.
const batch = 1 << 20

/**
 * Write a text given in pieces to `file`, a megabyte of it at a time, and give each buffer to
 * `seen` as it is written (to hash it, say); the number of bytes written. A text too large to
 * hold at once (the record of ten thousand reports is 15 MB of JSON, made from objects as large)
 * is never held whole.
 */
export function writePiecesSync(file: string, pieces: Iterable<string>, seen?: (buffer: Buffer) => void): number {
  let bytes = 0
  let pending = ''
  const descriptor = openSync(file, 'w')
  try {
    const flush = () => {
      const buffer = Buffer.from(pending, 'utf8')
      for (let written = 0; written < buffer.length;)
        written += writeSync(descriptor, buffer, written, buffer.length - written)
      seen?.(buffer)
      bytes += buffer.length
      pending = ''
    }
    for (const piece of pieces) {
      pending += piece
      if (pending.length >= batch) flush()
    }
    flush()
  } finally {
    closeSync(descriptor)
  }
  return bytes
}
