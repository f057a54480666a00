import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { buildWith } from '../src/build/build.js'
import { lastingRunner, type UnitRunner } from '../src/build/unit-pool.js'
import { runUnitTask, warmUnitTask, type UnitTask } from '../src/build/unit-task.js'
import { build } from '../src/index.js'
import { writeCollectionProject } from './helpers/collection.js'

// A watch whose first build took every report from the cache has threads that have compiled
// nothing: they compile the largest report once, writing nothing, before the first save comes.

const report = fileURLToPath(new URL('fixtures/series/series-2025.md', import.meta.url))
const registry = {
  path: 'metrics.yaml',
  text: readFileSync(new URL('fixtures/metrics.yaml', import.meta.url), 'utf8')
}

let work: string
let runner: UnitRunner | undefined
const at = (...parts: string[]) => path.join(work, ...parts)
const task = (extra: Partial<UnitTask> = {}): UnitTask => ({
  source: { path: 'series/series-2025.md', file: report },
  registry,
  environment: 'test',
  root: at('site'),
  cacheFolder: at('cache'),
  ...extra
})

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'factmark-warm-'))
})
afterEach(async () => {
  await runner?.close()
  runner = undefined
  rmSync(work, { recursive: true, force: true })
})

test('a report compiled to warm a thread writes nothing into the site and keeps no unit', () => {
  warmUnitTask(task())
  expect(existsSync(at('site'))).toBe(false)
  expect(existsSync(at('cache', 'units'))).toBe(false)
  // The same task run for a build writes both.
  runUnitTask(task())
  expect(readdirSync(at('site', 'series-2025')).length).toBeGreaterThan(0)
  expect(existsSync(at('cache', 'units'))).toBe(true)
})

describe('the threads a watch keeps', () => {
  test('are warmed once, each of them, when they have compiled nothing', async () => {
    runner = lastingRunner(2)
    expect(await runner?.warm?.(task())).toBe(2)
    expect(await runner?.warm?.(task())).toBe(0)
    expect(existsSync(at('site'))).toBe(false)
  })

  test('are warmed when they have compiled fewer reports than two each', async () => {
    runner = lastingRunner(2)
    for (let count = 0; count < 3; count += 1) await runner?.run(task())
    expect(await runner?.warm?.(task())).toBe(2)
  })

  test('are not warmed once they have compiled two reports each', async () => {
    runner = lastingRunner(2)
    for (let count = 0; count < 4; count += 1) await runner?.run(task())
    expect(await runner?.warm?.(task())).toBe(0)
  })

  test('are warmed all the same by a report that cannot be read', async () => {
    runner = lastingRunner(2)
    const missing = task({ source: { path: 'gone.md', file: at('gone.md') } })
    expect(await runner?.warm?.(missing)).toBe(2)
  })
})

describe('a build with threads kept for later builds', () => {
  /** Workers that compile in this thread and tell which report they were asked to warm with. */
  const keptWorkers = () => {
    const warmed: string[] = []
    const tables = { asked: 0 }
    const workers: UnitRunner = {
      run: (unit) => Promise.resolve(runUnitTask(unit)),
      close: () => Promise.resolve(),
      threads: 2,
      inThisThread: false,
      warm: (unit) => {
        warmed.push(unit.source.path)
        return Promise.resolve(0)
      },
      tableWriter: () => {
        tables.asked += 1
        return undefined
      }
    }
    return { workers, warmed, tables }
  }
  const options = () => ({ cwd: work, cacheFolder: at('cache'), threads: 0 })

  beforeEach(() => {
    writeCollectionProject(work)
    // The last report in order, and the smallest.
    writeNote('zz-note')
  })
  const writeNote = (slug: string) =>
    writeFileSync(
      at('source', `${slug}.md`),
      `---\ntitle: 说明\nissuer: factmark\nentity: 厦门市\nperiod: "2025"\nlanguage: zh-CN\nslug: ${slug}\n---\n\n本页说明数据来源。\n`
    )

  test('asks them to warm with the largest report when it compiled reports', async () => {
    const { workers, warmed } = keptWorkers()
    expect((await buildWith(options(), workers)).ok).toBe(true)
    expect(warmed).toEqual(['source/xiamen-2025.md'])
  })

  test('and when it took every report from the last build', async () => {
    expect((await build(options())).ok).toBe(true)
    const { workers, warmed } = keptWorkers()
    const again = await buildWith(options(), workers)
    expect(again.ok && again.value.unchanged).toBe(true)
    expect(warmed).toEqual(['source/xiamen-2025.md'])
  })

  // The thread that writes the table of every fact loads its Parquet writer as it starts: a watch
  // starts it once its first build is done, for the first save not to wait for it.
  test('starts the thread of the table when the collection is large enough to ask for it', async () => {
    for (let note = 1; note < 50; note += 1) writeNote(`zz-note-${String(note).padStart(2, '0')}`)
    // Built before, so that the build itself asks for no table.
    expect((await build(options())).ok).toBe(true)
    const { workers, tables } = keptWorkers()
    expect((await buildWith(options(), workers)).ok).toBe(true)
    await vi.waitFor(() => expect(tables.asked).toBe(1))
  })

  test('and not for a smaller one', async () => {
    expect((await build(options())).ok).toBe(true)
    const { workers, tables } = keptWorkers()
    expect((await buildWith(options(), workers)).ok).toBe(true)
    await import('../src/build/stage-site.js')
    await new Promise((resolve) => setImmediate(resolve))
    expect(tables.asked).toBe(0)
  })
})
