import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { writeCollectionProject } from './helpers/collection.js'
import { runCli } from './helpers/run-cli.js'
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
  expect((await runCli(cwd, 'build', '--no-cache')).code).toBe(0)
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
