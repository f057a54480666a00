import { appendFileSync, closeSync, openSync, readSync } from 'node:fs'

/**
 * The values of the lines of a JSON Lines file, read a chunk of `chunkBytes` at a time and parsed
 * one line at a time. The facts of one metric that ten thousand districts print are 80,000 lines
 * and 31 MB: read whole, they were a buffer of that size beside the facts made of it, at the peak
 * of a build's memory. Empty lines are skipped.
 */
export function* jsonLinesOf(file: string, chunkBytes?: number): Generator {
  for (const line of linesOf(file, chunkBytes)) yield JSON.parse(line)
}

/** The text of each line of a file that is not empty, without its line break, read as jsonLinesOf reads. */
export function* linesOf(file: string, chunkBytes: number = 1 << 20): Generator<string> {
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
        if (end > start) yield bytes.toString('utf8', start, end)
        start = end + 1
      }
      carried = Buffer.from(bytes.subarray(start))
    }
    if (carried.length > 0) yield carried.toString('utf8')
  } finally {
    closeSync(descriptor)
  }
}

/** Items appended to a file, a line each: values as JSON (see jsonLinesAppender), or lines of text (see linesAppender). */
export interface Appender<Item> {
  add: (item: Item) => void
  /** Append what is held; the file is made at the first item. */
  flush: () => void
  /** Whether any item was appended. */
  written: () => boolean
}

export type JsonLinesAppender = Appender<unknown>

/**
 * Append values to `file` as JSON Lines, held until `flushAt` characters or flush: the checks of a
 * part of a metric are 90,000 lines, and what the rules tell ten thousand reports 30,000.
 */
export function jsonLinesAppender(file: string, flushAt?: number): JsonLinesAppender {
  const lines = linesAppender(file, flushAt)
  return { ...lines, add: (value) => lines.add(JSON.stringify(value)) }
}

/** Append lines of text, each given without its line break, as jsonLinesAppender appends values. */
export function linesAppender(file: string, flushAt: number = 1 << 23): Appender<string> {
  let lines = ''
  let written = false
  const flush = () => {
    if (lines === '') return
    appendFileSync(file, lines)
    written = true
    lines = ''
  }
  return {
    add(line) {
      lines += `${line}\n`
      if (lines.length > flushAt) flush()
    },
    flush,
    written: () => written
  }
}
