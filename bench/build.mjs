#!/usr/bin/env node
// What a build costs at scale, beside its peers in the same run. Makes a corpus
// of N copies of the annotated seed (bench/corpus.mjs) in a temporary folder,
// then runs one after another, each as a child process of this one:
//   the parse floor: remark-parse + remark-directive over all N files, one core;
//   the same parse shared among threads, one per core: how much faster this
//   machine's cores make the floor's own work (a build cannot do better);
//   the floor again kept to one core (taskset -c 0), its collector's threads too;
//   Eleventy 3 on the same files, HTML only (a peer that renders Markdown);
//   `factmark build` cold, again with nothing changed, again after one
//   sentence is added to one file, and again after another is added to it (an
//   editor's next save: the first build after a cold one makes the tree it
//   stages into, the next stages into the tree the last one replaced); again
//   after a sentence is put in the middle of the same file, and another, which
//   moves the figures after it (the end of a file moves none); again after a
//   figure of that file is corrected, and another (a new value); last,
//   as a CI that keeps the cache between runs builds: the same sources
//   checked out again in the same place, no output folder, the cache as left;
//   and the same at another path, the project and its cache moved together.
// For each it prints wall time, CPU time (user + system, all threads) and peak
// resident memory, which each child reports itself when it exits
// (bench/usage.mjs, preloaded with --import), and the cores it kept busy (CPU
// over wall: a process of one JavaScript thread keeps more than one, as V8
// collects and compiles on threads of its own); then the cold build's ratios to
// the parse floor and to Eleventy, the least wall its CPU allows on this
// machine's cores, the least its CPU other than parsing allows, and its steps
// as `--timings` gives them. Run: npm run bench [-- --reports N]
// (N = 100 unless told; 1000 takes minutes) [-- --kind collection] (the
// bureau's reports over the years in turn, whose pages draw the levels the
// others publish, in place of copies of the seed) [-- --kind districts]
// (copies of the seed each about a district of its own, whose series have a
// line for each). The timings of source/ alone are printed by npm run
// bench:compile.
import { spawnSync } from 'node:child_process'
import {
  appendFileSync,
  closeSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { corpusKinds, correctedFigure, insertedMidway, writeCorpus } from './corpus.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const flag = process.argv.indexOf('--reports')
const count = flag === -1 ? 100 : Number(process.argv[flag + 1])
if (!Number.isInteger(count) || count < 1) {
  console.error(`bench: --reports takes a whole number of reports, for example --reports 1000`)
  process.exit(2)
}
const kindFlag = process.argv.indexOf('--kind')
const kind = kindFlag === -1 ? 'seed' : process.argv[kindFlag + 1]
if (!corpusKinds.includes(kind)) {
  console.error(`bench: --kind takes ${corpusKinds.join(' or ')}`)
  process.exit(2)
}

const work = mkdtempSync(path.join(tmpdir(), 'factmark-bench-'))
const src = path.join(work, 'src')
const out = path.join(work, 'dist')
const usageFile = path.join(work, 'usage.json')
const logFile = path.join(work, 'step.log')
const preload = pathToFileURL(path.join(root, 'bench/usage.mjs')).href

/**
 * Run one step as a child of this process; its wall time here, its CPU and peak RSS as it reports
 * them. `through` is a command that runs node, such as taskset with its arguments.
 */
function step(name, args, cwd = work, through = []) {
  rmSync(usageFile, { force: true })
  const log = openSync(logFile, 'w')
  const start = process.hrtime.bigint()
  // The work folder is the child's cwd, so that nothing a step leaves behind (a cache, say)
  // outlives this run and makes the next run's cold build warm.
  const [command = process.execPath, ...before] = [...through, ...(through.length > 0 ? [process.execPath] : [])]
  const child = spawnSync(command, [...before, '--import', preload, ...args], {
    cwd,
    // The cache goes to the work folder too (a folder without node_modules keeps it in XDG_CACHE_HOME).
    env: { ...process.env, FACTMARK_BENCH_USAGE: usageFile, XDG_CACHE_HOME: path.join(work, 'cache') },
    stdio: ['ignore', log, log]
  })
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6
  closeSync(log)
  const printed = readFileSync(logFile, 'utf8')
  if (child.status !== 0) {
    return { name, error: `exit ${child.status ?? child.signal}: ${printed.trim().split('\n').slice(-5).join(' / ')}` }
  }
  const { cpuMs, maxRssKb } = JSON.parse(readFileSync(usageFile, 'utf8'))
  return { name, wallMs, cpuMs, rssMb: maxRssKb / 1024, printed }
}

/** Files and bytes under a folder. */
function sizeOf(folder) {
  let files = 0
  let bytes = 0
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    files++
    bytes += statSync(path.join(entry.parentPath, entry.name)).size
  }
  return { files, bytes }
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`.padStart(9)
// The builds run a copy of the compiled package taken when the bench starts: a compile during the
// run (a test suite, an editor) would otherwise change factmark's code between the cold build and
// the rebuilds, and with it every key of the cache.
const installed = path.join(work, 'factmark')
for (const part of ['bin', 'lib', 'templates', 'schema', 'package.json'])
  cpSync(path.join(root, part), path.join(installed, part), { recursive: true })
symlinkSync(path.join(root, 'node_modules'), path.join(installed, 'node_modules'))
/** The arguments of a build of the project in `place` (its src/ into its dist/). */
const buildIn = (place, ...args) => [
  path.join(installed, 'bin/factmark.js'),
  'build',
  '--src',
  path.join(place, 'src'),
  '--out',
  path.join(place, 'dist'),
  ...args
]
const factmark = (...args) => buildIn(work, ...args)

try {
  const slugs = writeCorpus(src, count, kind)
  const corpus = sizeOf(src)
  const what = {
    seed: 'copies of the seed',
    collection: "reports of the bureau's four over the years, in turn",
    districts: 'copies of the seed, each about a district of its own'
  }[kind]
  console.log(
    `corpus: ${slugs.length} ${what}, ${mb(corpus.bytes)}; node ${process.version}, ${availableParallelism()} cores`
  )

  const cores = availableParallelism()
  const results = []
  results.push(step('parse floor (remark, one thread)', [path.join(root, 'bench/parse-floor.mjs'), src]))
  const floor = results[0]
  results.push(
    step(`parse floor on ${cores} threads`, [path.join(root, 'bench/parse-floor.mjs'), src, '--threads', String(cores)])
  )
  const floorOnCores = results[1]
  // The floor above is one thread of JavaScript, and V8 collects its garbage and compiles on
  // threads of their own, on the other core: kept to one core, the same parse shows what a core
  // alone makes of it. Where taskset is missing (not Linux), the step is left out.
  const taskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0
  const floorOnOneCore = taskset
    ? step('parse floor kept to one core', [path.join(root, 'bench/parse-floor.mjs'), src], work, [
        'taskset',
        '-c',
        '0'
      ])
    : undefined
  if (floorOnOneCore) results.push(floorOnOneCore)
  results.push(
    step('Eleventy 3 (HTML only)', [path.join(root, 'bench/eleventy-run.mjs'), src, path.join(work, 'eleventy')])
  )
  const eleventy = results.at(-1)
  results.push(step('factmark build, cold', factmark('--timings')))
  const built = results.at(-1)
  results.push(step('factmark build, nothing changed', factmark()))
  // One sentence, no figure, at the end of a report in the middle of the corpus.
  const changed = readdirSync(src)
    .filter((name) => name.endsWith('.md'))
    .sort()[Math.floor(count / 2)]
  appendFileSync(path.join(src, changed), '\n本段为测试增量构建而加的一句话。\n')
  results.push(step('factmark build, one sentence added', factmark()))
  appendFileSync(path.join(src, changed), '\n本段为测试增量构建而加的又一句话。\n')
  results.push(step('factmark build, another sentence', factmark()))
  // An edit in the middle of a report, as most are: every figure after it moves, and the facts
  // the site's own files cite by line and sentence change with it.
  const insertMidway = (sentence) => {
    const file = path.join(src, changed)
    writeFileSync(file, insertedMidway(readFileSync(file, 'utf8'), sentence))
  }
  insertMidway('本句为测试增量构建而加在段首。')
  results.push(step('factmark build, one sentence inserted midway', factmark()))
  insertMidway('本句为测试增量构建而又加在段首。')
  results.push(step('factmark build, another inserted midway', factmark()))
  // A published figure corrected, and another: the series of its metric and the rules across
  // reports take in a new value, where the edits above moved the figures and changed none. Copies
  // restate each other's figures, and one that a copy alone corrects contradicts the others (an
  // error): the figure corrected is one no rule holds against another report's (see
  // correctedFigure).
  const figureStep = (name) => {
    const file = path.join(src, changed)
    const text = correctedFigure(readFileSync(file, 'utf8'), kind)
    if (text === undefined) return { name, skipped: 'the report has no figure that it may correct alone' }
    writeFileSync(file, text)
    return step(name, factmark())
  }
  results.push(figureStep('factmark build, one figure changed'))
  results.push(figureStep('factmark build, another figure changed'))
  // What CI gets that keeps the cache from run to run: a checkout of the same sources (new files,
  // new times) in the same place, no output folder, and the cache as the last run left it.
  const cacheBytes = sizeOf(path.join(work, 'cache')).bytes
  const checkout = `${src}.checkout`
  cpSync(src, checkout, { recursive: true })
  rmSync(src, { recursive: true })
  renameSync(checkout, src)
  rmSync(out, { recursive: true, force: true })
  results.push(step('factmark build, new checkout, cache kept', factmark()))
  const checkedOut = results.at(-1)
  // The same at another path, as CI runners check out into a folder of their own: the project
  // (the work folder, where the builds run) and its cache moved together, the cache named as a
  // project's own folder is (--cache-dir).
  const moved = path.join(work, 'moved')
  mkdirSync(moved)
  renameSync(src, path.join(moved, 'src'))
  renameSync(path.join(work, 'cache'), path.join(moved, 'cache'))
  rmSync(out, { recursive: true, force: true })
  const movedOut = path.join(moved, 'dist')
  results.push(
    step(
      'factmark build, another path, cache kept',
      buildIn(moved, '--cache-dir', path.join(moved, 'cache', 'factmark')),
      moved
    )
  )
  const elsewhere = results.at(-1)

  const nameWidth = Math.max(...results.map((result) => result.name.length)) + 1
  console.log(
    `${'step'.padEnd(nameWidth)}${'wall'.padStart(9)} ${'CPU'.padStart(9)} ${'cores'.padStart(6)} ${'peak RSS'.padStart(10)}`
  )
  for (const result of results) {
    if (result.skipped) console.log(`${result.name.padEnd(nameWidth)} not run: ${result.skipped}`)
    else if (result.error) console.log(`${result.name.padEnd(nameWidth)} could not run (${result.error})`)
    else
      console.log(
        `${result.name.padEnd(nameWidth)}${seconds(result.wallMs)} ${seconds(result.cpuMs)} ${(result.cpuMs / result.wallMs).toFixed(2).padStart(6)} ${`${result.rssMb.toFixed(0)} MB`.padStart(10)}`
      )
  }
  const wrote = built.printed?.match(/^factmark: wrote .*\((.*)\)$/m)
  if (wrote) {
    const dist = sizeOf(movedOut)
    console.log(`factmark's output: ${wrote[1]}, ${dist.files} files, ${mb(dist.bytes)}`)
  }
  const ratio = (a, b, key) => `${(a[key] / b[key]).toFixed(2)}x`
  for (const [peer, name] of [
    [floor, 'the parse floor'],
    [eleventy, 'Eleventy']
  ]) {
    if (built.error || peer.error) continue
    console.log(
      `cold build / ${name}: wall ${ratio(built, peer, 'wallMs')}, CPU ${ratio(built, peer, 'cpuMs')}, peak RSS ${ratio(built, peer, 'rssMb')}`
    )
  }
  if (!checkedOut.error && !floor.error)
    console.log(
      `new checkout with the cache kept / the parse floor: wall ${ratio(checkedOut, floor, 'wallMs')}; the cache it kept: ${mb(cacheBytes)}`
    )
  if (!elsewhere.error && !floor.error)
    console.log(`the same at another path / the parse floor: wall ${ratio(elsewhere, floor, 'wallMs')}`)
  if (!floor.error && !floorOnCores.error) {
    // Threads share the memory bus and V8's collector threads share the cores, so the floor's own
    // work does not go twice as fast on two of them: what is left of the floor's time is all a
    // build that parses the same files may spend on anything else.
    console.log(
      `parse floor on ${cores} threads / on one: wall ${ratio(floorOnCores, floor, 'wallMs')}, CPU ${ratio(floorOnCores, floor, 'cpuMs')}`
    )
  }
  if (floorOnOneCore && !floorOnOneCore.error && !floor.error && !built.error) {
    console.log(
      `parse floor kept to one core / on one thread: wall ${ratio(floorOnOneCore, floor, 'wallMs')}; cold build / the floor kept to one core: wall ${ratio(built, floorOnOneCore, 'wallMs')}`
    )
  }
  if (!built.error && !floor.error) {
    // A build that keeps every core busy can take no less than its CPU shared among them.
    const least = built.cpuMs / cores
    console.log(
      `cold build's CPU on ${cores} cores: at least ${seconds(least).trim()} of wall, ${(least / floor.wallMs).toFixed(2)}x the parse floor`
    )
    // The build parses the same files with the same parser: its CPU less the floor's is what it
    // spends on everything else, which a parser that cost nothing would leave to be done.
    const rest = Math.max(0, built.cpuMs - floor.cpuMs) / cores
    console.log(
      `the cold build's CPU less the parse floor's, on ${cores} cores: at least ${seconds(rest).trim()} of wall, ${(rest / floor.wallMs).toFixed(2)}x the parse floor`
    )
  }
  // Which of the cold build's steps kept both cores busy: CPU near twice the wall time.
  const steps = built.printed?.indexOf('factmark: where the time went\n') ?? -1
  if (steps !== -1) {
    const table = built.printed.slice(steps).split('\n').slice(1).join('\n').trimEnd()
    console.log(`the cold build by step (factmark build --timings):\n${table}`)
  }
  if (results.some((result) => result.error && result.name.startsWith('factmark'))) process.exitCode = 1
} finally {
  rmSync(work, { recursive: true, force: true })
}
