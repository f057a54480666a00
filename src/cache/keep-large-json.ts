import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { jsonChunks } from '../emit/json-chunks.js'
import { writeWholeSync } from './cache-folder.js'

/**
 * keepJson for a value too large to hold as text beside itself (the record of a build of ten
 * thousand reports, say): its JSON is written a piece at a time (see jsonChunks), the same text
 * as keepJson's for plain data, which is all it is given. Apart from cache-folder.ts, which a
 * check loads, as a check writes nothing of this size.
 */
export function keepLargeJson(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true })
  // Each member of a member's members a few hundred to a piece: the diagnostics, the files of the
  // site. Opened a level deeper, each written alone, a build's record and conclusions (5 MB at a
  // thousand reports) took 93 to 100 ms to write in a new process, and 54 to 56 ms so.
  writeWholeSync(file, jsonChunks(value, 0, 2))
}
