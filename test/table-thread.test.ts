import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { insertedMidway, writeCorpus } from '../bench/corpus.mjs'
import { build, type BuildOptions } from '../src/index.js'
import { buildWith } from '../src/build/build.js'
import { lastingRunner, tableThread } from '../src/build/unit-pool.js'
import { snapshot } from './helpers/snapshot.js'

// A collection of 60 reports: enough for its table of every fact to be written on a thread of its
// own while the build's thread makes the series (see stageDataset), which must write the same bytes.
describe('the table of every fact written on a thread of its own', { timeout: 120_000 }, () => {
  let cwd: string
  const at = (file: string) => path.join(cwd, file)
  const onThread = 'tables of every fact, on a thread of their own'

  const options = (extra: BuildOptions = {}): BuildOptions => ({ cwd, cacheFolder: at('cache'), threads: 2, ...extra })
  /** Build incrementally into dist/ on threads, cold into cold/ in the build's thread alone, and the steps of the first. */
  const bothBuilds = async () => {
    const incremental = await build(options())
    const cold = await build(options({ out: 'cold', cache: false, cacheFolder: at('cold-cache'), threads: 0 }))
    expect(cold.ok && cold.value.steps.map((step) => step.step)).toContain('tables of every fact')
    return {
      steps: incremental.ok ? incremental.value.steps.map((step) => step.step) : [],
      incremental: snapshot(at('dist')),
      cold: snapshot(at('cold'))
    }
  }
  const insert = (file: string, sentence: string) =>
    writeFileSync(at(file), insertedMidway(readFileSync(at(file), 'utf8'), sentence))

  beforeAll(() => {
    cwd = mkdtempSync(path.join(tmpdir(), 'factmark-table-thread-'))
    writeCorpus(at('source'), 60)
  })
  afterAll(() => rmSync(cwd, { recursive: true, force: true }))

  test('in a cold build', async () => {
    const { steps, incremental, cold } = await bothBuilds()
    expect(steps).toContain(onThread)
    expect(Object.keys(incremental)).toContain('facts.parquet')
    expect(incremental).toEqual(cold)
  })

  test('after a sentence is put in the middle of a report, moving its figures', async () => {
    insert('source/report-00030.md', '这是放在报告中间的一句话。')
    const { steps, incremental, cold } = await bothBuilds()
    expect(steps).toContain('compile 1 report, take 59 from earlier builds')
    expect(steps).toContain(onThread)
    expect(incremental).toEqual(cold)
  })

  test('after the rows two other reports keep in the cache were cut short: those are compiled again to keep them', async () => {
    const rows = readdirSync(at('cache'), { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith('.rows.json')
    )
    const unedited = rows.filter((file) => readFileSync(at(`cache/${file}`), 'utf8').startsWith('[["xiamen-2025-0001'))
    expect(unedited.length).toBeGreaterThanOrEqual(2)
    for (const file of unedited.slice(0, 2)) writeFileSync(at(`cache/${file}`), '[["xiamen')
    insert('source/report-00030.md', '这是又一句放在中间的话。')
    const { steps, incremental, cold } = await bothBuilds()
    expect(steps).toContain(onThread)
    expect(incremental).toEqual(cold)
    for (const file of unedited.slice(0, 2))
      expect(readFileSync(at(`cache/${file}`), 'utf8')).toMatch(/^\[\["xiamen-2025-0001.*\]\]$/s)
  })

  test("a watch's lasting thread keeps the cells of its last table, and reads again the rows of the reports that changed", async () => {
    const workers = lastingRunner(2)
    expect(workers).toBeDefined()
    try {
      for (const [file, sentence] of [
        ['source/report-00040.md', '这是又一句放在中间的话。'],
        ['source/report-00041.md', '这也是放在中间的话。'],
        ['source/report-00040.md', '这句放在中间,第三次。']
      ] as const) {
        insert(file, sentence)
        const incremental = await buildWith(options(), workers)
        expect(incremental.ok && incremental.value.steps.map((step) => step.step)).toContain(onThread)
        const cold = await build(options({ out: 'cold', cache: false, cacheFolder: at('cold-cache'), threads: 0 }))
        expect(cold.ok).toBe(true)
        expect(snapshot(at('dist'))).toEqual(snapshot(at('cold')))
      }
    } finally {
      await workers?.close()
    }
  })

  test("a collection too large to hold whose facts moved: the table is written in the build's thread", async () => {
    insert('source/report-00042.md', '这句放在中间,集合太大。')
    const built = await build(options({ factsHeld: 1000 }))
    const steps = built.ok ? built.value.steps.map((step) => step.step) : []
    expect(steps).toContain('tables of every fact')
    expect(steps).toContain('rules across reports')
    const cold = await build(options({ out: 'cold', cache: false, cacheFolder: at('cold-cache'), threads: 0 }))
    expect(cold.ok).toBe(true)
    expect(snapshot(at('dist'))).toEqual(snapshot(at('cold')))
  })

  test('nothing changed: the table is taken as it stands, and no thread is started for it', async () => {
    writeFileSync(at('source/report-00001.md'), `${readFileSync(at('source/report-00001.md'), 'utf8')}\n`)
    const again = await build(options())
    expect(again.ok && again.value.steps.map((step) => step.step)).toContain('tables of every fact')
  })
})

test('a table thread that stopped between tasks refuses the next at once, rather than leave it waiting', async () => {
  const writer = tableThread()
  expect(writer).toBeDefined()
  await writer?.close()
  await expect(writer?.write({ root: tmpdir(), unitFiles: [] })).rejects.toThrow(
    /^the thread writing the table stopped \(\d+\)$/
  )
})
