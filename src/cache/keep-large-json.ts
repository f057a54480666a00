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
  // Down to each member of a member's members: a diagnostic of each report, each file of the site.
  writeWholeSync(file, jsonChunks(value, 0, 3))
}
