import { lstatSync, readdirSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { readKept } from './cache-folder.js'
import { outputName } from './output-name.js'
import { readUses, type RecordUses } from './record-uses.js'
import { rowGroupsFolder } from './row-groups-folder.js'

// Every edit of a report leaves the unit of its last text in the cache (150 KB for the seed), and
// every change to the facts of a collection leaves the conclusions about the last one (1.6 MB at
// 1,000 reports), and every change to a batch of a hundred reports the row group of the site's
// table that batch made (46 KB for a hundred copies of the seed): a day of saves in watch is tens
// of megabytes. A build into a folder that is deleted after (a temporary one, in CI or a test)
// leaves its record, and the tree it replaced, which then holds the only links to its files. What
// no build of an output folder that is still there uses goes, once it has been left alone for a
// while: an hour keeps what a build running meanwhile writes before its record names it, and the
// edit undone soon after.
const hour = 60 * 60 * 1000
const unnamedIdle = 30 * 24 * hour
// No build records what `check` reads: a registry it checked, what a check found, and what it
// kept of each report and of the rules across reports, stay while some check uses them (each use
// marks them), and go once none has for a week. Each version of factmark and each edit of a
// registry leaves a registry (5 to 60 KB); each edit of the sources checked leaves what the check
// found (1.6 KB for the seed, with its three notes), and of a report what it says (51 KB for the seed).
const checkedIdle = 7 * 24 * hour

export interface PruneOptions {
  /** The time now, in ms since the epoch. */
  now?: number
  /** Prune at most once in this long (default an hour): a build that saves after every keystroke does not list the cache each time. */
  every?: number
  /** What no build uses is removed once it has been left alone this long (default an hour). */
  idle?: number
}

/** What pruning removed: files, and the bytes they held; and the records and spare trees of output folders that are gone. */
export interface Pruned {
  files: number
  bytes: number
  records: number
  trees: number
}

/** What the builds recorded in a cache folder use of it. */
interface InUse {
  units: Set<string>
  across: Set<string>
  rowGroups: Set<string>
  environments: Set<string>
  /** The names of the records kept, which are those of their spare trees too. */
  records: Set<string>
}

const markerName = 'pruned'
const checksMarkerName = 'pruned-checks'
const hex64 = '[0-9a-f]{64}'
// A file written whole is written beside its place first (see writeWholeSync); one left by a build killed meanwhile is litter.
const beside = String.raw`(?:\.\d+\.[0-9a-z]*\.tmp)?`
const unitEntry = new RegExp(
  `^(${hex64})\\.(?:json|summary\\.json|head\\.json|by-metric|rows\\.json|rows\\.csv)${beside}$`
)
const keyedEntry = new RegExp(`^(${hex64})\\.json${beside}$`)
// The conclusions across reports, those of each metric beside them (see MetricsMemo), and what each metric is made of (see MetricInputs).
const acrossEntry = new RegExp(`^(${hex64})\\.(?:metrics\\.|inputs\\.)?json${beside}$`)
const rowGroupEntry = new RegExp(`^(${hex64})\\.group${beside}$`)
const recordName = /^[0-9a-f]{16}$/
const recordEntry = /^([0-9a-f]{16})\.json$/
// What a record is kept with (see writeRecord), and what a write of either stopped midway left.
const recordPart = new RegExp(`^([0-9a-f]{16})(\\.result|\\.uses)?\\.json(${beside})$`)

/**
 * Remove from a cache folder the records of output folders that are gone or seen from elsewhere
 * (see inUse), the trees their builds replaced, what no record is kept with (see
 * sweepRecordParts), and the units, conclusions across reports and registries that no record left
 * uses: each once it has been left alone for `idle`; and the registries and findings `check` kept
 * that no check has used for a week. Undefined when the cache was pruned less than `every` ago.
 * Only files named as factmark names them are looked at: anything else in the folder is left
 * alone. A build that finds something gone makes it again.
 */
export function pruneCache(folder: string, options: PruneOptions = {}): Pruned | undefined {
  const now = options.now ?? Date.now()
  if (!markedDue(path.join(folder, markerName), now, options.every)) return undefined
  const pruned: Pruned = { files: 0, bytes: 0, records: 0, trees: 0 }
  const before = now - (options.idle ?? hour)
  const used = inUse(folder, before, pruned)
  const sweep = (place: string, entry: RegExp, kept: ReadonlySet<string>) => {
    for (const name of namesIn(place)) {
      const key = entry.exec(name)?.[1]
      if (key !== undefined && !kept.has(key)) removeIdle(path.join(place, name), before, pruned)
    }
  }
  const units = path.join(folder, 'units')
  for (const shard of namesIn(units).filter((name) => /^[0-9a-f]{2}$/.test(name)))
    sweep(path.join(units, shard), unitEntry, used.units)
  sweepRecordParts(path.join(folder, 'builds'), before, pruned)
  sweep(path.join(folder, 'across'), acrossEntry, used.across)
  sweep(rowGroupsFolder(folder), rowGroupEntry, used.rowGroups)
  sweep(path.join(folder, 'registry'), keyedEntry, used.environments)
  pruneChecked(folder, now - checkedIdle, pruned)
  // The tree a build replaced is kept under the name of its record (see outputName): one whose record is gone has no build to stage into it.
  for (const name of namesIn(path.join(folder, 'spare')))
    if (recordName.test(name) && !used.records.has(name)) removeTree(path.join(folder, 'spare', name), before, pruned)
  return pruned
}

/**
 * Remove only what `check` keeps and no check has used for a week, by a mark of its own (see
 * pruneCache). A check does not know which output folders are still to be built: in a new checkout
 * whose cache CI kept, `dist/` is not there yet, and a check that pruned what builds keep would let
 * go of the tree and units the build is about to take.
 */
export function pruneChecks(folder: string, options: Pick<PruneOptions, 'now' | 'every'> = {}): Pruned | undefined {
  const now = options.now ?? Date.now()
  if (!markedDue(path.join(folder, checksMarkerName), now, options.every)) return undefined
  const pruned: Pruned = { files: 0, bytes: 0, records: 0, trees: 0 }
  pruneChecked(folder, now - checkedIdle, pruned)
  return pruned
}

/**
 * Whether pruning is due, `marker` last marked `every` (default an hour) or longer ago; if so it
 * is marked now, first, so that another build ending meanwhile does not prune too.
 */
function markedDue(marker: string, now: number, every = hour): boolean {
  try {
    const last = lstatSync(marker, { throwIfNoEntry: false })?.mtimeMs
    // A mark from the future (a clock set back since) is no reason to wait.
    if (last !== undefined && last <= now && now - last < every) return false
    if (last === undefined) writeFileSync(marker, '')
    utimesSync(marker, now / 1000, now / 1000)
    return true
  } catch {
    // A cache that cannot be written to holds nothing new either; and a build that published does not fail here.
    return false
  }
}

/** Remove what `check` kept and no check has used since `before` (see checkedIdle). */
function pruneChecked(folder: string, before: number, pruned: Pruned): void {
  for (const checked of ['checked-registry', 'checked', path.join('checked', 'across')])
    for (const name of namesIn(path.join(folder, checked)))
      if (keyedEntry.test(name)) removeIdle(path.join(folder, checked, name), before, pruned)
  const units = path.join(folder, 'checked', 'units')
  for (const shard of namesIn(units).filter((name) => /^[0-9a-f]{2}$/.test(name)))
    for (const name of namesIn(path.join(units, shard)))
      if (unitEntry.test(name)) removeIdle(path.join(units, shard, name), before, pruned)
}

/**
 * Remove from the records' folder what no record is kept with: what a build said, or what its
 * record uses, once the record is gone (removed by hand, say, or never written: a build stopped
 * before it); and the litter of a write stopped midway, a megabyte and a half at a thousand reports.
 */
function sweepRecordParts(builds: string, before: number, pruned: Pruned): void {
  const names = namesIn(builds)
  const records = new Set(names.flatMap((name) => recordEntry.exec(name)?.[1] ?? []))
  for (const name of names) {
    const [, own, part, litter] = recordPart.exec(name) ?? []
    if (own === undefined) continue
    if (litter || (part && !records.has(own))) removeIdle(path.join(builds, name), before, pruned)
  }
}

/** Remove a file left alone since `before`, and count it; one that cannot be is left for a later build. */
function removeIdle(file: string, before: number, pruned: Pruned): boolean {
  try {
    const stats = lstatSync(file)
    if (!stats.isFile() || stats.mtimeMs > before) return false
    unlinkSync(file)
    pruned.files += 1
    pruned.bytes += stats.size
    return true
  } catch {
    // Gone already, or not ours to remove.
    return false
  }
}

/**
 * The units, conclusions and environments the recorded build of each output folder uses. The
 * record of a folder that is gone, or kept under another name than the folder's (see outputName),
 * is removed once it has been left alone since `before` (what it is kept with and its spare tree
 * go after); a record that does not name its folder (written before records did), once it has
 * been left alone for a month more.
 */
function inUse(folder: string, before: number, pruned: Pruned): InUse {
  const used: InUse = {
    units: new Set(),
    across: new Set(),
    rowGroups: new Set(),
    environments: new Set(),
    records: new Set()
  }
  const builds = path.join(folder, 'builds')
  for (const name of namesIn(builds)) {
    const own = recordEntry.exec(name)?.[1]
    if (own === undefined) continue
    const file = path.join(builds, name)
    const uses = readUses(file) ?? usesOfRecord(readKept(file))
    if (!uses) continue
    const { out, environment, across, rowGroups, units } = uses
    // A record that does not name its folder was written before records did: it goes once it has
    // been left alone for a month, when the folder it is of is most likely gone too.
    const since = out !== undefined ? before : before - unnamedIdle
    // A record under another name than its folder's is of a folder seen from elsewhere (a cache
    // restored at another path) or named as factmark once named them: no build here reads it.
    const elsewhere = out !== undefined && outputName(folder, out) !== own
    // What the record is kept with goes after it (see sweepRecordParts).
    if ((out === undefined || elsewhere || isGone(out)) && removeIdle(file, since, pruned)) {
      pruned.records += 1
      continue
    }
    used.records.add(own)
    for (const unit of units) used.units.add(unit)
    if (across !== undefined) used.across.add(across)
    for (const group of rowGroups ?? []) used.rowGroups.add(group)
    if (environment !== undefined) used.environments.add(environment)
  }
  return used
}

/**
 * What a record uses, read from the record itself: one written before the uses were kept beside
 * it (see keepUses), whose folder may not be named either. Undefined when it cannot be read.
 */
function usesOfRecord(record: unknown): (Partial<RecordUses> & Pick<RecordUses, 'units'>) | undefined {
  if (typeof record !== 'object' || record === null) return undefined
  const { sources, across, environment, out } = record as Record<string, unknown>
  const units = Array.isArray(sources)
    ? sources.flatMap((source: unknown) => (Array.isArray(source) && typeof source[1] === 'string' ? [source[1]] : []))
    : []
  return {
    units,
    ...(typeof out === 'string' && { out }),
    ...(typeof across === 'string' && { across }),
    ...(typeof environment === 'string' && { environment })
  }
}

/** Whether nothing stands at a path any more. */
function isGone(file: string): boolean {
  try {
    return lstatSync(file, { throwIfNoEntry: false }) === undefined
  } catch {
    return false
  }
}

/** Remove a spare tree left alone since `before`, and count it. */
function removeTree(tree: string, before: number, pruned: Pruned): void {
  try {
    if (lstatSync(tree).mtimeMs > before) return
    rmSync(tree, { recursive: true, force: true })
    pruned.trees += 1
  } catch {
    // Gone already, or not ours to remove.
  }
}

function namesIn(folder: string): string[] {
  try {
    return readdirSync(folder)
  } catch {
    return []
  }
}
