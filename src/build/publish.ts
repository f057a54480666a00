import { linkSync, mkdirSync, rmSync } from 'node:fs'
import { lstat, mkdir, readFile, readdir, rename, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { listTree } from '../model/file-tree.js'
import { manifestName } from '../model/site.js'
import { FactmarkError } from '../model/factmark-error.js'
import { isNodeError } from '../model/node-error.js'
import { placeWhole } from '../model/placed-file.js'
import { isAlive } from '../model/process-alive.js'
import type { OutputCheck } from './output-folder.js'

/** One output file, its path relative to the output folder. */
export interface Artifact {
  path: string
  /** Text is written as UTF-8; bytes as they are. */
  content: string | Uint8Array
}

/**
 * The points of a publication at which a process can die, in order. After
 * each one, the output folder is either the previous tree or the new one,
 * or (between `retired` and `published`) missing with the previous tree
 * kept whole beside it, which the next run puts back.
 */
export const publishSteps = [
  'locked',
  'recovered',
  'staging',
  'staged',
  'retired',
  'published',
  'discarded',
  'cleaned'
] as const
export type PublishStep = (typeof publishSteps)[number]

export interface PublishOptions {
  /**
   * Whether `out` may be replaced: asked before anything is touched, and again under the lock once
   * leftovers are dealt with.
   */
  check?: () => Promise<OutputCheck>
  /** Called after each step; fault-injection tests end the process here. */
  onStep?: (step: PublishStep) => void | Promise<void>
  /**
   * Where the tree this publication replaces is kept, instead of being removed, for the next
   * publication to stage into (see publishTree), as is the tree an interrupted one was staging
   * (see recoverFrom); on the file system of `out`, or it is not kept.
   */
  spare?: string
  /**
   * The files of the staged tree written anew, not taken as links to those of `out`: once it is
   * published, each is linked into the replaced tree kept as the spare, which then holds the
   * published tree, so that a build of a checkout without the output folder takes every file
   * from it, those this publication wrote too.
   */
  fresh?: () => readonly string[]
}

export interface RecoveryResult {
  /** Set when an interrupted publication left `out` missing and its last complete tree was put back. */
  restored: boolean
  /** Leftover folders of an interrupted publication that were taken from beside `out`: removed, or kept as the spare. */
  removed: string[]
}

/** Why a publication did not start: a message for the user about the output folder, of which nothing was changed. */
function refusal(message: string): FactmarkError {
  return new FactmarkError('FACTMARK_OUTPUT', message)
}

/**
 * What the lock beside an output folder records: who publishes, and the
 * names of the folders its publication makes beside `out`. The new tree is
 * written into `new`; the previous tree moves to `old` (always whole, the
 * one to restore) and then to `trash` (garbage from then on). After a kill
 * the lock stays, and the next run touches exactly these folders and
 * nothing else beside `out`.
 */
interface LockRecord {
  factmark: 'publish'
  pid: number
  new: string
  old: string
  trash: string
}

function recordFor(out: string, pid: number): LockRecord {
  const base = path.basename(out)
  return {
    factmark: 'publish',
    pid,
    new: `.${base}-new-${pid}`,
    old: `.${base}-old-${pid}`,
    trash: `.${base}-trash-${pid}`
  }
}

function lockPath(out: string): string {
  return path.join(path.dirname(out), `.${path.basename(out)}.lock`)
}

/**
 * Write a complete new tree beside `out` and swap it in. Readers and a
 * failing build never see a half-written tree, and a process killed at any
 * point leaves either a complete tree at `out` or one the next run restores
 * before it does anything else.
 */
export async function publish(
  out: string,
  artifacts: readonly Artifact[],
  options: PublishOptions = {}
): Promise<RecoveryResult> {
  return publishTree(
    out,
    async (root, written) => {
      // The manifest is written last: a tree without one is never taken for a whole one.
      const ordered = [...artifacts].sort((a, b) => Number(a.path === manifestName) - Number(b.path === manifestName))
      for (const artifact of ordered) {
        const file = path.join(root, artifact.path)
        await mkdir(path.dirname(file), { recursive: true })
        await writeFile(file, artifact.content)
        await written()
      }
    },
    options
  )
}

/**
 * Stage a new tree beside `out` with `stage`, then swap it in, as publish does. `stage` writes
 * into `root`, calling `written` after each file, and writes the manifest last; when it throws,
 * its error is thrown on and `out` is left as it was.
 *
 * With `spare`, the replaced tree is kept there, and the next publication stages into it: `root`
 * then holds an earlier tree (`reused`), whose files mostly are links to those of `out` already,
 * so that a site of thousands of reports is not made again folder by folder and link by link, nor
 * removed file by file. `stage` must then replace every file it wants otherwise (never write
 * through one, which may be a link to a published file) and remove what it does not want.
 */
export async function publishTree(
  out: string,
  stage: (root: string, written: () => Promise<void>, reused: boolean) => Promise<void>,
  options: PublishOptions = {}
): Promise<RecoveryResult> {
  const target = path.resolve(out)
  const parent = path.dirname(target)
  const step = async (name: PublishStep) => options.onStep?.(name)
  const checked = async () => {
    const allowed = await options.check?.()
    if (allowed && !allowed.ok) throw refusal(allowed.error.message)
  }
  await checked()
  await mkdir(parent, { recursive: true })
  const record = recordFor(target, process.pid)
  const at = {
    new: path.join(parent, record.new),
    old: path.join(parent, record.old),
    trash: path.join(parent, record.trash)
  }
  const previous = await lock(target, record)
  try {
    await step('locked')
    const result = previous ? await recoverFrom(previous, target, options.spare) : { restored: false, removed: [] }
    await step('recovered')
    await checked()
    removeTree(at.new)
    let first = true
    try {
      // Taken under the lock, under this publication's own name: a kill while staging leaves it to be removed.
      const reused =
        options.spare !== undefined && (await isFolder(options.spare)) && (await moved(options.spare, at.new))
      if (!reused) await mkdir(at.new, { recursive: true })
      await stage(
        at.new,
        async () => {
          if (first) await step('staging')
          first = false
        },
        reused
      )
    } catch (error) {
      // What it staged serves the next build as the tree of a build stopped while staging does
      // (see recoverFrom): each file checked before it is taken. A build that starts over because
      // a report was saved meanwhile compiles again only what changed.
      const kept = options.spare !== undefined && (await keptAside(at.new, options.spare))
      if (!kept) removeTree(at.new)
      throw error
    }
    await step('staged')
    try {
      const hadPrevious = await renameIfPresent(target, at.old)
      await step('retired')
      try {
        await rename(at.new, target)
      } catch (error) {
        if (hadPrevious) await rename(at.old, target)
        throw error
      }
      await step('published')
      const kept = hadPrevious && (await keptAsSpare(at.old, target, options))
      if (hadPrevious && !kept) await rename(at.old, at.trash)
      // With no tree replaced, the next publication would stage into an empty folder, and make
      // every folder and link again while an editor waits: links to this tree's files are its spare.
      // (A tree replaced but not kept could not be moved there, and neither could the links.)
      if (!hadPrevious && options.spare !== undefined && linkedCopy(target, at.new))
        await keptAside(at.new, options.spare)
      await step('discarded')
      removeTree(at.trash)
      await step('cleaned')
    } finally {
      removeTree(at.new)
    }
    return result
  } finally {
    await unlink(lockPath(target)).catch(() => undefined)
  }
}

/**
 * Put back what an interrupted publication of `out` left, if any, under
 * the lock: a build runs this before it compiles, so that even a build
 * that then fails leaves `out` whole.
 */
export async function recoverOutput(out: string, options: Pick<PublishOptions, 'spare'> = {}): Promise<RecoveryResult> {
  const target = path.resolve(out)
  if (!(await isFolder(path.dirname(target)))) return { restored: false, removed: [] }
  const previous = await lock(target, recordFor(target, process.pid))
  try {
    return previous ? await recoverFrom(previous, target, options.spare) : { restored: false, removed: [] }
  } finally {
    await unlink(lockPath(target)).catch(() => undefined)
  }
}

/**
 * Restore and remove the folders an interrupted publication recorded: when
 * `out` is missing and its previous tree is kept whole, that tree returns;
 * the tree it was staging becomes the `spare`, if given, so that the next
 * publication stages into it and a build takes from it the files of the
 * reports compiled before the interruption (see stage-site.ts); the rest is
 * removed. Only real folders of the recorded names are touched.
 */
async function recoverFrom(previous: LockRecord, out: string, spare?: string): Promise<RecoveryResult> {
  const parent = path.dirname(out)
  const old = path.join(parent, previous.old)
  let restored = false
  if (!(await exists(out)) && (await isFolder(old)) && (await exists(path.join(old, manifestName)))) {
    await rename(old, out)
    restored = true
  }
  const removed: string[] = []
  const trash = path.join(parent, previous.trash)
  const staged = path.join(parent, previous.new)
  // A tree half staged, whatever it holds: what is taken from it is checked file by file.
  if (spare !== undefined && (await isFolder(staged)) && (await keptAside(staged, spare))) removed.push(previous.new)
  for (const name of [previous.trash, previous.new, previous.old]) {
    const full = path.join(parent, name)
    if (!(await isFolder(full))) continue
    // Through trash, so that a tree half removed is never taken for a whole one by a later run.
    if (full !== trash) await rename(full, trash)
    removeTree(trash)
    removed.push(name)
  }
  return { restored, removed }
}

/**
 * Take the lock of an output folder: a file that appears with the record
 * of this publication in it (see placeWhole). A lock whose process is gone
 * is stale: its record is returned, for the caller to recover from, and it
 * is taken over. Anything else in the lock's place is refused.
 */
async function lock(out: string, record: LockRecord): Promise<LockRecord | undefined> {
  const file = lockPath(out)
  const shown = path.basename(file)
  let previous: LockRecord | undefined
  await removeLeftBeside(file)
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await placeWhole(file, `${JSON.stringify(record)}\n`)) return previous
    const found = await settledRecord(file)
    // Released meanwhile: taken at the next attempt.
    if (found === 'released') continue
    if (!found)
      throw refusal(
        `Refusing to write ${path.basename(out)}: ${shown} beside it was not written by factmark; if no build is running, remove it; nothing was changed`
      )
    if (found.pid !== process.pid && isAlive(found.pid)) {
      throw new FactmarkError(
        'FACTMARK_BUSY',
        `Refusing to write ${path.basename(out)}: process ${found.pid} is writing it (a factmark build, or a watch building after a save); build again once it is done, or remove ${shown} if no factmark runs; nothing was changed`
      )
    }
    previous ??= found
    await unlink(file).catch(() => undefined)
  }
  throw refusal(`Refusing to write ${path.basename(out)}: ${shown} could not be taken; nothing was changed`)
}

