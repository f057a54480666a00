import { randomBytes } from 'node:crypto'
import { lstatSync, rmSync, type Stats } from 'node:fs'
import path from 'node:path'
import type { Coverage, Diagnostic } from '../model/compiled.js'
import { readKept } from '../cache/cache-folder.js'
import { keepLargeJson } from '../cache/keep-large-json.js'
import { outputName } from '../cache/output-name.js'
import { keepUses } from '../cache/record-uses.js'
import { manifestName } from '../model/site.js'
import type { KnownManifest, WrittenFile } from './output-folder.js'

/**
 * What the last build of an output folder wrote, kept in the cache: the keys it was built from and
 * each file with its digest and how it stood on disk. A build whose keys are all the same, over an
 * output folder that stands exactly as written, has nothing to do; one that differs takes from the
 * folder every file whose key is unchanged instead of rendering it again.
 */
export interface BuildRecord {
  /** See environmentKey. */
  environment: string
  /** Each report's path and the key of its unit, in the order read. */
  sources: Array<[string, string]>
  /** The paths skipped on purpose, with why. */
  skipped: Array<[string, string]>
  /** The key of the conclusions of the rules across reports the build took or kept (see acrossKey). */
  across?: string
  /** The keys of the row groups of the table of every fact, kept in the cache (see rowGroupKeys). */
  rowGroups?: Array<string | null>
  /** The output folder, absolute: once it is gone, the record goes too (see pruneCache). */
  out?: string
  /** Every file of the folder, by path. */
  files: Record<string, RecordedFile>
  /**
   * What the build said, kept in a file of its own (see readRecordedResult): only a build with
   * nothing to do reads it. This names the one written with this record.
   */
  result: string
  /** The digest of each report's bytes, by its absolute path, with its file's stats when they were read (see seenFile). */
  seen?: Record<string, SeenFile>
}

/** A report's file as a build read it: a later build that finds the same stats takes the digest without reading it. */
export interface SeenFile {
  dev: number
  ino: number
  size: number
  mtimeMs: number
  ctimeMs: number
  digest: string
}

/** What a build compares of a report's file. */
export type FileStats = Pick<Stats, 'dev' | 'ino' | 'size' | 'mtimeMs' | 'ctimeMs'>

// A file changed within the same tick of the file system's clock as it was read keeps its times:
// only a file left alone this long before the build began is known by its stats.
const settledMs = 2000

/**
 * What a build keeps of a report's file it read, when the file had been left alone for a while
 * before the build began (`started`); undefined when it had not, and the next build reads it again.
 */
export function seenFile(stats: FileStats, digest: string, started: number): SeenFile | undefined {
  if (Math.max(stats.mtimeMs, stats.ctimeMs) > started - settledMs) return undefined
  const { dev, ino, size, mtimeMs, ctimeMs } = stats
  return { dev, ino, size, mtimeMs, ctimeMs, digest }
}

/** The digest of a report's file whose stats are those a build saw, unchanged since. */
export function knownDigest(seen: SeenFile | undefined, stats: FileStats): string | undefined {
  if (!seen) return undefined
  const same =
    seen.dev === stats.dev &&
    seen.ino === stats.ino &&
    seen.size === stats.size &&
    seen.mtimeMs === stats.mtimeMs &&
    seen.ctimeMs === stats.ctimeMs
  return same ? seen.digest : undefined
}

export interface RecordedFile {
  bytes: number
  sha256: string
  /** The digest of what it was made of, for a file of the site's own that is costly to render. */
  key?: string
  /** Its modification time as written, in milliseconds: a file touched since is not taken as it is. */
  mtimeMs: number
  /**
   * Its inode as written: a file staged for the next build that is this very file, as written, is
   * known without looking at the published one (see isRecordedFile).
   */
  ino?: number
}

/** What a build said: its messages and counts, printed again when nothing changed. */
export interface RecordedResult {
  diagnostics: Diagnostic[]
  coverage: Coverage[]
  reports: Array<{ slug: string; path: string; factCount: number }>
}

/** Where the tree a build replaces is kept for the next build of the same output folder to stage into. */
export function spareTree(cacheFolder: string, out: string): string {
  return path.join(cacheFolder, 'spare', outputName(cacheFolder, out))
}

function recordFile(cacheFolder: string, out: string, part = ''): string {
  return path.join(cacheFolder, 'builds', `${outputName(cacheFolder, out)}${part}.json`)
}

