import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { outputName } from '../src/cache/output-name.js'
import { pruneCache, pruneChecks } from '../src/cache/prune-cache.js'

// The cache keeps what builds of each output folder use; what none uses any more goes once it has
// been left alone a while, and nothing factmark did not name is touched.

const hour = 60 * 60 * 1000
const now = Date.UTC(2026, 11, 2, 12)
const key = (char: string) => char.repeat(64)
/** The name the things of the output folder dist/, beside the cache, go by in it. */
const distName = () => outputName(cache, path.join(cache, 'dist'))

let cache: string
beforeEach(() => {
  cache = mkdtempSync(path.join(tmpdir(), 'factmark-prune-'))
})
afterEach(() => rmSync(cache, { recursive: true, force: true }))

/** Write a file of the cache, last changed `age` ms before now. */
function put(file: string, content: string, age: number): void {
  const at = path.join(cache, file)
  mkdirSync(path.dirname(at), { recursive: true })
  writeFileSync(at, content)
  utimesSync(at, (now - age) / 1000, (now - age) / 1000)
}

/** Every file of the cache, relative to it, sorted. */
function files(): string[] {
  return (
    readdirSync(cache, { recursive: true, withFileTypes: true }) as Array<{
      parentPath?: string
      path: string
      name: string
      isFile(): boolean
    }>
  )
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(cache, path.join(entry.parentPath ?? entry.path, entry.name)))
    .sort()
}

function record(units: string[], across?: string, environment = key('e'), out?: string): string {
  return JSON.stringify({
    environment,
    sources: units.map((unit, at) => [`r${at}.md`, unit]),
    ...(across && { across }),
    ...(out && { out })
  })
}

test('what no recorded build uses and was left alone an hour goes; what one uses, or was written since, stays', () => {
  const [used, other, old, recent] = [key('a'), key('b'), key('c'), key('d')]
  // Two output folders share the cache: each record keeps its own units.
  put('builds/0123456789abcdef.json', record([used], key('1')), 2 * hour)
  put('builds/fedcba9876543210.json', record([other], undefined, key('f')), 2 * hour)
  put('builds/0123456789abcdef.result.json', '{}', 2 * hour)
  for (const unit of [used, other, old])
    for (const ext of ['json', 'summary.json', 'rows.json', 'rows.csv'])
      put(`units/${unit.slice(0, 2)}/${unit}.${ext}`, 'x'.repeat(10), 2 * hour)
  put(`units/dd/${recent}.json`, 'x', hour / 2)
  // Left by a build killed between writing a file and renaming it.
  put(`units/cc/${old}.json.4242.k3j2.tmp`, 'x', 2 * hour)
  put(`across/${key('1')}.json`, '{}', 2 * hour)
  put(`across/${key('2')}.json`, '{}', 2 * hour)
  put(`registry/${key('e')}.json`, '{}', 2 * hour)
  put(`registry/${key('f')}.json`, '{}', 2 * hour)
  put(`registry/${key('9')}.json`, '{}', 2 * hour)
  // Not named as factmark names its files: never removed.
  put('units/cc/notes.txt', 'mine', 2 * hour)
  put(`units/other/${old}.json`, 'mine', 2 * hour)
  put('across/README', 'mine', 2 * hour)

  expect(pruneCache(cache, { now })).toEqual({ files: 7, bytes: 40 + 1 + 2 + 2, records: 0, trees: 0 })
  expect(files()).toEqual(
    [
      `across/${key('1')}.json`,
      'across/README',
      'builds/0123456789abcdef.json',
      'builds/0123456789abcdef.result.json',
      'builds/fedcba9876543210.json',
      'pruned',
      `registry/${key('e')}.json`,
      `registry/${key('f')}.json`,
      ...['json', 'rows.csv', 'rows.json', 'summary.json'].map((ext) => `units/aa/${used}.${ext}`),
      ...['json', 'rows.csv', 'rows.json', 'summary.json'].map((ext) => `units/bb/${other}.${ext}`),
      'units/cc/notes.txt',
      `units/dd/${recent}.json`,
      `units/other/${old}.json`
    ].sort()
  )
})

