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
  // Down to each member of a member's members, a few hundred to a piece: a diagnostic of each
  // report, each file of the site. Opened a member at a time, the 7,000 files a build of a thousand
  // reports records made a build's record and conclusions (5 MB) take 92 to 108 ms to write in a
  // new process, against 63 to 67 ms so.
  writeWholeSync(file, jsonChunks(value, 0, 3))
}
