import { loadRegistry, type LoadedRegistry } from '../load/registry.js'
import type { SourceText } from '../model/compiled.js'

// A worker compiles many reports against one registry, and a process that builds again and again
// (watch) uses one across builds: it is read once per environment, which holds the registry's
// digest (each task brings its own copy of the text). A build that compiles in its own thread
// shares this with the rules across reports. A module of its own, so that the thread that runs
// those rules does not load the compiler with it.
let lastRegistry: { environment: string; loaded: LoadedRegistry } | undefined

/** The registry of an environment, read once while the environment stays the same. */
export function registryOf(source: SourceText, environment: string): LoadedRegistry {
  if (lastRegistry?.environment !== environment)
    lastRegistry = { environment, loaded: loadRegistry(source.path, source.text) }
  return lastRegistry.loaded
}
