import type { Stats } from 'node:fs'
import { contentDigest } from '../cache/cache-folder.js'
import type { CompileInput, SourceText } from '../model/compiled.js'
import { sourcesOf, type CompileOptions } from './source-input.js'

/** A report read for the digest of its bytes alone: its file, that digest, and the bytes' size. */
export interface DigestedFile {
  file: string
  digest: string
  size: number
}

/** The sources with no report's text, and what each report read is by its path in messages. */
export interface DigestedSources {
  input: CompileInput
  files: Map<string, DigestedFile>
}

/** What a caller that reads the sources again and again adds: see digestedSources. */
export interface DigestHooks {
  /** The digest of a report the caller knows by its file's stats, which is then not read; else undefined. */
  known?: (shown: string, file: string, stats: Stats) => string | undefined
  /** Told of each report read, with its file's stats before it was read. */
  onRead?: (file: string, stats: Stats, digest: string) => void
}

const empty = new Uint8Array(0)

/**
 * The sources the options name, each report kept as the digest of its bytes: a collection of
 * thousands of reports is 300 MB of text, which whoever compiles a report reads again (see
 * readTaskSource). Reports too large to read keep their size, as readSources gives them. The
 * registry is kept whole. Throws a FactmarkError when the sources cannot be read.
 */
export async function digestedSources(options: CompileOptions, hooks: DigestHooks = {}): Promise<DigestedSources> {
  const files = new Map<string, DigestedFile>()
  const kept = (shown: string, file: string, digest: string, size: number): SourceText => {
    files.set(shown, { file, digest, size })
    return { path: shown, text: empty }
  }
  const { known, onRead } = hooks
  const input = await sourcesOf(options, {
    // Lent: each report's bytes are read into one buffer, used again for the next.
    lend: true,
    keep: (source, file, stats) => {
      const digest = contentDigest(source.text)
      onRead?.(file, stats, digest)
      return kept(source.path, file, digest, stats.size)
    },
    ...(known && {
      known: (shown: string, file: string, stats: Stats) => {
        const digest = known(shown, file, stats)
        return digest === undefined ? undefined : kept(shown, file, digest, stats.size)
      }
    })
  })
  return { input, files }
}
