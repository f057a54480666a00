import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { Module, createRequire } from 'node:module'
import path from 'node:path'
import { Script } from 'node:vm'
import { writeWholeSync } from './cache-folder.js'

/** A bundle run, and what keeps V8's code of it for the next process. */
export interface LoadedBundle<T> {
  exports: T
  /** Whether V8 took the code of the bundle's entry from the cache. */
  fromCache: boolean
  /**
   * Keep the code V8 compiled for the entry and the modules of the bundle it required, each when
   * the cache did not hold it already; once. Called when the work is done: the code of every
   * function that ran is in it, not only the top of each module.
   */
  keep(): void
}

/** A module of a bundle as run, with what V8 was given of it. */
interface RunModule {
  module: { exports: unknown }
  script: Script
  /** Where its code is kept, when there is a cache. */
  cached: string | undefined
  /** Whether its code is kept as it stands (taken from the cache, or written since). */
  kept: boolean
}

/**
 * Run a CommonJS bundle (scripts/bundles.mjs) with V8's code cache, kept in `cacheFolder`: a
 * new process then neither parses nor compiles the functions an earlier one ran. Node 20 offers no
 * such cache for ES modules, hence CommonJS. The modules of the bundle that its entry requires
 * from its own folder (`./name.cjs`, the parts it loads when it needs them) are run the same way,
 * each once. Without a cache folder (--no-cache), the bundle is compiled as node would.
 */
export function loadBundle<T>(file: string, cacheFolder: string | undefined): LoadedBundle<T> {
  const folder = path.dirname(file)
  const run = new Map<string, RunModule>()
  const load = (module: string): RunModule => {
    const loaded = run.get(module)
    if (loaded) return loaded
    const source = readFileSync(module, 'utf8')
    const cached = cacheFolder === undefined ? undefined : cacheFile(cacheFolder, module, source)
    const cachedData = cached === undefined ? undefined : readCache(cached)
    const script = new Script(Module.wrap(source), { filename: module, ...(cachedData && { cachedData }) })
    const ran: RunModule = { module: { exports: {} }, script, cached, kept: false }
    ran.kept = cachedData !== undefined && !script.cachedDataRejected
    // Before it runs: modules that require each other get what the other exports so far, as in node.
    run.set(module, ran)
    const wrapper = script.runInThisContext() as (...args: unknown[]) => void
    wrapper.call(ran.module.exports, ran.module.exports, requireIn(module), ran.module, module, path.dirname(module))
    return ran
  }
  const requireIn = (module: string): NodeJS.Require => {
    const nodes = createRequire(module)
    const own = (id: string): unknown => {
      const required = id.startsWith('./') && id.endsWith('.cjs') ? path.join(path.dirname(module), id) : undefined
      return required !== undefined && path.dirname(required) === folder ? load(required).module.exports : nodes(id)
    }
    // Whatever else bundled code asks of require, node's answers: resolve, say (tinypool's place, see scripts/bundles.mjs).
    return Object.setPrototypeOf(own, nodes) as NodeJS.Require
  }
  const entry = load(file)
  return {
    exports: entry.module.exports as T,
    fromCache: entry.kept,
    keep: () => {
      for (const ran of run.values()) keepCode(ran)
    }
  }
}

function keepCode(ran: RunModule): void {
  if (ran.cached === undefined || ran.kept) return
  ran.kept = true
  try {
    replaceCache(ran.cached, ran.script.createCachedData())
  } catch {
    // A cache that cannot be written costs the next process the compile, nothing more.
  }
}

/**
 * V8 takes a cache for a script of the same length, flags and version as the one it was made for,
 * so the file of a module's cache is named for the digest of its text and node's version, after its
 * name and its place.
 */
function cacheFile(cacheFolder: string, module: string, source: string): string {
  const digest = createHash('sha256').update(process.version).update('\0').update(source).digest('hex').slice(0, 16)
  return path.join(cacheFolder, 'code', `${placeName(module)}${digest}.v8`)
}

/** What the names of the caches of a module's versions begin with. */
function placeName(module: string): string {
  return `${path.basename(module)}-${createHash('sha256').update(module).digest('hex').slice(0, 8)}-`
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file)
  } catch {
    return undefined
  }
}

/** Write the cache of a module, and remove those of its earlier versions. */
function replaceCache(file: string, data: Buffer): void {
  const folder = path.dirname(file)
  mkdirSync(folder, { recursive: true })
  writeWholeSync(file, data)
  const prefix = path.basename(file).replace(/[0-9a-f]+\.v8$/, '')
  for (const name of readdirSync(folder))
    if (name.startsWith(prefix) && name.endsWith('.v8') && name !== path.basename(file))
      rmSync(path.join(folder, name), { force: true })
}
