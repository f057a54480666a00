import { createHash } from 'node:crypto'
import { closeSync, openSync, writeSync } from 'node:fs'

// The pieces are encoded into a buffer of this many bytes, written each time it fills.
const size = 1 << 20

/** Write all of `bytes` to an open file: one write may take fewer. */
function writeAllSync(descriptor: number, bytes: Uint8Array): void {
  for (let written = 0; written < bytes.byteLength;)
    written += writeSync(descriptor, bytes, written, bytes.byteLength - written)
}

/** Write a file with `use`, a piece at a time, hashed as it goes; its size and SHA-256. */
export function writeHashedSync(
  file: string,
  use: (write: (piece: Uint8Array) => void) => void
): { bytes: number; sha256: string } {
  const hash = createHash('sha256')
  let bytes = 0
  const descriptor = openSync(file, 'w')
  try {
    use((piece) => {
      writeAllSync(descriptor, piece)
      hash.update(piece)
      bytes += piece.byteLength
    })
  } finally {
    closeSync(descriptor)
  }
  return { bytes, sha256: hash.digest('hex') }
}

/**
 * Write a text given in pieces to `file`, a megabyte of it at a time, and give each buffer to
 * `seen` as it is written (to hash it, say: the buffer is used again once `seen` returns); the
 * number of bytes written. A text too large to hold at once (the record of ten thousand reports is
 * 15 MB of JSON, made from objects as large) is never held whole.
 */
export function writePiecesSync(file: string, pieces: Iterable<string>, seen?: (buffer: Buffer) => void): number {
  // Each piece is encoded straight into the buffer: joined first, the hundreds of thousands of
  // small pieces of a site's series took as long to join as to make.
  const buffer = Buffer.allocUnsafe(size)
  let used = 0
  let bytes = 0
  // A piece that ends in the first half of a surrogate pair waits for the second.
  let held = ''
  const descriptor = openSync(file, 'w')
  const write = (from: Buffer, length: number) => {
    writeAllSync(descriptor, from.subarray(0, length))
    seen?.(from.subarray(0, length))
    bytes += length
  }
  const put = (text: string) => {
    // A UTF-16 unit takes at most three bytes of UTF-8, a pair of them four.
    if (used > 0 && used + text.length * 3 > size) {
      write(buffer, used)
      used = 0
    }
    if (text.length * 3 <= size) used += buffer.write(text, used, 'utf8')
    else {
      const encoded = Buffer.from(text, 'utf8')
      write(encoded, encoded.length)
    }
  }
  try {
    for (const piece of pieces) {
      const text = held + piece
      const last = text.charCodeAt(text.length - 1)
      const split = last >= 0xd800 && last <= 0xdbff
      held = split ? text.slice(-1) : ''
      put(split ? text.slice(0, -1) : text)
    }
    put(held)
    if (used > 0) write(buffer, used)
  } finally {
    closeSync(descriptor)
  }
  return bytes
}