test('the cache is pruned at most once in `every`, and marks when it was', () => {
  const old = key('c')
  put(`units/cc/${old}.json`, 'x', 3 * hour)
  expect(pruneCache(cache, { now, every: hour })).toEqual({ files: 1, bytes: 1, records: 0, trees: 0 })
  expect(statSync(path.join(cache, 'pruned')).mtimeMs).toBe(now)
  put(`units/cc/${old}.json`, 'x', 3 * hour)
  expect(pruneCache(cache, { now: now + hour / 2, every: hour })).toBeUndefined()
  expect(files()).toContain(`units/cc/${old}.json`)
  expect(pruneCache(cache, { now: now + hour, every: hour })).toEqual({ files: 1, bytes: 1, records: 0, trees: 0 })
  // The clock set back a day: the mark is from the future, and waits for nothing.
  put(`units/cc/${old}.json`, 'x', 25 * hour)
  expect(pruneCache(cache, { now: now - 20 * hour, every: hour })).toEqual({ files: 1, bytes: 1, records: 0, trees: 0 })
})

test('a record that cannot be read keeps nothing, and a cache with no builds yet prunes only what is old', () => {
  put('builds/0123456789abcdef.json', '{"sources": [', 2 * hour)
  put(`units/aa/${key('a')}.json`, 'x', 2 * hour)
  put(`units/bb/${key('b')}.json`, 'x', 0)
  expect(pruneCache(cache, { now })).toEqual({ files: 1, bytes: 1, records: 0, trees: 0 })
  expect(files()).toEqual(['builds/0123456789abcdef.json', 'pruned', `units/bb/${key('b')}.json`])
})

test('the record of an output folder that is gone goes, or of none after a month, and with it what only its build used and the tree it replaced', () => {
  const [kept, gone, shared] = [key('a'), key('b'), key('c')]
  mkdirSync(path.join(cache, 'dist'))
  put(`builds/${distName()}.json`, record([kept, shared], undefined, key('e'), path.join(cache, 'dist')), 2 * hour)
  put('builds/fedcba9876543210.json', record([gone, shared], key('1'), key('f'), path.join(cache, 'gone')), 2 * hour)
  put('builds/fedcba9876543210.result.json', '{}', 2 * hour)
  // Written before records named their folder: kept for a month, since no one can tell whether it is gone.
  put('builds/00000000000000aa.json', record([]), 2 * hour)
  put('builds/00000000000000bb.json', '{}', 31 * 24 * hour)
  put('spare/00000000000000bb/index.html', 'x', 31 * 24 * hour)
  for (const unit of [kept, gone, shared]) put(`units/${unit.slice(0, 2)}/${unit}.json`, 'x', 2 * hour)
  put(`across/${key('1')}.json`, '{}', 2 * hour)
  put(`registry/${key('f')}.json`, '{}', 2 * hour)
  put(`spare/${distName()}/dist-file`, 'x', 2 * hour)
  put('spare/fedcba9876543210/report/index.html', 'x', 2 * hour)
  // A tree no record names: the record of a folder gone in an earlier prune.
  put('spare/1111111111111111/index.html', 'x', 2 * hour)
  // One made a moment ago, by a first build that has yet to write its record.
  put('spare/2222222222222222/index.html', 'x', 0)
  for (const [tree, age] of [
    ['fedcba9876543210', 2 * hour],
    ['1111111111111111', 2 * hour],
    ['2222222222222222', 0],
    ['00000000000000bb', 31 * 24 * hour]
  ] as const)
    utimesSync(path.join(cache, 'spare', tree), (now - age) / 1000, (now - age) / 1000)

  expect(pruneCache(cache, { now })).toEqual({
    files: 6,
    bytes: record([gone, shared], key('1'), key('f'), path.join(cache, 'gone')).length + 2 + 1 + 2 + 2 + 2,
    records: 2,
    trees: 3
  })
  expect(files()).toEqual(
    [
      'builds/00000000000000aa.json',
      `builds/${distName()}.json`,
      'pruned',
      `spare/${distName()}/dist-file`,
      'spare/2222222222222222/index.html',
      `units/aa/${kept}.json`,
      `units/cc/${shared}.json`
    ].sort()
  )
})

