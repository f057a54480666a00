import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { Module, createRequire } from 'node:module'
import path from 'node:path'
import { Script } from 'node:vm'
import { writeWholeSync } from './cache-folder.js'

/** A bundle run, and what keeps V8's code of it for the next process. */
export interface LoadedBundle<T> {
  exports: T
  /** Whether V8 took the code from the cache. */
  fromCache: boolean
  /**
   * Keep the code V8 compiled for the bundle so far, when the cache did not hold it already; once.
   * Called when the work is done: the code of every function that ran is in it, not only the top.
   */
  keep(): void
}

/**
 * Run a CommonJS bundle (scripts/bundles.mjs) with V8's code cache, kept in `cacheFolder`: a
 * new process then neither parses nor compiles the functions an earlier one ran. Node 20 offers no
 * such cache for ES modules, hence CommonJS. Without a cache folder (--no-cache), the bundle is
 * compiled as node would.
 *
 * V8 takes a cache for a script of the same length, flags and version as the one it was made for,
 * so the file of the cache is named for the digest of the bundle's text, and node's version.
 */
export function loadBundle<T>(file: string, cacheFolder: string | undefined): LoadedBundle<T> {
  const source = readFileSync(file, 'utf8')
  const cached = cacheFolder === undefined ? undefined : cacheFile(cacheFolder, file, source)
  const cachedData = cached === undefined ? undefined : readCache(cached)
  const script = new Script(Module.wrap(source), { filename: file, ...(cachedData && { cachedData }) })
  const module = { exports: {} as T }
  const run = script.runInThisContext() as (...args: unknown[]) => void
  run.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file))
  const taken = cachedData !== undefined && !script.cachedDataRejected
  let kept = taken
  return {
    exports: module.exports,
    fromCache: taken,
    keep: () => {
      if (cached === undefined || kept) return
      kept = true
      try {
        replaceCache(cached, script.createCachedData())
      } catch {
        // A cache that cannot be written costs the next process the compile, nothing more.
      }
    }
  }
}

function cacheFile(cacheFolder: string, file: string, source: string): string {
  const digest = createHash('sha256').update(process.version).update('\0').update(source).digest('hex').slice(0, 16)
  return path.join(cacheFolder, 'code', `${path.basename(file)}-${digest}.v8`)
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file)
  } catch {
    return undefined
  }
}

/** Write the cache of a bundle, and remove those of its earlier versions. */
function replaceCache(file: string, data: Buffer): void {
  const folder = path.dirname(file)
  mkdirSync(folder, { recursive: true })
  writeWholeSync(file, data)
  const prefix = `${path.basename(file).replace(/-[0-9a-f]+\.v8$/, '')}-`
  for (const name of readdirSync(folder))
    if (name.startsWith(prefix) && name.endsWith('.v8') && name !== path.basename(file))
      rmSync(path.join(folder, name), { force: true })
}
