import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { unwatched, watchSources, type SourceWatcher } from '../src/watch/source-watcher.js'

let folder: string
let watcher: SourceWatcher | undefined

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'factmark-watcher-'))
  writeFileSync(path.join(folder, 'report.md'), 'first\n')
})
afterEach(async () => {
  await watcher?.close()
  rmSync(folder, { recursive: true, force: true })
})

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// chokidar reports no second change of a file within 50 ms of the first it reported: the save
// made then must be seen all the same, or watch would publish the text before it.
test('a save right after a reported one is reported too, once the file stands as saved', async () => {
  const report = path.join(folder, 'report.md')
  const seen: string[] = []
  let saved = false
  watcher = watchSources(
    folder,
    (file) => {
      seen.push(path.basename(file))
      // The second save, at once: within chokidar's 50 ms, and of the same size.
      if (!saved) {
        saved = true
        writeFileSync(report, 'other\n')
      }
    },
    (error) => {
      throw error
    }
  )
  await watcher.ready
  writeFileSync(report, 'again\n')
  for (let waited = 0; seen.length < 2 && waited < 2000; waited += 20) await pause(20)
  expect(seen.length).toBeGreaterThanOrEqual(2)
  expect(new Set(seen)).toEqual(new Set(['report.md']))
})

test('a file reported and left alone is reported once', async () => {
  const seen: string[] = []
  watcher = watchSources(
    folder,
    (file) => seen.push(path.basename(file)),
    (error) => {
      throw error
    }
  )
  await watcher.ready
  writeFileSync(path.join(folder, 'report.md'), 'again\n')
  await pause(400)
  expect(seen).toEqual(['report.md'])
})

const folderStats = { isDirectory: () => true }
const fileStats = { isDirectory: () => false }

// prettier-ignore
test.each([
  ['the folder itself', '', undefined, false],
  ['a report', 'a.md', fileStats, false],
  ['the registry', 'metrics.yaml', fileStats, false],
  ['a report in a folder inside', '2024/a.md', undefined, false],
  ['a folder inside, before its stats are known', '2024', undefined, false],
  ['a folder inside, by its stats', '2024', folderStats, false],
  ['a folder two deep', '2024/drafts', folderStats, false],
  ['a swap file', '.a.md.swp', undefined, true],
  ['a backup', 'a.md~', undefined, true],
  ['an editor\'s copy in a folder inside', '2024/a.md.tmp', undefined, true],
  ['a file with no dot, by its stats', '2024/README', fileStats, true],
  ['a dot-folder', '.git', folderStats, true],
  ['a report in a dot-folder', '.drafts/a.md', undefined, true],
  ['node_modules', 'node_modules', folderStats, true],
  ['a report in node_modules', 'node_modules/pkg/README.md', undefined, true]
] as const)('%s: unwatched %s', (_name, inside, stats, expected) => {
  const root = path.join(tmpdir(), 'source')
  expect(unwatched(root, inside === '' ? root : path.join(root, inside), stats)).toBe(expected)
})

test('a report written into a folder inside, new or not, is reported; one in a dot-folder is not', async () => {
  mkdirSync(path.join(folder, '2024'))
  const seen: string[] = []
  watcher = watchSources(
    folder,
    (file) => seen.push(path.relative(folder, file).split(path.sep).join('/')),
    (error) => {
      throw error
    }
  )
  await watcher.ready
  mkdirSync(path.join(folder, '.drafts'))
  writeFileSync(path.join(folder, '.drafts', 'a.md'), 'draft\n')
  writeFileSync(path.join(folder, '2024', 'a.md'), 'a\n')
  writeFileSync(path.join(folder, '2024', 'a.md.swp'), 'swap\n')
  mkdirSync(path.join(folder, '2025'))
  await pause(200)
  writeFileSync(path.join(folder, '2025', 'b.md'), 'b\n')
  for (let waited = 0; !(seen.includes('2024/a.md') && seen.includes('2025/b.md')) && waited < 3000; waited += 20)
    await pause(20)
  await pause(200)
  expect([...new Set(seen)].sort()).toEqual(['2024/a.md', '2025/b.md'])
})

// chokidar lists a new folder once told of it: a report copied in just before that (mkdir, then
// cp) was missed about once in 75 tries, until its next save.
test('a report written into a folder just made is reported once, whenever it comes', async () => {
  const seen: string[] = []
  watcher = watchSources(
    folder,
    (file, how) => seen.push(`${path.relative(folder, file).split(path.sep).join('/')} ${how}`),
    (error) => {
      throw error
    }
  )
  await watcher.ready
  const made = Array.from({ length: 60 }, (_, index) => `new-${index}/x.md`)
  for (const [index, file] of made.entries()) {
    mkdirSync(path.join(folder, path.dirname(file)))
    await pause(index % 10)
    writeFileSync(path.join(folder, file), 'x\n')
  }
  for (let waited = 0; new Set(seen).size < made.length && waited < 3000; waited += 20) await pause(20)
  await pause(200)
  expect(seen.sort()).toEqual(made.map((file) => `${file} added`).sort())
})

// watch tells a removal and an addition in one burst as a rename only when they are one file:
// a report written beside one deleted is another report.
test('tells a file renamed from a report written anew beside one removed', async () => {
  writeFileSync(path.join(folder, 'other.md'), 'other\n')
  watcher = watchSources(
    folder,
    () => undefined,
    (error) => {
      throw error
    }
  )
  await watcher.ready
  // Known from the folder's listing when the watch began, without an event.
  renameSync(path.join(folder, 'report.md'), path.join(folder, 'renamed.md'))
  expect(watcher.isRenamed(path.join(folder, 'report.md'), path.join(folder, 'renamed.md'))).toBe(true)
  writeFileSync(path.join(folder, 'written.md'), 'other\n')
  unlinkSync(path.join(folder, 'other.md'))
  expect(watcher.isRenamed(path.join(folder, 'other.md'), path.join(folder, 'written.md'))).toBe(false)
  // Known from its own event: a file added, then renamed.
  writeFileSync(path.join(folder, 'late.md'), 'late\n')
  for (
    let waited = 0;
    waited < 3000 && !watcher.isRenamed(path.join(folder, 'late.md'), path.join(folder, 'late.md'));
    waited += 20
  )
    await pause(20)
  renameSync(path.join(folder, 'late.md'), path.join(folder, 'late-renamed.md'))
  expect(watcher.isRenamed(path.join(folder, 'late.md'), path.join(folder, 'late-renamed.md'))).toBe(true)
  expect(watcher.isRenamed(path.join(folder, 'gone.md'), path.join(folder, 'late-renamed.md'))).toBe(false)
})
