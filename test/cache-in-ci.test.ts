import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { writeCollectionProject } from './helpers/collection.js'
import { runCli } from './helpers/run-cli.js'
import { startWatch, type WatchedBuild } from '../src/watch/watch.js'
import { snapshot } from './helpers/snapshot.js'

// CI checks each run out anew, often at another path than the last run's, and restores the cache
// it kept from an archive: every file new, with the times of the run that kept it. Whatever runs
// before it, the build then takes every report from the cache, and writes what a cold build writes.

let root: string
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'factmark-ci-'))
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

const hoursAgo = new Date(Date.now() - 3 * 60 * 60 * 1000)

/** A new checkout of the collection at `name`, with node_modules as npm ci leaves it. */
function checkout(name: string): string {
  const cwd = path.join(root, name)
  writeCollectionProject(cwd)
  mkdirSync(path.join(cwd, 'node_modules'))
  return cwd
}

/** Keep the cache at `from` as CI does after a run, and remove the checkout it was in. */
function keepCache(cwd: string, from: string): string {
  const kept = path.join(root, `kept-${path.basename(cwd)}`)
  cpSync(path.join(cwd, from), kept, { recursive: true })
  rmSync(cwd, { recursive: true })
  return kept
}

/** Restore a kept cache at `to` in a checkout: whole files, each last changed hours ago, as an archive restores them. */
function restoreCache(kept: string, cwd: string, to: string): void {
  const place = path.join(cwd, to)
  cpSync(kept, place, { recursive: true })
  const age = (at: string) => {
    if (statSync(at).isDirectory()) for (const name of readdirSync(at)) age(path.join(at, name))
    utimesSync(at, hoursAgo, hoursAgo)
  }
  age(place)
}

/** Build with --timings: the exit code and the compile step's line. */
async function buildTimed(cwd: string, ...argv: string[]): Promise<{ code: number; compile: string | undefined }> {
  const { code, stderr } = await runCli(cwd, 'build', '--timings', ...argv)
  return { code, compile: /^ {2}(compile [^\n]*?) {2,}/m.exec(stderr)?.[1] }
}

async function coldSite(): Promise<Record<string, string>> {
  const cwd = checkout('cold')
  expect((await runCli(cwd, 'build', '--no-cache', '--cache-dir', '../cold-cache')).code).toBe(0)
  return snapshot(path.join(cwd, 'dist'))
}

const cache = 'node_modules/.cache/factmark'

test('at the same path, after a check, the build takes every report from the cache', async () => {
  let cwd = checkout('project')
  expect(await buildTimed(cwd)).toEqual({ code: 0, compile: 'compile 4 reports' })
  const kept = keepCache(cwd, cache)
  cwd = checkout('project')
  restoreCache(kept, cwd, cache)
  // A check prunes what checks keep, not the tree and units the build is about to take.
  expect((await runCli(cwd, 'check')).code).toBe(0)
  expect(await buildTimed(cwd)).toEqual({ code: 0, compile: 'compile 0 reports, take 4 from earlier builds' })
  expect(snapshot(path.join(cwd, 'dist'))).toEqual(await coldSite())
})

test('at another path, the build takes every report from the cache', async () => {
  const first = checkout('first')
  expect((await buildTimed(first)).code).toBe(0)
  const kept = keepCache(first, cache)
  const cwd = checkout('second')
  restoreCache(kept, cwd, cache)
  expect((await runCli(cwd, 'check')).code).toBe(0)
  expect(await buildTimed(cwd)).toEqual({ code: 0, compile: 'compile 0 reports, take 4 from earlier builds' })
  expect(snapshot(path.join(cwd, 'dist'))).toEqual(await coldSite())
  // The next build there has nothing to do.
  const again = await runCli(cwd, 'build')
  expect(again.stderr).toContain('factmark: dist/ is up to date')
})

test.each<[string, (folder: string) => { argv: string[]; env?: string }]>([
  ['--cache-dir', (folder) => ({ argv: ['--cache-dir', folder] })],
  ['FACTMARK_CACHE_DIR', (folder) => ({ argv: [], env: folder })]
])('a cache folder named by %s holds the cache, and is found at another path', async (_, naming) => {
  const named = naming('.factmark-cache')
  const previous = process.env['FACTMARK_CACHE_DIR']
  if (named.env !== undefined) process.env['FACTMARK_CACHE_DIR'] = named.env
  try {
    const first = checkout('first')
    expect((await buildTimed(first, ...named.argv)).code).toBe(0)
    expect((await runCli(first, 'check', ...named.argv)).code).toBe(0)
    expect(readdirSync(path.join(first, '.factmark-cache')).sort()).toEqual(
      expect.arrayContaining(['builds', 'checked', 'spare', 'units'])
    )
    expect(existsSync(path.join(first, cache))).toBe(false)
    const kept = keepCache(first, '.factmark-cache')
    const cwd = checkout('second')
    restoreCache(kept, cwd, '.factmark-cache')
    expect(await buildTimed(cwd, ...named.argv)).toEqual({
      code: 0,
      compile: 'compile 0 reports, take 4 from earlier builds'
    })
    expect(snapshot(path.join(cwd, 'dist'))).toEqual(await coldSite())
  } finally {
    if (previous === undefined) delete process.env['FACTMARK_CACHE_DIR']
    else process.env['FACTMARK_CACHE_DIR'] = previous
  }
})