/**
 * The record of the last build of `out`. Read synchronously, in one piece: it is megabytes at a
 * thousand reports, which read as a stream and decoded piece by piece took twice as long (35 ms),
 * and nothing else waits meanwhile.
 */
export function readRecord(cacheFolder: string, out: string): BuildRecord | undefined {
  return readKept(recordFile(cacheFolder, out)) as BuildRecord | undefined
}

/**
 * Keep the record of a build and what it said. What it said is written first, under a name the
 * record then gives: a build stopped between the two leaves the last record, which names the last
 * result, and not this one. What the record uses of the cache is kept beside it, for pruning.
 */
export function writeRecord(
  cacheFolder: string,
  out: string,
  record: Omit<BuildRecord, 'result' | 'out'>,
  result: RecordedResult
): void {
  const name = randomBytes(8).toString('hex')
  const file = recordFile(cacheFolder, out)
  keepLargeJson(recordFile(cacheFolder, out, '.result'), { name, ...result })
  keepUses(file, {
    out: path.resolve(out),
    environment: record.environment,
    ...(record.across !== undefined && { across: record.across }),
    ...(record.rowGroups !== undefined && { rowGroups: record.rowGroups.filter((key) => key !== null) }),
    units: record.sources.map(([, key]) => key)
  })
  keepLargeJson(file, { ...record, out: path.resolve(out), result: name })
}

/**
 * Let go of the record of the last build of `out`, as far as the cache can be written: one left
 * in place names files the output folder no longer holds, which the next build finds out.
 */
export function forgetRecord(cacheFolder: string, out: string): void {
  try {
    rmSync(recordFile(cacheFolder, out), { force: true })
  } catch {
    // Not removed.
  }
}

/**
 * What the build of a record said; undefined when it is not kept (a megabyte and a half at a
 * thousand reports, half the record, which a build with work to do neither needs nor reads).
 */
export function readRecordedResult(cacheFolder: string, out: string, record: BuildRecord): RecordedResult | undefined {
  const kept = readKept(recordFile(cacheFolder, out, '.result')) as (RecordedResult & { name?: unknown }) | undefined
  if (kept?.name !== record.result) return undefined
  const { diagnostics, coverage, reports } = kept
  return { diagnostics, coverage, reports }
}

/**
 * The files the manifest of `out` lists, as the record of the build that wrote it says, while the
 * manifest stands as that build wrote it (see KnownManifest).
 */
export function recordedManifest(record: BuildRecord | undefined, out: string): KnownManifest {
  return () =>
    record && standsAsWritten(out, manifestName, record.files[manifestName])
      ? new Set(Object.keys(record.files))
      : undefined
}

/** The files of `out` the record's build wrote that stand as it wrote them (see WrittenFile). */
export function recordedFiles(record: BuildRecord | undefined, out: string): WrittenFile {
  return (file) => record !== undefined && standsAsWritten(out, file, record.files[file])
}

/** Whether a file of the output folder stands as the record says it was written. */
export function standsAsWritten(out: string, file: string, recorded: RecordedFile | undefined): boolean {
  return writtenAs(out, file, recorded) !== undefined
}

/** A file of the output folder as it stands, when it stands as the record says it was written. */
export function writtenAs(out: string, file: string, recorded: RecordedFile | undefined): Stats | undefined {
  if (!recorded) return undefined
  try {
    const stats = lstatSync(path.join(out, file))
    return stats.isFile() && stats.size === recorded.bytes && stats.mtimeMs === recorded.mtimeMs ? stats : undefined
  } catch {
    return undefined
  }
}

/** The modification time and inode of each written file, for the record. */
export function writtenStats(
  out: string,
  files: readonly string[]
): Map<string, Pick<RecordedFile, 'mtimeMs' | 'ino'>> {
  return new Map(
    files.map((file) => {
      const { mtimeMs, ino } = lstatSync(path.join(out, file))
      return [file, { mtimeMs, ino }]
    })
  )
}

/**
 * Whether a file, found on the device `dev`, is the recorded file itself, standing as written. An
 * inode names one file among those that exist: a staged file with the recorded inode is the very
 * file the last build published (linked into the staged tree), and its size and time say nobody
 * wrote to it since.
 */
export function isRecordedFile(stats: Stats, recorded: RecordedFile, dev: number | undefined): boolean {
  return (
    recorded.ino !== undefined &&
    stats.ino === recorded.ino &&
    stats.dev === dev &&
    stats.isFile() &&
    stats.size === recorded.bytes &&
    stats.mtimeMs === recorded.mtimeMs
  )
}
