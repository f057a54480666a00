import { createHash } from 'node:crypto'
import { open } from 'node:fs/promises'
import { entryType, type EntryType } from '../model/file-tree.js'
import { isNodeError } from '../model/node-error.js'
import { readFlags } from '../model/read-flags.js'

export interface FileDigest {
  bytes: number
  sha256: string
}

export type ReadResult = { regular: true; digest: FileDigest; content?: Buffer } | { regular: false; type: EntryType }

// Not following the last link and not waiting for a writer: a file swapped for a link or a FIFO
// after it was listed is still caught.
const flags = readFlags

/**
 * Size and SHA-256 of a regular file, read as a stream so that a huge file
 * costs no more memory than a small one. Its content is kept too when it
 * is at most `keepUpTo` bytes (for files that are parsed afterwards), so
 * the bytes checked are the bytes hashed. I/O errors are thrown.
 */
export async function readRegular(file: string, keepUpTo = 0): Promise<ReadResult> {
  let handle
  try {
    handle = await open(file, flags)
  } catch (error) {
    if (isNodeError(error, 'ELOOP')) return { regular: false, type: 'symbolic link' }
    throw error
  }
  try {
    const stats = await handle.stat()
    if (!stats.isFile()) return { regular: false, type: entryType(stats) }
    const hash = createHash('sha256')
    const kept: Buffer[] = []
    let bytes = 0
    for await (const chunk of handle.createReadStream({ autoClose: false })) {
      const buffer = chunk as Buffer
      hash.update(buffer)
      bytes += buffer.length
      if (bytes <= keepUpTo) kept.push(buffer)
    }
    const digest = { bytes, sha256: hash.digest('hex') }
    return bytes <= keepUpTo ? { regular: true, digest, content: Buffer.concat(kept) } : { regular: true, digest }
  } finally {
    await handle.close()
  }
}