test.each(['checked-registry', 'checked', 'checked/across', 'checked/units/ab'])(
  'what check kept in %s/ goes once no check has used it for a week, whatever the records say',
  (folder) => {
    const day = 24 * hour
    put('builds/0123456789abcdef.json', record([], undefined, key('a')), 2 * hour)
    put(`${folder}/${key('a')}.json`, 'x'.repeat(5), 8 * day)
    put(`${folder}/${key('b')}.json`, 'x'.repeat(7), 6 * day)
    put(`${folder}/${key('c')}.json.123.abc.tmp`, 'x'.repeat(3), 8 * day)
    put(`${folder}/notes.json`, 'x', 8 * day)
    if (folder.startsWith('checked/units/')) put(`${folder}/${key('a')}.summary.json`, 'x'.repeat(11), 8 * day)
    const summary = folder.startsWith('checked/units/') ? 11 : 0
    expect(pruneCache(cache, { now })).toEqual({ files: summary ? 3 : 2, bytes: 8 + summary, records: 0, trees: 0 })
    expect(files()).toEqual([
      'builds/0123456789abcdef.json',
      `${folder}/${key('b')}.json`,
      `${folder}/notes.json`,
      'pruned'
    ])
  }
)

test('what a record uses is read from beside it when it is kept there, and goes with the record', () => {
  const [named, unnamed, goneUnit] = [key('a'), key('b'), key('c')]
  mkdirSync(path.join(cache, 'dist'))
  const uses = (units: string[], out: string) => JSON.stringify({ out, environment: key('e'), units })
  // The record itself is not read: what it uses is beside it.
  put(`builds/${distName()}.json`, '{"sources": [', 2 * hour)
  put(`builds/${distName()}.uses.json`, uses([named], path.join(cache, 'dist')), 2 * hour)
  put('builds/fedcba9876543210.json', '{}', 2 * hour)
  put('builds/fedcba9876543210.uses.json', uses([goneUnit], path.join(cache, 'gone')), 2 * hour)
  for (const unit of [named, unnamed, goneUnit]) put(`units/${unit.slice(0, 2)}/${unit}.json`, 'x', 2 * hour)
  expect(pruneCache(cache, { now })).toEqual({
    files: 4,
    bytes: 2 + uses([goneUnit], path.join(cache, 'gone')).length + 1 + 1,
    records: 1,
    trees: 0
  })
  expect(files()).toEqual([
    `builds/${distName()}.json`,
    `builds/${distName()}.uses.json`,
    'pruned',
    `units/aa/${named}.json`
  ])
})

test('the row groups of the site’s table stay while a record uses them, and go an hour after none does', () => {
  const [used, shared, old, recent] = [key('a'), key('b'), key('c'), key('d')]
  mkdirSync(path.join(cache, 'dist'))
  mkdirSync(path.join(cache, 'other'))
  const uses = (out: string, rowGroups: string[]) =>
    JSON.stringify({ out: path.join(cache, out), environment: key('e'), rowGroups, units: [] })
  put(`builds/${distName()}.json`, '{}', 2 * hour)
  put(`builds/${distName()}.uses.json`, uses('dist', [used, shared]), 2 * hour)
  const otherName = outputName(cache, path.join(cache, 'other'))
  put(`builds/${otherName}.json`, '{}', 2 * hour)
  put(`builds/${otherName}.uses.json`, uses('other', [shared]), 2 * hour)
  for (const group of [used, shared, old]) put(`tables/${group}.group`, 'xyz', 2 * hour)
  put(`tables/${recent}.group`, 'x', hour / 2)
  // Left by a build killed between writing a row group and renaming it.
  put(`tables/${old}.group.4242.k3j2.tmp`, 'ab', 2 * hour)
  // Not named as factmark names its files: never removed.
  put('tables/notes.txt', 'mine', 2 * hour)
  expect(pruneCache(cache, { now })).toEqual({ files: 2, bytes: 3 + 2, records: 0, trees: 0 })
  expect(files().filter((file) => file.startsWith('tables/'))).toEqual(
    [`tables/${used}.group`, `tables/${shared}.group`, `tables/${recent}.group`, 'tables/notes.txt'].sort()
  )
})

