import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { loadBundle, type LoadedBundle } from '../cache/code-cache.js'
import type { UnitTask } from './unit-task.js'

/** The module that compiles and renders reports. */
export type Compiler = typeof import('./report-worker.js')

/** The compiler's bundle, once loaded in this thread. */
let bundled: LoadedBundle<Compiler> | undefined

/**
 * The compiler, in this thread: its bundle (scripts/bundles.mjs) when `npm run compile` wrote
 * one, run with V8's code cache kept in the task's cache folder (see loadBundle), so that a thread or a
 * build that compiles a report or two compiles little of the compiler's own code; else the
 * module. From the TypeScript sources (as under the test runner) the package's bundle is used
 * when it is there.
 */
export async function reportCompiler(task: Pick<UnitTask, 'cacheFolder' | 'reuse'>): Promise<Compiler> {
  // --no-cache leaves the kept code alone too.
  const cacheFolder = task.reuse === false ? undefined : task.cacheFolder
  if (bundled) return bundled.exports
  const bundle = ['../bundle/report-worker.cjs', '../../lib/bundle/report-worker.cjs']
    .map((place) => fileURLToPath(new URL(place, import.meta.url)))
    .find((file) => existsSync(file))
  if (bundle === undefined) return import('./report-worker.js')
  bundled = loadBundle<Compiler>(bundle, cacheFolder)
  return bundled.exports
}

/** Keep the code V8 compiled of the compiler so far, for the next process (see LoadedBundle.keep). */
export function keepCompilerCode(): void {
  bundled?.keep()
}
