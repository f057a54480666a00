#!/usr/bin/env node
// Writes the bundles of lib/bundle/: an entry of lib/ and every module it imports, its
// dependencies' included, as few modules. A new process or thread then reads, compiles and links
// a few files instead of some 300:
//   check/check.cjs, the check command (lib/cli/commands/check.js), which took a third of the
//   time of `factmark check` of one report, with a module of its own for the compiler, which a
//   check of sources checked before does not load; src/cli/main.ts runs it when it is there,
//   with V8's code cache (src/cache/code-cache.ts), which node 20 offers for CommonJS only;
//   report-worker.cjs, the entry of the threads that compile reports (lib/build/report-worker.js),
//   which loads in about 160 ms instead of 440; src/build/unit-pool.ts starts threads on it, and
//   runs it with V8's code cache when it compiles reports in its own thread;
//   build/build.cjs, the build command (lib/cli/commands/build.js), with a module of its own for
//   each part it imports only when it needs it (the compiler, the site's own files, the table of
//   every fact), so that a build with nothing to do loads none of them; src/cli/main.ts runs it.
// Each falls back to the modules of lib/ when its bundle is not there. The modules that find files
// by their own place (import.meta.url) are not in the ES module bundles: they import them from
// lib/. A CommonJS bundle holds them, each told the place of its module in lib/.
// Run by `npm run compile` (and `prepare`) after tsc with --force, and before the tests, where it
// leaves a bundle as it is when it is newer than every file of lib/. lib/ is not committed.
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { rolldown } from 'rolldown'

const lib = fileURLToPath(new URL('../lib/', import.meta.url))
const bundleFolder = path.join(lib, 'bundle')
const bundles = [
  {
    entry: path.join(lib, 'cli', 'commands', 'check.js'),
    target: path.join(bundleFolder, 'check', 'check.cjs'),
    split: true,
    format: 'cjs'
  },
  {
    entry: path.join(lib, 'build', 'report-worker.js'),
    target: path.join(bundleFolder, 'report-worker.cjs'),
    format: 'cjs'
  },
  {
    entry: path.join(lib, 'cli', 'commands', 'build.js'),
    target: path.join(bundleFolder, 'build', 'build.cjs'),
    split: true,
    format: 'cjs'
  }
]

function newestModule(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) newest = full === bundleFolder ? newest : Math.max(newest, newestModule(full))
    else if (/\.c?js$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs)
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

/**
 * In a CommonJS bundle, a module that finds files by its own place (import.meta.url) is given that
 * place: a module of lib/, the file of the module beside the bundle, where the ES module bundles
 * import it from; a module of a package (tinypool, which starts its threads on a file of its own),
 * its file in the package as node resolves the package from the bundle where it is installed.
 */
const ownPlaces = (target) => ({
  name: 'own-places',
  transform: (code, id) => {
    if (!code.includes('import.meta.url')) return null
    const place = id.startsWith(lib) ? placeInLib(target, id) : placeInPackage(id)
    return `import { pathToFileURL as ownPlaceUrl } from 'node:url'
import { dirname as ownPlaceDirname, join as ownPlaceJoin } from 'node:path'
import { createRequire as ownPlaceRequire } from 'node:module'
${code.replaceAll('import.meta.url', `ownPlaceUrl(${place}).href`)}`
  }
})

const placeInLib = (target, id) => `ownPlaceJoin(__dirname, ${JSON.stringify(specifierFromBundle(target, id))})`

function placeInPackage(id) {
  let root = path.dirname(id)
  let name = readPackageName(root)
  while (!name) {
    if (path.dirname(root) === root) throw new Error(`bundles: no package holds ${id}`)
    root = path.dirname(root)
    name = readPackageName(root)
  }
  const main = createRequire(lib).resolve(name)
  const within = path.relative(path.dirname(main), id).split(path.sep).join('/')
  return `ownPlaceJoin(ownPlaceDirname(ownPlaceRequire(__filename).resolve(${JSON.stringify(name)})), ${JSON.stringify(within)})`
}

function readPackageName(folder) {
  try {
    return JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')).name
  } catch {
    return undefined
  }
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

async function writeBundle({ entry, target, split = false, format = 'esm' }) {
  const bundle = await rolldown({
    input: { [path.basename(target, path.extname(target))]: entry },
    platform: 'node',
    // In an ES module bundle, a module of lib/ that finds files by its own place (import.meta.url:
    // the schemas, the version, and ucum.js, which requires ucum-lhc when a unit is first asked
    // about) stays a module of its own, imported from the bundle where it is.
    external: (id, importer, isResolved) =>
      format === 'esm' && isResolved && id.startsWith(lib) && findsFilesByItsPlace(id),
    makeAbsoluteExternalsRelative: false,
    // gray-matter's engine for JavaScript front matter calls eval; factmark gives it only YAML.
    onLog: (level, log, report) => (log.code === 'EVAL' ? undefined : report(level, log)),
    plugins: [grayMatterWithoutJsYaml, ...(format === 'cjs' ? [ownPlaces(target)] : [])]
  })
  const { output } = await bundle.generate({
    format,
    // One module, or (split) the entry and a module for each part it imports when it needs it,
    // named for what it holds so that the same sources give the same files.
    codeSplitting: split,
    entryFileNames: format === 'cjs' ? '[name].cjs' : '[name].js',
    chunkFileNames: format === 'cjs' ? '[name].cjs' : '[name].js',
    // A CommonJS bundle's exports as the module's: `default` among them.
    ...(format === 'cjs' && { exports: 'named' }),
    // Without the comments and the white space of the sources, a third of the size and less to compile
    // at every start; names are kept, so that stacks (FACTMARK_DEBUG) still say which function failed.
    minify: { compress: false, mangle: false },
    // Those modules are imported by their path from the bundle.
    paths: (id) => (id.startsWith(lib) ? specifierFromBundle(target, id) : id)
  })
  await bundle.close()
  const chunks = output.filter((file) => file.type === 'chunk')
  // What rolldown makes of an import.meta.url left in a CommonJS bundle: the bundle's own place.
  const misplaced = chunks.find((chunk) => chunk.code.includes('pathToFileURL(__filename)'))
  if (misplaced) throw new Error(`bundles: ${misplaced.fileName} finds files by the bundle's place, not its module's`)
  if (chunks.length !== output.length || (!split && chunks.length !== 1))
    throw new Error(`bundles: expected ${split ? 'modules only' : 'one module'} for ${path.relative(lib, target)}`)
  const folder = path.dirname(target)
  mkdirSync(folder, { recursive: true })
  // Written whole and then renamed: tests that run lib/ in parallel never import half a file. The
  // entry last, so that its modules are there when it is.
  for (const chunk of [...chunks.filter((file) => !file.isEntry), ...chunks.filter((file) => file.isEntry)]) {
    const file = path.join(folder, split ? chunk.fileName : path.basename(target))
    const temporary = `${file}.${process.pid}.tmp`
    writeFileSync(temporary, chunk.code)
    renameSync(temporary, file)
  }
}

const newest = newestModule(lib)
for (const bundle of bundles)
  if (process.argv.includes('--force') || modified(bundle.target) < newest) await writeBundle(bundle)