/**
 * Remove the records that processes now gone wrote beside the lock `file` (`<file>.<pid>`, see
 * placeWhole) and died before they removed: a file of such a name whose text is not a record of
 * its process, or the start of one cut short by the kill, is someone else's and stays.
 */
async function removeLeftBeside(file: string): Promise<void> {
  const prefix = `${path.basename(file)}.`
  const names = await readdir(path.dirname(file)).catch(() => [])
  for (const name of names) {
    const pid = name.startsWith(prefix) ? name.slice(prefix.length) : ''
    if (!/^[1-9]\d*$/.test(pid) || Number(pid) === process.pid || isAlive(Number(pid))) continue
    const left = path.join(path.dirname(file), name)
    const text = await readFile(left, 'utf8').catch(() => undefined)
    if (text !== undefined && isRecordOf(Number(pid), text)) await unlink(left).catch(() => undefined)
  }
}

/** Whether `text` is the record of the process `pid` as recordFor makes it, whole or cut short. */
function isRecordOf(pid: number, text: string): boolean {
  const head = `{"factmark":"publish","pid":${pid},`
  return text.startsWith(head) || head.startsWith(text)
}

// Where the file system has no hard links, a lock is created empty and its record written next
// (see placeWhole): another build that reads it in between waits this long for the record before
// it takes the file for someone else's.
const recordWait = { tries: 10, ms: 20 }

