import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { watchSources, type SourceWatcher } from '../src/watch/source-watcher.js'

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
