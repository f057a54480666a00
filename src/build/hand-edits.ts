import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { sha256 } from '../emit/hash.js'
import { manifestName } from '../model/site.js'
import { standsAsWritten, type BuildRecord } from './build-record.js'

/**
 * Which files of the output folder that do not stand as the last build of this cache wrote them
 * were modified by hand. Another build, with a cache of its own (a CI's `--cache-dir` beside the
 * default), may have published the folder since and written files anew; its manifest then stands
 * in place of the one this cache's build wrote, and a file with the size it lists is that build's
 * (one edited by hand since, keeping that size, passes for it). Only the files that differ are
 * asked about, so the manifest is read once, when one does.
 */
export interface HandEdits {
  /** Whether `file`, found with `size` bytes and not as the record says it was written, was edited by hand. */
  edited(file: string, size: number): boolean
  /**
   * Whether manifest.json itself was: it is not as written, and either no factmark manifest, or
   * one that lists the files as this cache's build did though its bytes differ, or one that lists
   * other bytes for a file that stands as that build wrote it.
   */
  manifestEdited(): boolean
}

/** What the manifest of the output folder says of the build that wrote it. */
type Published =
  { by: 'this cache' } | { by: 'another build'; sizes: Map<string, number> } | { by: 'hand' } | { by: 'nobody' }

interface Listed {
  bytes: number
  sha256: string
}

export function handEdits(out: string, record: BuildRecord | undefined): HandEdits {
  let published: Published | undefined
  const publishedBy = (): Published => {
    published ??= record ? readPublished(out, record) : { by: 'this cache' }
    return published
  }
  return {
    edited(file, size) {
      const found = publishedBy()
      return found.by !== 'another build' || found.sizes.get(file) !== size
    },
    manifestEdited: () => publishedBy().by === 'hand'
  }
}

function readPublished(out: string, record: BuildRecord): Published {
  const written = record.files[manifestName]
  if (!written || standsAsWritten(out, manifestName, written)) return { by: 'this cache' }
  const file = path.join(out, manifestName)
  // Removed with the folder, or alone: the files are told by themselves, as they stand.
  if (!existsSync(file)) return { by: 'nobody' }
  let bytes: Buffer
  let listed: Map<string, Listed> | undefined
  try {
    bytes = readFileSync(file)
    listed = listedFiles(JSON.parse(bytes.toString('utf8')))
  } catch {
    return { by: 'hand' }
  }
  if (!listed) return { by: 'hand' }
  const sizes = new Map([...listed].map(([file, { bytes: size }]) => [file, size]))
  // The same manifest written again: a build of the same sources.
  if (sha256(bytes) === written.sha256) return { by: 'another build', sizes }
  const relisted = [...listed].filter(([file, entry]) => {
    const recorded = record.files[file]
    return recorded?.bytes !== entry.bytes || recorded.sha256 !== entry.sha256
  })
  const forged = relisted.some(([file]) => standsAsWritten(out, file, record.files[file]))
  return relisted.length === 0 || forged ? { by: 'hand' } : { by: 'another build', sizes }
}

/** Each file a factmark manifest lists, with its size and digest; undefined for what is not one. */
function listedFiles(value: unknown): Map<string, Listed> | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const { generator, files } = value as { generator?: { name?: unknown }; files?: unknown }
  if (generator?.name !== 'factmark' || !Array.isArray(files)) return undefined
  const listed = new Map<string, Listed>()
  for (const entry of files as unknown[]) {
    const { path: file, bytes, sha256: digest } = (entry ?? {}) as Record<string, unknown>
    if (typeof file !== 'string' || typeof bytes !== 'number' || typeof digest !== 'string') return undefined
    listed.set(file, { bytes, sha256: digest })
  }
  return listed
}
