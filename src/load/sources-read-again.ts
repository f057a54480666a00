import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { contentDigest } from '../cache/cache-folder.js'
import type { Diagnostic } from '../model/compiled.js'
import { inputLimits } from '../remark/limit-values.js'
import { openSource } from './source-file.js'

/** The text of a source by its path in messages, to print the line a message points at. */
export interface SourceLookup {
  get(file: string): string | undefined
}

/** The rules about paths the build did not read: their messages quote no line of them. */
const notRead: ReadonlySet<string> = new Set(['source-skipped', 'source-nested'])

/**
 * The text of each file a message is about, read again when asked, as the compiler reads it: a
 * collection's texts are not held to quote the few a message names. A path skipped on purpose (a
 * pipe, a device, a report in a folder inside the source folder) is never opened: its message
 * points at no line. `compiledFrom` gives the digest (see contentDigest) of the bytes a file's
 * messages were made from, when it is known: a file saved again since is not quoted, as its lines
 * are no longer those the messages point at.
 */
export function sourcesReadAgain(
  diagnostics: readonly Diagnostic[],
  cwd: string,
  compiledFrom: (file: string) => string | undefined = () => undefined
): SourceLookup {
  const named = new Set(
    diagnostics.filter((diagnostic) => !notRead.has(diagnostic.ruleId)).map((diagnostic) => diagnostic.file)
  )
  return {
    get(name) {
      if (!named.has(name)) return undefined
      const file = path.resolve(cwd, name)
      try {
        const stats = statSync(file)
        if (!stats.isFile()) return undefined
        // Not read, as the compiler did not read it: its text is none.
        const unread = stats.size > inputLimits.reportBytes * 4
        if (unread) return String(openSource(name, new Uint8Array(0), stats.size).file.value)
        const bytes = readFileSync(file)
        const digest = compiledFrom(name)
        if (digest !== undefined && contentDigest(bytes) !== digest) return undefined
        return String(openSource(name, bytes).file.value)
      } catch {
        return undefined
      }
    }
  }
}
