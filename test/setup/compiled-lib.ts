import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, rmdirSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'

// Some tests run factmark as its users do: bin/factmark.js, the package imported by its name, a build in a child
// process. Those load lib/, so before any test runs, lib/ is made the compilation of src/ as it is now; a lib/ left
// from an earlier src/ would have them pass or fail on code that no longer exists.

const root = fileURLToPath(new URL('../..', import.meta.url))
// A change to these changes what the compiler writes for every file.
const configs = ['tsconfig.json', 'tsconfig.build.json']
// Written into lib/ by `npm run compile` after tsc, from other sources than src/: not orphans.
const generated = ['bundle/report-worker.cjs']
const generatedFolders = ['model/schema-validators/', 'bundle/check/', 'bundle/build/']

export interface LibState {
  /** Outputs that are missing, or older than their source or the compiler's configuration. */
  stale: string[]
  /** Files of lib/ that no source compiles to: left from a module that was moved or deleted. */
  orphans: string[]
}

function filesUnder(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return []
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0
  )
  return entries.flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]
  )
}

const modified = (file: string) => statSync(file).mtimeMs

/** How lib/ under `projectRoot` differs from a compilation of its src/, judged by the files' times. */
export function libState(projectRoot: string): LibState {
  const src = path.join(projectRoot, 'src')
  const lib = path.join(projectRoot, 'lib')
  const configured = Math.max(
    ...configs
      .map((name) => path.join(projectRoot, name))
      .filter(existsSync)
      .map(modified)
  )
  const sources = filesUnder(src).filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
  const expected = new Set<string>()
  const stale: string[] = []
  for (const source of sources) {
    const since = Math.max(configured, modified(path.join(src, source)))
    for (const output of [source.replace(/\.ts$/, '.js'), source.replace(/\.ts$/, '.d.ts')]) {
      expected.add(output)
      const file = path.join(lib, output)
      if (!existsSync(file) || modified(file) < since) stale.push(output)
    }
  }
  return {
    stale,
    orphans: filesUnder(lib).filter(
      (file) =>
        !expected.has(file) && !generated.includes(file) && !generatedFolders.some((folder) => file.startsWith(folder))
    )
  }
}

/** Remove the orphans of lib/, and the folders they leave empty. */
function prune(lib: string, orphans: readonly string[]): void {
  for (const orphan of orphans) rmSync(path.join(lib, orphan), { force: true })
  const emptyFolders = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue
      const folder = path.join(dir, entry.name)
      emptyFolders(folder)
      if (readdirSync(folder).length === 0) rmdirSync(folder)
    }
  }
  if (orphans.length > 0) emptyFolders(lib)
}

export default function compiledLib(): void {
  const before = libState(root)
  if (before.stale.length > 0) {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
    const start = performance.now()
    const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' })
    const seconds = ((performance.now() - start) / 1000).toFixed(1)
    // tsc exits 2 when it reports type errors but wrote every file: the code is current, and npm
    // test's typecheck names the errors.
    if (run.status === 2)
      process.stderr.write(`lib/ compiled from src/ in ${seconds} s, with type errors (npm run typecheck lists them)\n`)
    else if (run.status === 0) process.stderr.write(`lib/ was older than src/: compiled in ${seconds} s\n`)
    else
      throw new Error(
        `Cannot compile src/ into lib/ for the tests (tsc ${run.status ?? run.signal}):\n${run.stdout}${run.stderr}`
      )
  }
  prune(path.join(root, 'lib'), libState(root).orphans)
  // The schemas' validators as code, and the bundles of the commands and of the threads' entry, as `npm run compile` writes
  // them; unless lib/ was just compiled, each script leaves its file as it is when it is current.
  const force = before.stale.length > 0 ? ['--force'] : []
  for (const script of ['scripts/schema-validators.mjs', 'scripts/bundles.mjs']) {
    const run = spawnSync(process.execPath, [script, ...force], { cwd: root, encoding: 'utf8' })
    if (run.status !== 0) throw new Error(`${script} failed before the tests:\n${run.stdout}${run.stderr}`)
  }
  const after = libState(root)
  if (after.stale.length > 0) {
    throw new Error(
      `lib/ is still older than src/ after compiling: ${after.stale.slice(0, 5).join(', ')}${after.stale.length > 5 ? ` and ${after.stale.length - 5} more` : ''}`
    )
  }
}