test('what a record is kept with goes once the record is gone, and what a write stopped midway left goes too', () => {
  const [kept, orphan, recent] = [distName(), 'fedcba9876543210', '00112233445566ff']
  mkdirSync(path.join(cache, 'dist'))
  const uses = JSON.stringify({ out: path.join(cache, 'dist'), environment: key('e'), units: [] })
  put(`builds/${kept}.json`, '{}', 2 * hour)
  put(`builds/${kept}.result.json`, '{}', 2 * hour)
  put(`builds/${kept}.uses.json`, uses, 2 * hour)
  // A record removed by hand, or never written: a build stopped between what it said and its record.
  put(`builds/${orphan}.result.json`, 'abc', 2 * hour)
  put(`builds/${orphan}.uses.json`, uses, 2 * hour)
  put(`builds/${recent}.result.json`, '{}', hour / 2)
  // Left by writes stopped between writing a file and renaming it.
  put(`builds/${kept}.json.4242.k3j2.tmp`, 'abcd', 2 * hour)
  put(`builds/${kept}.result.json.4242.x1.tmp`, 'abcde', 2 * hour)
  put(`builds/${kept}.uses.json.77.z9.tmp`, 'x', 2 * hour)
  put(`builds/${kept}.json.4243.q.tmp`, 'x', hour / 2)
  // Not named as factmark names its files: never removed.
  put('builds/notes.json', 'mine', 2 * hour)
  put(`builds/${kept}.old.json`, 'mine', 2 * hour)
  expect(pruneCache(cache, { now })).toEqual({
    files: 5,
    bytes: 3 + uses.length + 4 + 5 + 1,
    records: 0,
    trees: 0
  })
  expect(files()).toEqual(
    [
      `builds/${recent}.result.json`,
      `builds/${kept}.json`,
      `builds/${kept}.json.4243.q.tmp`,
      `builds/${kept}.old.json`,
      `builds/${kept}.result.json`,
      `builds/${kept}.uses.json`,
      'builds/notes.json',
      'pruned'
    ].sort()
  )
})

test('a record kept under another name than its folder goes, though the folder stands: it is of a cache restored elsewhere, or named by an older factmark', () => {
  const [own, elsewhere] = [key('a'), key('b')]
  mkdirSync(path.join(cache, 'dist'))
  const dist = path.join(cache, 'dist')
  put(`builds/${distName()}.json`, record([own], undefined, key('e'), dist), 2 * hour)
  put('builds/fedcba9876543210.json', record([elsewhere], undefined, key('e'), dist), 2 * hour)
  put('spare/fedcba9876543210/index.html', 'x', 2 * hour)
  utimesSync(path.join(cache, 'spare/fedcba9876543210'), (now - 2 * hour) / 1000, (now - 2 * hour) / 1000)
  for (const unit of [own, elsewhere]) put(`units/${unit.slice(0, 2)}/${unit}.json`, 'x', 2 * hour)
  expect(pruneCache(cache, { now })).toMatchObject({ files: 2, records: 1, trees: 1 })
  expect(files()).toEqual([`builds/${distName()}.json`, 'pruned', `units/aa/${own}.json`].sort())
})

test('pruned for a check, only what checks keep goes, by a mark of its own: a record whose folder is not built yet stays', () => {
  put('builds/fedcba9876543210.json', record([key('a')], undefined, key('e'), path.join(cache, 'dist')), 2 * hour)
  put(`units/aa/${key('a')}.json`, 'x', 2 * hour)
  put(`checked/${key('c')}.json`, 'xyz', 8 * 24 * hour)
  expect(pruneChecks(cache, { now })).toEqual({ files: 1, bytes: 3, records: 0, trees: 0 })
  expect(files()).toEqual(['builds/fedcba9876543210.json', 'pruned-checks', `units/aa/${key('a')}.json`])
  // The mark of a check's pruning is not a build's: a build prunes at once.
  expect(pruneCache(cache, { now })).toMatchObject({ files: 2, records: 1 })
  expect(pruneChecks(cache, { now })).toBeUndefined()
})
