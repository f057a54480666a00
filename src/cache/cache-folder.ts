import { existsSync, renameSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import path from 'node:path'

/**
 * Where the cache is kept: in the project's node_modules/.cache, the conventional place of its
 * tools' caches, when it has node_modules; else in the user's cache folder (XDG_CACHE_HOME, or
 * ~/.cache), so that a folder of reports is never given one it did not have.
 */
export function defaultCacheFolder(cwd: string): string {
  const modules = path.join(cwd, 'node_modules')
  if (existsSync(modules)) return path.join(modules, '.cache', 'factmark')
  return path.join(process.env['XDG_CACHE_HOME'] || path.join(homedir(), '.cache'), 'factmark')
}

/** Write a file beside its place and rename it there, so that readers see it whole or not at all. */
export function writeWholeSync(file: string, content: string): void {
  const beside = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  writeFileSync(beside, content)
  renameSync(beside, file)
}
