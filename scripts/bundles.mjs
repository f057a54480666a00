#!/usr/bin/env node
// Writes two modules of lib/bundle/, each an entry of lib/ and every module it imports, its
// dependencies' included, as one module. A new process or thread then reads, compiles and links
// one file instead of some 300:
//   check.js, the check command (lib/cli/commands/check.js), which took a third of the time of
//   `factmark check` of one report; src/cli/main.ts runs it when it is there;
//   report-worker.js, the entry of the threads that compile reports (lib/build/report-worker.js),
//   which loads in about 160 ms instead of 440; src/build/unit-pool.ts starts threads on it.
// Each falls back to the modules of lib/ when its bundle is not there. The modules that find files
// by their own place (import.meta.url) are not in them: they import them from lib/.
// Run by `npm run compile` (and `prepare`) after tsc with --force, and before the tests, where it
// leaves a bundle as it is when it is newer than every file of lib/. lib/ is not committed.
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { rolldown } from 'rolldown'

const lib = fileURLToPath(new URL('../lib/', import.meta.url))
const bundles = [
  { entry: path.join(lib, 'cli', 'commands', 'check.js'), target: path.join(lib, 'bundle', 'check.js') },
  { entry: path.join(lib, 'build', 'report-worker.js'), target: path.join(lib, 'bundle', 'report-worker.js') }
]
const targets = new Set(bundles.map((bundle) => bundle.target))

function newestModule(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestModule(full))
    else if (!targets.has(full) && /\.c?js$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs)
  }
  return newest
}

const findsFilesByItsPlace = (file) => readFileSync(file, 'utf8').includes('import.meta')

// gray-matter requires js-yaml (and js-yaml esprima) for its default YAML engine, which factmark replaces
// with its own (src/load/front-matter.ts) and never calls: in the bundle, a stand-in that says so if it
// ever is, rather than 300 kB of code to compile at every start.
const jsYamlStandIn = '\0js-yaml-not-used'
const grayMatterWithoutJsYaml = {
  name: 'gray-matter-without-js-yaml',
  resolveId: (source, importer) =>
    source === 'js-yaml' && /[\\/]gray-matter[\\/]/.test(importer ?? '') ? jsYamlStandIn : null,
  load: (id) =>
    id === jsYamlStandIn
      ? `const notUsed = () => { throw new Error('factmark reads front matter with its own YAML engine, not js-yaml') }
module.exports = { safeLoad: notUsed, safeDump: notUsed }`
      : null
}

/** The relative URL of a module of lib/ from a bundle. */
function specifierFromBundle(target, file) {
  const relative = path.relative(path.dirname(target), file).split(path.sep).join('/')
  return relative.startsWith('../') ? relative : `./${relative}`
}

const modified = (file) => {
  try {
    return statSync(file).mtimeMs
  } catch {
    return -1
  }
}

async function writeBundle({ entry, target }) {
  const bundle = await rolldown({
    input: entry,
    platform: 'node',
    // A module of lib/ that finds files by its own place (import.meta.url: the schemas, the version,
    // and ucum.js, which requires ucum-lhc when a unit is first asked about) stays a module of its
    // own, imported from the bundle where it is.
    external: (id, importer, isResolved) => isResolved && id.startsWith(lib) && findsFilesByItsPlace(id),
    makeAbsoluteExternalsRelative: false,
    // gray-matter's engine for JavaScript front matter calls eval; factmark gives it only YAML.
    onLog: (level, log, report) => (log.code === 'EVAL' ? undefined : report(level, log)),
    plugins: [grayMatterWithoutJsYaml]
  })
  const { output } = await bundle.generate({
    format: 'esm',
    codeSplitting: false,
    // Without the comments and the white space of the sources, a third of the size and less to compile
    // at every start; names are kept, so that stacks (FACTMARK_DEBUG) still say which function failed.
    minify: { compress: false, mangle: false },
    // Those modules are imported by their path from the bundle.
    paths: (id) => (id.startsWith(lib) ? specifierFromBundle(target, id) : id)
  })
  await bundle.close()
  if (output.length !== 1 || output[0].type !== 'chunk')
    throw new Error(`bundles: expected one module for ${path.relative(lib, target)}`)
  mkdirSync(path.dirname(target), { recursive: true })
  // Written whole and then renamed: tests that run lib/ in parallel never import half a file.
  const temporary = `${target}.${process.pid}.tmp`
  writeFileSync(temporary, output[0].code)
  renameSync(temporary, target)
}

const newest = newestModule(lib)
for (const bundle of bundles)
  if (process.argv.includes('--force') || modified(bundle.target) < newest) await writeBundle(bundle)
