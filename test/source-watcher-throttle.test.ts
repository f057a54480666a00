import { EventEmitter } from 'node:events'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { watchSources, type SourceWatcher } from '../src/watch/source-watcher.js'

// chokidar, as the watch knows it: it reports no change of a file within 50 ms of the last change
// it reported of it, and it may report a change late, once the watch has seen the file as it now
// stands. A chokidar the test drives tells each of its events when the test says.
const chokidar = vi.hoisted(() => ({ watcher: undefined as EventEmitter | undefined }))
vi.mock('chokidar', () => ({
  watch: () => {
    const watcher = Object.assign(new EventEmitter(), {
      getWatched: () => ({}),
      close: () => Promise.resolve()
    })
    chokidar.watcher = watcher
    setImmediate(() => watcher.emit('ready'))
    return watcher
  }
}))

let folder: string
let watcher: SourceWatcher | undefined
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'factmark-watcher-'))
})
afterEach(async () => {
  await watcher?.close()
  rmSync(folder, { recursive: true, force: true })
})

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

test('a save within chokidar’s window after a change it reported late, of a state already seen, is reported', async () => {
  const report = path.join(folder, 'report.md')
  writeFileSync(report, 'first\n')
  const seen: string[] = []
  watcher = watchSources(
    folder,
    (file, how) => seen.push(`${path.basename(file)} ${how}`),
    (error) => {
      throw error
    }
  )
  await watcher.ready
  const change = () => chokidar.watcher?.emit('all', 'change', report)
  writeFileSync(report, 'second\n')
  change()
  expect(seen).toEqual(['report.md changed'])
  // Saved within chokidar's window: it tells nothing, and the watch's second look finds it.
  writeFileSync(report, 'third!\n')
  await pause(100)
  expect(seen).toEqual(['report.md changed', 'report.md changed'])
  // chokidar's event of that save comes late, of the file as the watch has seen it: nothing new,
  // but chokidar's window starts again, and the next save within it is told by nobody else.
  change()
  expect(seen).toHaveLength(2)
  writeFileSync(report, 'fourth, longer\n')
  await pause(100)
  expect(seen).toEqual(['report.md changed', 'report.md changed', 'report.md changed'])
})
