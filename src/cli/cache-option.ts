import { realpathSync, statSync } from 'node:fs'
import path from 'node:path'
import { cacheFolderVariable, defaultCacheFolder, userCacheFolder } from '../cache/cache-folder.js'
import { unusableFolder } from '../cache/usable-folder.js'
import { displayPath } from '../load/sources.js'
import { isInside } from '../model/paths.js'
import { err, ok, type Result } from '../model/result.js'
import type { CommandLine } from './command-line.js'

type CacheValues = Pick<CommandLine['values'], 'cache-dir' | 'src' | 'out'>

/**
 * The cache folder of a command (see defaultCacheFolder), or why the one named cannot be: in the
 * output folder, which every build replaces, or in the source folder, where a watch would take
 * each write to the cache for a save; holding either, as the project's own folder would, where
 * the cache's folders would stand among the project's; or a file.
 */
export function cacheFolderOf(values: CacheValues, cwd: string): Result<string, string> {
  const named = values['cache-dir']
  if (named === '') return err('factmark: --cache-dir needs a folder\n')
  const folder = defaultCacheFolder(cwd, named)
  const by = named ? '--cache-dir' : cacheFolderVariable() ? 'FACTMARK_CACHE_DIR' : undefined
  // A folder factmark chose is in neither.
  if (by === undefined) return usableChosen(folder, cwd)
  const refused = (why: string) => err(`factmark: the cache folder ${by} names ${why}; name a folder of its own\n`)
  const places = [
    { name: values.out, why: 'each build replaces it' },
    { name: values.src, why: 'the reports are read from it' }
  ]
  // Compared where they really are: a folder named through a link to the source folder is in it.
  const real = realPlace(folder)
  for (const { name, why } of places) {
    const place = realPlace(path.resolve(cwd, name))
    const shown = `${name.replace(/\/+$/, '')}/`
    if (real === place) return refused(`is ${shown}, and ${why}`)
    if (isInside(real, place)) return refused(`is in ${shown}, and ${why}`)
    if (isInside(place, real)) return refused(`holds ${shown}`)
  }
  if (isFile(folder)) return refused('is a file')
  return usable(folder, cwd)
}

/**
 * Where a folder really is, links followed: the real path of the nearest folder above it that is
 * there, and the rest of its path as given (a folder not made yet is where its parent really is).
 */
function realPlace(place: string): string {
  const below: string[] = []
  for (let at = place; ; at = path.dirname(at)) {
    try {
      return path.join(realpathSync.native(at), ...below.reverse())
    } catch {
      if (path.dirname(at) === at) return place
      below.push(path.basename(at))
    }
  }
}

function isFile(folder: string): boolean {
  try {
    return statSync(folder, { throwIfNoEntry: false })?.isDirectory() === false
  } catch {
    // Below a file (ENOTDIR), or not to be looked at: usable says why.
    return false
  }
}

/** The folder, or why no cache can be kept in it (see unusableFolder). */
function usable(folder: string, cwd: string): Result<string, string> {
  const why = unusableFolder(folder, shownFrom(cwd))
  return why === undefined ? ok(folder) : err(cannotKeep([{ folder, why }], cwd))
}

/**
 * The folder factmark chose, or else the user's cache folder when the project's node_modules
 * cannot hold one (installed read-only, as in a container's image, or owned by another user), as
 * the tools that keep their caches in node_modules/.cache do; or why neither can.
 */
function usableChosen(folder: string, cwd: string): Result<string, string> {
  const shown = shownFrom(cwd)
  const why = unusableFolder(folder, shown)
  if (why === undefined) return ok(folder)
  const user = userCacheFolder()
  if (user === folder) return err(cannotKeep([{ folder, why }], cwd))
  const userWhy = unusableFolder(user, shown)
  return userWhy === undefined
    ? ok(user)
    : err(
        cannotKeep(
          [
            { folder, why },
            { folder: user, why: userWhy }
          ],
          cwd
        )
      )
}

/**
 * A folder as the messages name it: from `cwd` when it is there or below, else in full, as a cache
 * folder elsewhere (the user's, or one CI names) reads better than the climb to it.
 */
const shownFrom = (cwd: string) => (file: string) => {
  const absolute = path.resolve(cwd, file)
  return absolute === cwd || isInside(absolute, cwd) ? displayPath(absolute, cwd) : absolute
}

function cannotKeep(tried: ReadonlyArray<{ folder: string; why: string }>, cwd: string): string {
  const shown = shownFrom(cwd)
  const places = tried.map(({ folder, why }) => `${shown(folder)}/: ${why}`).join(', nor in ')
  return `factmark: Cannot keep the cache in ${places}; name a folder factmark may write with --cache-dir or FACTMARK_CACHE_DIR\n`
}
