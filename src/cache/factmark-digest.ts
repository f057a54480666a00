import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { version } from '../version.js'

const packageRoot = fileURLToPath(new URL('../../', import.meta.url))
let codeDigest: string | undefined

/**
 * A digest of factmark itself: its version, its code, templates and schemas. The code (4 MB with
 * its bundles) counts by each file's identity and size and time of change, which any rewrite of it
 * changes, rather than by its bytes: reading them took 45 ms of every build and check. Templates
 * and schemas, small, count by their bytes.
 */
export function factmarkDigest(): string {
  // The folder this module runs from: lib/ when installed, src/ when run from the sources.
  const code = fileURLToPath(new URL('..', import.meta.url))
  codeDigest ??= createHash('sha256')
    .update(folderStatsDigest(code))
    .update(folderDigest(version, [path.join(packageRoot, 'templates'), path.join(packageRoot, 'schema')]))
    .digest('hex')
  return codeDigest
}

/** A digest of every file of code under a folder by its name, inode, size and modification time. */
function folderStatsDigest(folder: string): string {
  const hash = createHash('sha256')
  // Declarations change nothing a build does.
  for (const file of filesUnder(folder).filter((name) => !name.endsWith('.d.ts'))) {
    const stats = statSync(path.join(folder, file), { bigint: true })
    hash.update(`${file}\0${stats.ino}:${stats.size}:${stats.mtimeNs}\0`)
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
