import { createHash } from 'node:crypto'
import { closeSync, openSync, readSync } from 'node:fs'

/** Read a file into `chunk` a piece at a time, each piece given to `use` before the next is read. */
export function eachChunk(file: string, chunk: Buffer, use: (read: Buffer) => void): void {
  const handle = openSync(file, 'r')
  try {
    for (let read = readSync(handle, chunk); read > 0; read = readSync(handle, chunk)) use(chunk.subarray(0, read))
  } finally {
    closeSync(handle)
  }
}

/**
 * The size and SHA-256 of a file, read into `chunk` a piece at a time: a file of the site may be
 * hundreds of megabytes (the table of every fact of 10,000 reports is 455 MB), which read whole
 * would be a buffer of that size.
 */
export function fileDigest(file: string, chunk: Buffer): { bytes: number; sha256: string } {
  const hash = createHash('sha256')
  let bytes = 0
  eachChunk(file, chunk, (read) => {
    hash.update(read)
    bytes += read.byteLength
  })
  return { bytes, sha256: hash.digest('hex') }
}