/**
 * The record of a lock, read again while it is empty or partial, as one being written is;
 * 'released' when there is no lock any more.
 */
async function settledRecord(file: string): Promise<LockRecord | 'released' | undefined> {
  for (let tries = 1; ; tries++) {
    let text = ''
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      if (isNodeError(error, 'ENOENT')) return 'released'
    }
    const found = parseRecord(text)
    if (found || tries === recordWait.tries) return found
    await new Promise((resolve) => setTimeout(resolve, recordWait.ms))
  }
}

function parseRecord(text: string): LockRecord | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockRecord>
    const named = (name: unknown) =>
      typeof name === 'string' && name.startsWith('.') && !name.includes('/') && !name.includes('\\')
    if (
      value.factmark !== 'publish' ||
      !Number.isInteger(value.pid) ||
      !named(value.new) ||
      !named(value.old) ||
      !named(value.trash)
    )
      return undefined
    return value as LockRecord
  } catch {
    return undefined
  }
}

async function renameIfPresent(from: string, to: string): Promise<boolean> {
  try {
    await rename(from, to)
    return true
  } catch (error) {
    if (isNodeError(error, 'ENOENT')) return false
    throw error
  }
}

/** Whether `from` was renamed to `to`; false when it could not be (another file system, say). */
async function moved(from: string, to: string): Promise<boolean> {
  try {
    await rename(from, to)
    return true
  } catch {
    return false
  }
}

