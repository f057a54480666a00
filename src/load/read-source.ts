import {
  closeSync,
  fstatSync,
  lstatSync,
  openSync,
  readFileSync,
  readSync,
  readlinkSync,
  realpathSync,
  statSync,
  type Stats
} from 'node:fs'
import path from 'node:path'
import { inputLimits } from '../remark/limit-values.js'
import { isInside } from '../model/paths.js'
import { readFlags } from '../model/read-flags.js'
import { isNodeError } from '../model/node-error.js'
import { err, ok, type Result } from '../model/result.js'

/**
 * Why a path named as a source was not read: factmark does not read it on
 * purpose (it is not a regular file, or a link out of its folder), it could
 * not be read, or it is too large.
 */
export type Unread =
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; reason: string }
  /** Too large to be worth reading into memory: the compiler reports it with its size. */
  | { kind: 'too-large'; size: number }

/** What became of a path named as a source: its bytes, or why it was not read. */
export type ReadOutcome = Result<Uint8Array, Unread>

/** What each kind of file that is not a regular file is called in messages. */
const otherKinds: ReadonlyArray<{ is: (stats: Stats) => boolean; name: string }> = [
  { is: (stats) => stats.isDirectory(), name: 'a folder' },
  { is: (stats) => stats.isFIFO(), name: 'a named pipe (FIFO)' },
  { is: (stats) => stats.isSocket(), name: 'a socket' },
  { is: (stats) => stats.isCharacterDevice(), name: 'a character device' },
  { is: (stats) => stats.isBlockDevice(), name: 'a block device' }
]

/**
 * Opening never waits on a pipe swapped in after the checks, and never follows a link swapped in
 * for the checked file.
 */
const openFlags = readFlags

/**
 * Read a regular file that lies inside `folder`, the real path of the folder
 * it is named in. Before anything is opened, the file's type is checked, so
 * a FIFO can never block the read; a symbolic link is followed only when it
 * leads to a place inside `folder`.
 *
 * `folder` may be given as the way to find it (see folderOf): only a link needs it, and finding
 * it is a system call for each folder of the path, about a third of a millisecond a report.
 *
 * Synchronous, because a build reads thousands of small files one after another and each
 * asynchronous call waits its turn on the thread pool: 1,000 reports read in about 350 ms that way,
 * and in about 50 ms this way.
 */
export function readSourceFile(file: string, folder: Folder): ReadOutcome {
  const checked = checkSourceFile(file, folder)
  return checked.ok ? readCheckedFile(checked.value) : checked
}

/** A file to read, as checkSourceFile found it. */
export interface CheckedFile {
  target: string
  stats: Stats
}

/**
 * One buffer that file after file is read into, for a reader that is done with each file's bytes
 * before it reads the next: a build that keeps only a digest of each report. With a buffer of
 * their own, the reports' bytes piled up outside V8's heap until it collected them: having read
 * 1,000 reports, the process's malloc heap held 33 MB, against 8 MB through one buffer.
 */
export interface ReadBuffer {
  bytes: Buffer
}

export function readBuffer(): ReadBuffer {
  return { bytes: Buffer.allocUnsafe(64 * 1024) }
}

/**
 * Read a file checkSourceFile let through, unless it was replaced since: into a buffer of its
 * own, or into `into`, whose bytes the next read overwrites.
 */
export function readCheckedFile({ target, stats }: CheckedFile, into?: ReadBuffer): ReadOutcome {
  try {
    const handle = openSync(target, openFlags)
    try {
      const opened = fstatSync(handle)
      if (!opened.isFile() || opened.ino !== stats.ino || opened.dev !== stats.dev)
        return err({ kind: 'skipped', reason: 'it was replaced while it was being read' })
      return ok(into ? readInto(handle, opened.size, into) : readFileSync(handle))
    } finally {
      closeSync(handle)
    }
  } catch (error) {
    return err({ kind: 'failed', reason: ioReason(error) })
  }
}

/** The whole of an open file, read into `into`, grown when the file is larger (or grew since its size was taken). */
function readInto(handle: number, size: number, into: ReadBuffer): Uint8Array {
  if (into.bytes.length <= size) into.bytes = Buffer.allocUnsafe(size + 1)
  let length = 0
  for (;;) {
    if (length === into.bytes.length) {
      const larger = Buffer.allocUnsafe(length * 2)
      into.bytes.copy(larger)
      into.bytes = larger
    }
    const read = readSync(handle, into.bytes, length, into.bytes.length - length, null)
    if (read === 0) return into.bytes.subarray(0, length)
    length += read
  }
}

/**
 * The checks readSourceFile makes before it opens a file: the file a path leads to, when it is a
 * regular file inside `folder` and not too large, with its stats as they stand before it is read.
 */
export function checkSourceFile(file: string, folder: Folder): Result<CheckedFile, Unread> {
  let target = file
  try {
    const link = lstatSync(file)
    if (link.isSymbolicLink()) {
      const written = readlinkSync(file)
      try {
        target = realpathSync(file)
      } catch (error) {
        return err({
          kind: 'skipped',
          reason: `it is a symbolic link to ${written}, which cannot be followed (${ioReason(error)})`
        })
      }
      if (!isInside(target, typeof folder === 'string' ? folder : folder()))
        return err({
          kind: 'skipped',
          reason: `it is a symbolic link to ${written}, outside its folder, and links out of it are not followed`
        })
    }
    const stats = link.isSymbolicLink() ? statSync(target) : link
    const other = otherKinds.find((kind) => kind.is(stats))
    if (other) return err({ kind: 'skipped', reason: `it is ${other.name}, not a file` })
    if (!stats.isFile()) return err({ kind: 'skipped', reason: 'it is not a regular file' })
    // Decoding may change the size a little, but not fourfold: a file this large is refused before
    // it is read into memory.
    if (stats.size > inputLimits.reportBytes * 4) return err({ kind: 'too-large', size: stats.size })
    return ok({ target, stats })
  } catch (error) {
    return err({ kind: 'failed', reason: ioReason(error) })
  }
}

/** The real path of the folder a file is named in, or the way to find it when a link is met. */
export type Folder = string | (() => string)

/** The real path of the folder a file is named in, against which its links are checked. */
export function folderOf(file: string): string {
  const folder = path.dirname(file)
  try {
    return realpathSync(folder)
  } catch {
    return path.resolve(folder)
  }
}

/** Why a file system call failed, in words for the user. */
export function ioReason(error: unknown): string {
  const known = isNodeError(error) ? ioReasons[error.code] : undefined
  if (known) return known
  return error instanceof Error ? error.message : String(error)
}

const ioReasons: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOTDIR: 'not a folder',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  ERR_FS_FILE_TOO_LARGE: 'the file is too large to read'
}