test('watch keeps the cache in the folder named', async () => {
  const cwd = checkout('project')
  let built: (watched: WatchedBuild) => void = () => undefined
  const first = new Promise<WatchedBuild>((resolve) => (built = resolve))
  const cacheFolder = path.join(root, 'watch-cache')
  const watching = await startWatch({ cwd, port: 0, cacheFolder, onBuild: (watched) => built(watched) })
  try {
    expect((await first).outcome.ok).toBe(true)
    expect(readdirSync(path.join(cacheFolder, 'builds'))).toHaveLength(3)
    expect(readdirSync(path.join(cwd, 'node_modules'))).toEqual([])
  } finally {
    await watching.close()
  }
})

test.each<[string[], string]>([
  [
    ['build', '--cache-dir', 'dist/cache'],
    'factmark: the cache folder --cache-dir names is in dist/, and each build replaces it; name a folder of its own\n'
  ],
  [
    ['build', '--cache-dir', 'dist'],
    'factmark: the cache folder --cache-dir names is dist/, and each build replaces it; name a folder of its own\n'
  ],
  [
    ['check', '--cache-dir', 'source/.cache'],
    'factmark: the cache folder --cache-dir names is in source/, and the reports are read from it; name a folder of its own\n'
  ],
  [
    ['watch', '--src', 'source/', '--cache-dir', './source/cache'],
    'factmark: the cache folder --cache-dir names is in source/, and the reports are read from it; name a folder of its own\n'
  ],
  [
    ['build', '--cache-dir', '.'],
    'factmark: the cache folder --cache-dir names holds dist/; name a folder of its own\n'
  ],
  [
    ['build', '--out', 'site', '--cache-dir', '..'],
    'factmark: the cache folder --cache-dir names holds site/; name a folder of its own\n'
  ],
  [['build', '--cache-dir', ''], 'factmark: --cache-dir needs a folder\n']
])('%j is refused, and writes nothing', async (argv, message) => {
  const cwd = checkout('project')
  expect(await runCli(cwd, ...argv)).toEqual({ code: 2, stdout: '', stderr: message })
  expect(readdirSync(cwd).sort()).toEqual(['node_modules', 'source'])
  expect(readdirSync(path.join(cwd, 'node_modules'))).toEqual([])
})

test.each<[string, string[], string]>([
  [
    'source',
    ['build', '--cache-dir', 'link/cache'],
    'factmark: the cache folder --cache-dir names is in source/, and the reports are read from it; name a folder of its own\n'
  ],
  [
    'dist',
    ['build', '--cache-dir', 'link/cache'],
    'factmark: the cache folder --cache-dir names is in dist/, and each build replaces it; name a folder of its own\n'
  ],
  [
    '.',
    ['build', '--cache-dir', 'link'],
    'factmark: the cache folder --cache-dir names holds dist/; name a folder of its own\n'
  ]
])('a cache folder named through a link to %s is where the link leads (%j)', async (target, argv, message) => {
  const cwd = checkout('project')
  mkdirSync(path.join(cwd, 'dist'))
  symlinkSync(target, path.join(cwd, 'link'))
  const before = readdirSync(cwd, { recursive: true }).sort()
  expect(await runCli(cwd, ...argv)).toEqual({ code: 2, stdout: '', stderr: message })
  expect(readdirSync(cwd, { recursive: true }).sort()).toEqual(before)
})

test('a file named as the cache folder is refused, before anything is written', async () => {
  const cwd = checkout('project')
  writeFileSync(path.join(cwd, 'notes.txt'), 'mine')
  expect(await runCli(cwd, 'build', '--cache-dir', 'notes.txt')).toEqual({
    code: 2,
    stdout: '',
    stderr: 'factmark: the cache folder --cache-dir names is a file; name a folder of its own\n'
  })
  expect(readdirSync(cwd).sort()).toEqual(['node_modules', 'notes.txt', 'source'])
  expect(readFileSync(path.join(cwd, 'notes.txt'), 'utf8')).toBe('mine')
})