/**
 * Remove a tree, if it is there, one file after another. The promise of node's `rm` removes the
 * files of every folder at once: removing a tree of 10,000 folders of 7 files took a process of
 * 49 MB to 199 to 203 MB, and left its malloc heap 57 MB larger for good, in 1.8 to 2.0 s; this
 * way, to 62 MB at most and 2 MB larger, in 1.5 s.
 */
function removeTree(tree: string): void {
  rmSync(tree, { recursive: true, force: true })
}

/** Keep a replaced tree as the spare of the next publication, in place of any spare left there. */
async function keptAside(tree: string, spare: string): Promise<boolean> {
  try {
    removeTree(spare)
    await mkdir(path.dirname(spare), { recursive: true })
  } catch {
    return false
  }
  return moved(tree, spare)
}

/**
 * Make at `to` a tree of links to every file of `from`, in the same folders; false when it cannot
 * be made whole (another file system, a file system without links, an entry that is not a file).
 * Synchronous: a thousand reports are seven thousand files, and each link waited its turn on the
 * thread pool.
 */
function linkedCopy(from: string, to: string): boolean {
  const tree = listTree(from)
  if (tree.unreadable.length > 0) return false
  try {
    mkdirSync(to)
    let folder = to
    for (const entry of tree.entries) {
      const target = path.join(to, entry.path)
      if (entry.type === 'folder') {
        mkdirSync(target, { recursive: true })
        continue
      }
      if (entry.type !== 'file') return false
      if (path.dirname(target) !== folder) mkdirSync((folder = path.dirname(target)), { recursive: true })
      linkSync(path.join(from, entry.path), target)
    }
    return true
  } catch {
    return false
  }
}

/** Keep a replaced tree as the spare, with the files the publication wrote anew linked into it (see PublishOptions.fresh). */
async function keptAsSpare(tree: string, published: string, { spare, fresh }: PublishOptions): Promise<boolean> {
  if (spare === undefined || !(await keptAside(tree, spare))) return false
  linkedOver(published, spare, fresh?.() ?? [])
  return true
}

/**
 * Link each of `files` of `from` into `to`, in place of any file there. A file that cannot be
 * linked is removed from `to` instead, if it can be: whoever takes a file from the spare checks it
 * first, so one left as it was costs a file made again, never a wrong one.
 */
function linkedOver(from: string, to: string, files: readonly string[]): void {
  for (const file of files) {
    const target = path.join(to, file)
    try {
      rmSync(target, { force: true })
      mkdirSync(path.dirname(target), { recursive: true })
      linkSync(path.join(from, file), target)
    } catch {
      try {
        rmSync(target, { force: true })
      } catch {
        // Left as it is: see above.
      }
    }
  }
}

async function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    () => false
  )
}

/** A folder itself, not a link to one. */
async function isFolder(file: string): Promise<boolean> {
  return lstat(file).then(
    (stats) => stats.isDirectory(),
    () => false
  )
}
