import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { version } from '../version.js'
import { keepJson, readKept } from './cache-folder.js'

const packageRoot = fileURLToPath(new URL('../../', import.meta.url))
let memo: string | undefined

/**
 * A digest of factmark itself: its version, its code, templates and schemas, by their bytes. The
 * digest of each file of code (4 MB with its bundles: reading them took 45 ms of every build and
 * check) is kept in `cacheFolder` by the file's identity, size and time of change, and read again
 * only when those change: a compile that rewrites the same bytes (`npm run build` compiles first)
 * leaves the digest as it was. Without a cache folder every file is read.
 */
export function factmarkDigest(cacheFolder?: string): string {
  // The folder this module runs from: lib/ when installed, src/ when run from the sources.
  const code = fileURLToPath(new URL('..', import.meta.url))
  memo ??= createHash('sha256')
    .update(codeDigest(code, cacheFolder && path.join(cacheFolder, 'factmark-code.json')))
    .update(folderDigest(version, [path.join(packageRoot, 'templates'), path.join(packageRoot, 'schema')]))
    .digest('hex')
  return memo
}

/**
 * A digest of every file of code under a folder, by its name and bytes; each file's digest is
 * kept in `kept` (a JSON file) under its inode, size and modification time, and taken from there
 * while they stay the same.
 */
export function codeDigest(folder: string, kept?: string): string {
  const known = ((kept && readKept(kept)) ?? {}) as Record<string, [string, string] | undefined>
  const now: Record<string, [string, string]> = {}
  let changed = false
  const hash = createHash('sha256')
  // Declarations change nothing a build does.
  for (const file of filesUnder(folder).filter((name) => !name.endsWith('.d.ts'))) {
    const full = path.join(folder, file)
    const stats = statSync(full, { bigint: true })
    const identity = `${stats.ino}:${stats.size}:${stats.mtimeNs}`
    const before = known[file]
    let digest = before?.[0] === identity ? before[1] : undefined
    if (digest === undefined) {
      digest = createHash('sha256').update(readFileSync(full)).digest('hex')
      changed = true
    }
    now[file] = [identity, digest]
    hash.update(`${file}\0${digest}\0`)
  }
  if (kept && (changed || Object.keys(known).length !== Object.keys(now).length)) {
    try {
      keepJson(kept, now)
    } catch {
      // A cache that cannot be written is read in full next time.
    }
  }
  return hash.digest('hex')
}

/** A digest of a version and of every file (its name and bytes) under some folders. */
export function folderDigest(version: string, folders: readonly string[]): string {
  const hash = createHash('sha256').update(version)
  for (const folder of folders)
    for (const file of filesUnder(folder)) hash.update(`${file}\0`).update(readFileSync(path.join(folder, file)))
  return hash.digest('hex')
}

function filesUnder(folder: string): string[] {
  const root = path.resolve(folder)
  try {
    // Each entry's path below the folder by slicing, not path.relative, which took half the time of a check's digest.
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.endsWith('.map'))
      .map((entry) => `${entry.parentPath}${path.sep}${entry.name}`.slice(root.length + 1))
      .sort()
  } catch {
    return []
  }
}
