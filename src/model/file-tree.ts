import { readdirSync, type Dirent } from 'node:fs'
import path from 'node:path'

/** What a directory entry is, named as a message would name it. */
export type EntryType =
  'file' | 'folder' | 'symbolic link' | 'FIFO' | 'socket' | 'block device' | 'character device' | 'unknown entry'

interface TreeEntry {
  /** Relative to the root, with forward slashes; an empty folder ends with a slash. */
  path: string
  type: EntryType
}

export interface Tree {
  /** Every file, link and other entry that is not a folder, and every empty folder, in path order. */
  entries: TreeEntry[]
  /** Folders that could not be listed, with the error. */
  unreadable: Array<{ path: string; error: unknown }>
}

export function entryType(
  entry: Pick<
    Dirent,
    'isFile' | 'isDirectory' | 'isSymbolicLink' | 'isFIFO' | 'isSocket' | 'isBlockDevice' | 'isCharacterDevice'
  >
): EntryType {
  if (entry.isSymbolicLink()) return 'symbolic link'
  if (entry.isFile()) return 'file'
  if (entry.isDirectory()) return 'folder'
  if (entry.isFIFO()) return 'FIFO'
  if (entry.isSocket()) return 'socket'
  if (entry.isBlockDevice()) return 'block device'
  if (entry.isCharacterDevice()) return 'character device'
  return 'unknown entry'
}

/**
 * List a folder the way lstat sees it: a symbolic link is an entry of its
 * own and never followed, so nothing outside the folder is listed.
 * Iterative, so that a deep tree cannot exhaust the stack; synchronous, as the output of a thousand
 * reports is a thousand folders, which each waited its turn on the thread pool (about 100 ms, for
 * a check a build makes three times).
 */
export function listTree(root: string): Tree {
  const entries: TreeEntry[] = []
  const unreadable: Tree['unreadable'] = []
  const pending = ['']
  while (pending.length > 0) {
    const relative = pending.pop() as string
    let children: Dirent[]
    try {
      children = readdirSync(path.join(root, relative), { withFileTypes: true })
    } catch (error) {
      unreadable.push({ path: relative, error })
      continue
    }
    if (children.length === 0 && relative !== '') entries.push({ path: `${relative}/`, type: 'folder' })
    for (const child of children) {
      const childPath = relative === '' ? child.name : `${relative}/${child.name}`
      const type = entryType(child)
      if (type === 'folder') pending.push(childPath)
      else entries.push({ path: childPath, type })
    }
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return { entries, unreadable }
}
