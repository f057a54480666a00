import { createHash } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { homedir } from 'node:os'
import path from 'node:path'
import { writePiecesSync } from './write-pieces.js'
import { namingFile } from '../model/node-error.js'

/**
 * Where the cache is kept: the folder named (by --cache-dir, or else by FACTMARK_CACHE_DIR), as
 * seen from `cwd`; else in the project's node_modules/.cache, the conventional place of its tools'
 * caches, when it has node_modules; else in the user's cache folder (XDG_CACHE_HOME, or
 * ~/.cache), so that a folder of reports is never given one it did not have. A folder of its own
 * serves CI, which restores a cache before `npm ci` empties node_modules.
 */
export function defaultCacheFolder(cwd: string, named?: string): string {
  const chosen = named || cacheFolderVariable()
  if (chosen) return path.resolve(cwd, chosen)
  const modules = path.join(cwd, 'node_modules')
  if (existsSync(modules)) return path.join(modules, '.cache', 'factmark')
  return userCacheFolder()
}

/** The folder FACTMARK_CACHE_DIR names; unset when it is empty or blank, as a folder named " " is a slip. */
export function cacheFolderVariable(): string | undefined {
  const named = process.env['FACTMARK_CACHE_DIR']
  return named?.trim() ? named : undefined
}

/** factmark's folder in the user's cache folder (XDG_CACHE_HOME, or ~/.cache). */
export function userCacheFolder(): string {
  return path.join(process.env['XDG_CACHE_HOME'] || path.join(homedir(), '.cache'), 'factmark')
}

/**
 * A JSON file of the cache, or undefined when there is none or it cannot be read, which is the
 * same to whoever asks: what is missing from a cache is made again.
 */
export function readKept(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown
  } catch {
    return undefined
  }
}

/** Keep a value in the cache as a JSON file, written whole (see writeWholeSync), its folder made if need be. */
export function keepJson(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true })
  writeWholeSync(file, JSON.stringify(value))
}

/**
 * Write a file beside its place and rename it there, so that readers see it whole or not at all.
 * A text given in pieces is written a megabyte at a time (see writePiecesSync).
 */
export function writeWholeSync(file: string, content: string | Uint8Array | Iterable<string>): void {
  const beside = besidePlace(file)
  try {
    if (typeof content === 'string' || content instanceof Uint8Array) writeFileSync(beside, content)
    else writePiecesSync(beside, content)
  } catch (error) {
    // A disk that filled up gets back what the part written took.
    rmSync(beside, { force: true })
    throw namingFile(error, file)
  }
  renameSync(beside, file)
}

/** Copy a file of the cache to another place in it, whole, as writeWholeSync writes. */
export function copyWholeSync(from: string, file: string): void {
  const beside = besidePlace(file)
  copyFileSync(from, beside)
  renameSync(beside, file)
}

// pruneCache knows a file left beside its place by a build killed meanwhile by this ending.
const besidePlace = (file: string) => `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`

/**
 * Mark files of the cache as used now: no build records what `check` keeps, so pruning keeps it
 * by when it was last used. A file that cannot be marked is made again once pruned.
 */
export function markUsed(files: readonly string[]): void {
  const now = new Date()
  try {
    for (const file of files) utimesSync(file, now, now)
  } catch {
    // Not marked.
  }
}

/** A digest of a source's bytes: what the build's and the check's keys hold of each report. */
export function contentDigest(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex')
}
