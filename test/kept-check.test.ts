import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { runCli } from './helpers/run-cli.js'
import { seedRegistry, seedReport, writeSeedProject } from './helpers/seed.js'

// check keeps what it found by a digest of factmark and of every source's path and bytes: a check
// of sources checked before prints the same without compiling them, and any change to them is
// another key, checked anew.

let cwd: string
const checkedFolder = () => path.join(cwd, 'node_modules/.cache/factmark/checked')
const kept = () => readdirSync(checkedFolder()).sort()
const run = (...argv: string[]) => runCli(cwd, ...argv)
const edit = (file: string, from: string, to: string) => {
  const full = path.join(cwd, file)
  const text = readFileSync(full, 'utf8')
  expect(text).toContain(from)
  writeFileSync(full, text.replace(from, to))
}

beforeEach(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'factmark-kept-check-'))
  writeSeedProject(cwd)
  // A project with node_modules keeps the cache there (see defaultCacheFolder): this test's own.
  mkdirSync(path.join(cwd, 'node_modules'))
  // An error, a warning and the seed's three notes, each with an excerpt of its line.
  edit(seedReport.path, '{metric=air.pm10}', '{metric=air.pm10 period=2025-13}')
  edit(seedReport.path, ':fact[205个]{metric=water.outfalls_remediated}', '205个')
})
afterEach(() => rmSync(cwd, { recursive: true, force: true }))

test('a check of sources checked before prints the same, in every format, and exits the same', async () => {
  for (const format of ['text', 'json', 'github']) {
    const first = await run('check', '--format', format)
    expect(first.code).toBe(1)
    expect(await run('check', '--format', format)).toEqual(first)
    expect(await run('check', '--format', format, '--no-cache')).toEqual(first)
  }
  const text = await run('check', '--verbose')
  expect(text.stdout).toContain('period="2025-13" is not a valid period')
  expect(text.stdout).toContain('The figure "205个" is not annotated')
  expect(text.stdout).toContain('coverage: 99.2% of figures annotated (127 tagged, 1 untagged)\n')
  // One check of these sources, whatever it printed.
  expect(kept()).toHaveLength(1)
})

test('what the second check prints is what the first kept, and --no-cache neither reads nor writes it', async () => {
  const first = await run('check', '--format', 'json')
  const [name] = kept()
  const file = path.join(checkedFolder(), name as string)
  writeFileSync(file, readFileSync(file, 'utf8').replace('has no month 13', 'has no month thirteen'))
  expect((await run('check', '--format', 'json')).stdout).toContain('has no month thirteen')
  expect(await run('check', '--format', 'json', '--no-cache')).toEqual(first)
  expect(readFileSync(file, 'utf8')).toContain('has no month thirteen')
})

test('a kept check cut short or not one is checked again, and kept whole again', async () => {
  const first = await run('check')
  const file = path.join(checkedFolder(), kept()[0] as string)
  const whole = readFileSync(file, 'utf8')
  for (const broken of [whole.slice(0, 100), '{"diagnostics": "none"}', 'null']) {
    writeFileSync(file, broken)
    expect(await run('check')).toEqual(first)
    expect(readFileSync(file, 'utf8')).toBe(whole)
  }
})

const addBroken = () => writeFileSync(path.join(cwd, 'source/broken.md'), 'no front matter\n')

test.each<[string, () => void | Promise<void>]>([
  ['the report is edited', () => edit(seedReport.path, 'period=2025-13', 'period=2025-12')],
  ['the registry is edited', () => edit(seedRegistry.path, '\n  air.pm10:', '\n  air.pm10_daily:')],
  ['a report is added', addBroken],
  [
    'a report is renamed',
    () => {
      const text = readFileSync(path.join(cwd, seedReport.path), 'utf8')
      rmSync(path.join(cwd, seedReport.path))
      writeFileSync(path.join(cwd, 'source/xiamen-2025-renamed.md'), text)
    }
  ],
  [
    'a report is deleted',
    async () => {
      addBroken()
      await run('check')
      rmSync(path.join(cwd, 'source/broken.md'))
    }
  ]
])('after %s, check says what a check without the cache says', async (_change, change) => {
  await run('check')
  await change()
  const fresh = await run('check', '--no-cache')
  expect(await run('check')).toEqual(fresh)
  expect(await run('check')).toEqual(fresh)
})

test('checking only the files named is another check: unused metrics are not looked for', async () => {
  const all = await run('check', '--format', 'json')
  const named = await run('check', '--format', 'json', seedReport.path)
  expect(named).not.toEqual(all)
  expect(await run('check', '--format', 'json', seedReport.path)).toEqual(named)
  expect(await run('check', '--format', 'json')).toEqual(all)
  expect(kept()).toHaveLength(2)
})

test('check prunes: what no check has used for a week goes, where no build runs', async () => {
  await run('check')
  const [used] = kept()
  const unused = `${'0'.repeat(64)}.json`
  writeFileSync(path.join(checkedFolder(), unused), '{}')
  const eightDaysAgo = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000)
  for (const name of [used, unused]) utimesSync(path.join(checkedFolder(), name as string), eightDaysAgo, eightDaysAgo)
  // Pruned at most once an hour: the first check marked it.
  rmSync(path.join(cwd, 'node_modules/.cache/factmark/pruned-checks'))
  await run('check')
  expect(kept()).toEqual([used])
})
