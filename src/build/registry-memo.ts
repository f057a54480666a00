import path from 'node:path'
import { keepJson, readKept } from '../cache/cache-folder.js'
import { keptRegistry, registryFromKept, type KeptRegistry } from '../cache/checked-registry.js'
import { loadRegistry, type LoadedRegistry } from '../load/registry.js'
import type { Registry, SourceText } from '../model/compiled.js'

// A worker compiles many reports against one registry, and a process that builds again and again
// (watch) uses one across builds: it is read once per environment, which holds the registry's
// digest (each task brings its own copy of the text). A build that compiles in its own thread
// shares this with the rules across reports. A module of its own, so that the thread that runs
// those rules does not load the compiler with it.
let lastRegistry: { environment: string; loaded: LoadedRegistry } | undefined
let lastKept: { environment: string; registry: Registry } | undefined

/** The registry of an environment, read once while the environment stays the same. */
export function registryOf(source: SourceText, environment: string): LoadedRegistry {
  if (lastRegistry?.environment !== environment)
    lastRegistry = { environment, loaded: loadRegistry(source.path, source.text) }
  return lastRegistry.loaded
}

/**
 * The registry of an environment as reports are compiled against it, without where each key
 * stands in its file (which only messages about the registry need). Reading its YAML and checking
 * it took about 0.2 s on each thread of a build, and on the thread that compiles one report saved:
 * it is kept in the cache folder, by the environment, which holds the registry's digest, and read
 * from there when `reuse` allows. Undefined when the registry is not valid.
 */
export function compiledRegistry(
  source: SourceText,
  environment: string,
  cache?: { folder: string; reuse: boolean }
): Registry | undefined {
  if (lastKept?.environment === environment) return lastKept.registry
  const file = cache && path.join(cache.folder, 'registry', `${environment}.json`)
  const kept = file && cache.reuse ? (readKept(file) as KeptRegistry | undefined) : undefined
  let registry = kept && registryFromKept(kept)
  if (!registry) {
    registry = registryOf(source, environment).registry
    if (!registry) return undefined
    if (file) keepJson(file, keptRegistry(registry))
  }
  lastKept = { environment, registry }
  return registry
}
