import { readFileSync } from 'node:fs'
import { lstat, realpath } from 'node:fs/promises'
import path from 'node:path'
import { listTree } from '../model/file-tree.js'
import { manifestName } from '../model/site.js'
import { isInside } from '../model/paths.js'
import { displayPath } from '../load/sources.js'
import { isNodeError } from '../model/node-error.js'
import { err, ok, type Result } from '../model/result.js'

/** Why factmark will not replace a folder. */
export interface OutputRefusal {
  message: string
}

/** Whether a folder may be replaced, and whether it exists; or why not. */
export type OutputCheck = Result<{ exists: boolean }, OutputRefusal>

export interface OutputPlaces {
  /** The output folder, absolute. */
  out: string
  /** The source folder, absolute, when there is one. */
  src?: string
  /** The working directory, absolute. */
  cwd: string
  /** The output folder as the user named it, for messages; by default relative to `cwd`. */
  shown?: string
}

const foreignShown = 3

/**
 * Decide whether `out` may be replaced by a new tree: only when it is
 * missing, empty, or a tree factmark wrote (its manifest names factmark and
 * lists every file in it). Anything else is refused with a message, before
 * anything is touched: the folder of the sources, the working directory or
 * one of its ancestors, a file, a link, or a folder holding files of
 * someone else.
 */
export async function checkOutputFolder(
  places: OutputPlaces,
  known?: KnownManifest,
  ours?: WrittenFile
): Promise<OutputCheck> {
  const shown = places.shown?.replace(/(.)\/+$/, '$1') ?? (displayPath(places.out, places.cwd) || '.')
  const refuse = (why: string) => err({ message: `Refusing to write ${shown}: ${why}; nothing was changed` })

  const clash = await placeClash(places)
  if (clash !== undefined) return refuse(clash)
  const stats = await lstat(places.out).catch((error: unknown) => {
    if (isNodeError(error, 'ENOENT')) return undefined
    throw error
  })
  if (!stats) return ok({ exists: false })
  if (stats.isSymbolicLink()) return refuse('it is a symbolic link, and factmark replaces only folders it wrote')
  if (!stats.isDirectory()) return refuse('it is a file, not a folder factmark wrote')
  const foreign = await foreignContent(places.out, shown, known, ours)
  return foreign === undefined ? ok({ exists: true }) : refuse(foreign)
}

/**
 * Why `out` must not be replaced because of where it lies, or undefined when it lies apart from
 * the sources and the working directory.
 */
async function placeClash(places: OutputPlaces): Promise<string | undefined> {
  const out = await realPlace(places.out)
  const cwd = await realPlace(places.cwd)
  if (out === cwd) return 'it is the working directory'
  if (isInside(cwd, out)) return 'it holds the working directory'
  if (places.src === undefined) return undefined
  const src = await realPlace(places.src)
  if (out === src) return 'it is the source folder'
  if (isInside(src, out)) return 'it holds the source folder'
  if (isInside(out, src)) return 'it lies inside the source folder'
  return undefined
}

/**
 * The paths the manifest of an output folder lists, when the caller knows them without reading
 * it (the record of the build that wrote it, say, while the manifest stands as written); undefined
 * when it does not, and the manifest is read.
 */
export type KnownManifest = () => ReadonlySet<string> | undefined

/**
 * Whether a file of the output folder is one the last build wrote, standing as it wrote it: factmark's,
 * whatever its manifest, which may have been edited by hand, lists now.
 */
export type WrittenFile = (file: string) => boolean

/** Why the folder `out` holds what factmark did not write, or undefined when it is empty or all factmark's. */
async function foreignContent(
  out: string,
  shown: string,
  known?: KnownManifest,
  ours: WrittenFile = () => false
): Promise<string | undefined> {
  const tree = listTree(out)
  if (tree.unreadable.length > 0)
    return `${shown}/${tree.unreadable[0]?.path} cannot be read, so factmark cannot tell whether it wrote what is inside`
  const present = tree.entries.map((entry) => entry.path)
  if (present.length === 0) return undefined
  // A megabyte of JSON at a thousand reports, which the caller may know already.
  const listed = known?.() ?? (await readManifestPaths(out))
  if (listed === 'foreign')
    return `it is a folder factmark did not write (its ${manifestName} is not a factmark manifest); choose an empty or new folder`
  if (!listed)
    return `it is a folder factmark did not write (it has no factmark ${manifestName}); choose an empty or new folder`
  const foreign = present.filter((file) => file !== manifestName && !listed.has(file) && !ours(file))
  if (foreign.length === 0) return undefined
  const names = foreign
    .slice(0, foreignShown)
    .map((file) => `${shown}/${file}`)
    .join(', ')
  const more = foreign.length > foreignShown ? ` and ${foreign.length - foreignShown} more` : ''
  return `it holds files factmark did not write, which its ${manifestName} does not list (${names}${more}); move them elsewhere or choose another folder`
}

/** The real path of a place that may not exist yet: its closest existing ancestor resolved, the rest appended. */
async function realPlace(place: string): Promise<string> {
  const absolute = path.resolve(place)
  const missing: string[] = []
  let current = absolute
  for (;;) {
    try {
      return path.join(await realpath(current), ...missing.reverse())
    } catch {
      const parent = path.dirname(current)
      if (parent === current) return absolute
      missing.push(path.basename(current))
      current = parent
    }
  }
}

/**
 * The paths a factmark manifest lists; undefined when the folder has no manifest, `foreign` when it
 * has one that is not factmark's.
 */
export async function readManifestPaths(root: string): Promise<Set<string> | 'foreign' | undefined> {
  const file = path.join(root, manifestName)
  const stats = await lstat(file).catch(() => undefined)
  if (!stats) return undefined
  if (!stats.isFile()) return 'foreign'
  let manifest: unknown
  try {
    // In one piece: a megabyte at a thousand reports, which read as a stream took twice as long.
    manifest = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return 'foreign'
  }
  return isFactmarkManifest(manifest) ? new Set(manifest.files.map((entry) => entry.path)) : 'foreign'
}

function isFactmarkManifest(value: unknown): value is { files: Array<{ path: string }> } {
  if (typeof value !== 'object' || value === null) return false
  const { generator, files } = value as { generator?: { name?: unknown }; files?: unknown }
  return (
    generator?.name === 'factmark' &&
    Array.isArray(files) &&
    files.every(
      (file: unknown) =>
        typeof file === 'object' && file !== null && typeof (file as { path?: unknown }).path === 'string'
    )
  )
}
