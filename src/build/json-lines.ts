import { closeSync, openSync, readSync } from 'node:fs'

/**
 * The values of the lines of a JSON Lines file, read a chunk of `chunkBytes` at a time and parsed
 * one line at a time. The facts of one metric that ten thousand districts print are 80,000 lines
 * and 31 MB: read whole, they were a buffer of that size beside the facts made of it, at the peak
 * of a build's memory. Empty lines are skipped.
 */
export function* jsonLinesOf(file: string, chunkBytes: number = 1 << 20): Generator {
  const descriptor = openSync(file, 'r')
  try {
    const chunk = Buffer.alloc(chunkBytes)
    // The start of a line the last chunk ended in, copied out of it, as the chunk is read into again.
    let carried = Buffer.alloc(0)
    for (let read = readSync(descriptor, chunk); read > 0; read = readSync(descriptor, chunk)) {
      const bytes = carried.length > 0 ? Buffer.concat([carried, chunk.subarray(0, read)]) : chunk.subarray(0, read)
      let start = 0
      // A line break is never part of a character of several bytes in UTF-8.
      for (let end = bytes.indexOf(0x0a, start); end !== -1; end = bytes.indexOf(0x0a, start)) {
        if (end > start) yield JSON.parse(bytes.toString('utf8', start, end))
        start = end + 1
      }
      carried = Buffer.from(bytes.subarray(start))
    }
    if (carried.length > 0) yield JSON.parse(carried.toString('utf8'))
  } finally {
    closeSync(descriptor)
  }
}
