import { accessSync, constants, mkdirSync, statSync, type Stats } from 'node:fs'
import path from 'node:path'
import { ioReason } from '../load/read-source.js'
import { isNodeError } from '../model/node-error.js'

/**
 * Why a command cannot keep its cache in `folder`, in words for the user; undefined when it can.
 * The folder is made if need be, and must be one this process may write. It is made a folder at a
 * time: Node's recursive mkdir tells a read-only file system as a folder missing (ENOENT), and
 * under /proc, where the kernel refuses a new folder with ENOENT, tries again for ever. `shown`
 * names a folder or file as the user gave it.
 */
export function unusableFolder(folder: string, shown: (file: string) => string): string | undefined {
  // The folders to make, the innermost first, up to the first one there.
  const missing: string[] = []
  for (let at = folder; ; at = path.dirname(at)) {
    let stats: Stats | undefined
    try {
      stats = statSync(at, { throwIfNoEntry: false })
    } catch (error) {
      // A file stands where a folder above should: it is found on the way up.
      if (!isNodeError(error, 'ENOTDIR')) return ioReason(error)
    }
    if (stats) {
      if (!stats.isDirectory()) return `${shown(at)} is a file`
      break
    }
    missing.push(at)
    if (path.dirname(at) === at) break
  }
  try {
    for (const each of missing.reverse()) makeFolder(each)
    accessSync(folder, constants.W_OK)
  } catch (error) {
    return ioReason(error)
  }
  return undefined
}

/** Make a folder, unless another process made it meanwhile. */
function makeFolder(folder: string): void {
  try {
    mkdirSync(folder)
  } catch (error) {
    if (!isNodeError(error, 'EEXIST')) throw error
  }
}
