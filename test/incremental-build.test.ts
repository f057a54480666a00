import { execFile, execFileSync } from 'node:child_process'
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { codeDigest, folderDigest } from '../src/cache/factmark-digest.js'
import { buildWith } from '../src/build/build.js'
import { readRecord } from '../src/build/build-record.js'
import type { BuildProgress } from '../src/build/build-progress.js'
import type { Diagnostic } from '../src/model/compiled.js'
import { lastingRunner } from '../src/build/unit-pool.js'
import { pruneCache } from '../src/cache/prune-cache.js'
import { build, type BuildOptions } from '../src/index.js'
import { writeCollectionProject } from './helpers/collection.js'
import { snapshot } from './helpers/snapshot.js'

// A build that reuses its cache must write exactly what a cold build of the same sources writes,
// whatever changed since the last one.

let cwd: string
const at = (file: string) => path.join(cwd, file)

function options(extra: BuildOptions = {}): BuildOptions {
  return { cwd, cacheFolder: at('cache'), threads: 0, ...extra }
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>

/** Build incrementally into dist/, cold into cold/, and the two trees. */
async function bothBuilds(): Promise<{ incremental: Record<string, string>; cold: Record<string, string> }> {
  const incremental = await build(options())
  expect(incremental.ok).toBe(true)
  const cold = await build(options({ out: 'cold', cache: false, cacheFolder: at('cold-cache') }))
  expect(cold.ok).toBe(true)
  return { incremental: snapshot(at('dist')), cold: snapshot(at('cold')) }
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(at(file), 'utf8')
  expect(text).toContain(from)
  writeFileSync(at(file), text.replace(from, to))
}

/** A figure of the 2024 fact sheet changed, its length kept: 2.34 -> 2.35. */
const changeFigure = () =>
  edit(
    'source/xiamen-2024-fact-sheet.md',
    ':fact[2.34]{metric=air.aqi_composite}',
    ':fact[2.35]{metric=air.aqi_composite}'
  )

beforeEach(async () => {
  cwd = mkdtempSync(path.join(tmpdir(), 'factmark-incremental-'))
  writeCollectionProject(cwd)
  expect((await build(options())).ok).toBe(true)
})
afterEach(() => rmSync(cwd, { recursive: true, force: true }))

describe('an incremental build is byte-identical to a cold one', () => {
  test.each<[string, () => void]>([
    [
      'a sentence added to a report',
      () => edit('source/xiamen-2025.md', '生态环境质量稳定向好。', '生态环境质量稳定向好。本句为测试所加。')
    ],
    ['a figure changed', changeFigure],
    [
      'a report added',
      () =>
        writeFileSync(
          at('source/xiamen-2024-copy.md'),
          readFileSync(at('source/xiamen-2024-targets.md'), 'utf8').replace(
            'slug: xiamen-2024-targets',
            'slug: xiamen-2024-copy'
          )
        )
    ],
    // The series pages name the reports they cite by their titles.
    [
      'a report retitled',
      () =>
        edit('source/xiamen-2024-fact-sheet.md', 'title: 厦门市2024年生态环境主要指标', 'title: 厦门市2024年主要指标')
    ],
    // The 2025 page draws the 2024 levels of the fact sheet: without it, the page changes too.
    ['a report deleted', () => rmSync(at('source/xiamen-2024-fact-sheet.md'))],
    ['a report renamed', () => renameSync(at('source/xiamen-2023-fact-sheet.md'), at('source/2023.md'))],
    [
      'a metric of the registry relabelled',
      () => edit('source/metrics.yaml', '空气质量综合指数', '环境空气质量综合指数')
    ],
    [
      'a published file changed by hand',
      () =>
        writeFileSync(at('dist/xiamen-2025/index.html'), readFileSync(at('dist/xiamen-2025/index.html'), 'utf8') + ' ')
    ],
    ['a published file deleted by hand', () => rmSync(at('dist/series/air.aqi_composite.html'))]
  ])('after %s', async (_, change) => {
    change()
    const { incremental, cold } = await bothBuilds()
    expect(incremental).toEqual(cold)
  })

  test('after the cache is lost', async () => {
    rmSync(at('cache'), { recursive: true })
    const { incremental, cold } = await bothBuilds()
    expect(incremental).toEqual(cold)
  })

  test('with reports compiled on worker threads', async () => {
    const threaded = await build(
      options({ out: 'threaded', cache: false, cacheFolder: at('thread-cache'), threads: 2 })
    )
    expect(threaded.ok && threaded.value.steps.map((step) => step.step)).toContain('compile 4 reports on 2 threads')
    expect(snapshot(at('threaded'))).toEqual(snapshot(at('dist')))
  })

  // The units are all kept, but no file stands in the output folder, nor in the tree a build
  // stages into (see the spare): every report compiles, on threads.
  const siteFiles = ['series/index.json', 'series/air.aqi_composite.html', 'catalog.json', 'facts.csv', 'facts.parquet']
  const siteInodes = () => siteFiles.map((file) => statSync(at(`dist/${file}`)).ino)
  test.each([
    { what: 'with the output folder deleted, over the cache kept', spareKept: false },
    // The files of the tree the last build replaced are checked against the units, and kept; so
    // are the site's own files, checked against the record: the first build's spare is links to them.
    { what: 'with the output folder deleted, and the tree it replaced kept', spareKept: true }
  ])('$what', async ({ spareKept }) => {
    const published = siteInodes()
    rmSync(at('dist'), { recursive: true })
    if (!spareKept) rmSync(at('cache/spare'), { recursive: true })
    const reports = readdirSync(at('source')).filter((name) => name.endsWith('.md')).length
    const again = await build(options({ threads: 2 }))
    expect(again.ok && again.value.steps.map((step) => step.step)).toContain(
      spareKept ? `compile 0 reports, take ${reports} from earlier builds` : `compile ${reports} reports on 2 threads`
    )
    const taken = siteInodes().map((inode, index) => inode === published[index])
    expect(taken).toEqual(siteFiles.map(() => spareKept))
    // Nothing stood to be edited by hand: the manifest gone with the folder is not named.
    expect(again.ok && again.value.modified).toEqual([])
    const cold = await build(options({ out: 'cold', cache: false, cacheFolder: at('cold-cache') }))
    expect(cold.ok).toBe(true)
    expect(snapshot(at('dist'))).toEqual(snapshot(at('cold')))
  })

  // The tree the last build replaced holds the files it wrote anew too, as links: a checkout of
  // the same sources (new files, new times), without the output folder, takes every file from it.
  test('with the output folder deleted after builds that wrote files anew, and the tree they replaced kept', async () => {
    edit('source/xiamen-2025.md', '\n构建从山顶到海洋', '\n本句为测试所加。构建从山顶到海洋')
    expect((await build(options())).ok).toBe(true)
    edit('source/xiamen-2025.md', '本句为测试所加。', '本句为测试所加,又一句。')
    expect((await build(options())).ok).toBe(true)
    const published = siteInodes()
    rmSync(at('dist'), { recursive: true })
    for (const name of readdirSync(at('source'))) {
      const file = at(`source/${name}`)
      const text = readFileSync(file)
      rmSync(file)
      writeFileSync(file, text)
    }
    const reports = readdirSync(at('source')).filter((name) => name.endsWith('.md')).length
    const again = await build(options())
    expect(again.ok && again.value.steps.map((step) => step.step)).toContain(
      `compile 0 reports, take ${reports} from earlier builds`
    )
    expect(siteInodes()).toEqual(published)
    const cold = await build(options({ out: 'cold', cache: false, cacheFolder: at('cold-cache') }))
    expect(cold.ok).toBe(true)
    expect(snapshot(at('dist'))).toEqual(snapshot(at('cold')))
  })

  // A file of the tree kept that is not what the record says (its size kept) is not taken: the
  // series, or the table of every fact, are made again.
  test.each(['series/air.aqi_composite.html', 'facts.csv'])(
    'with the output folder deleted, and %s of the tree it replaced changed',
    async (file) => {
      rmSync(at('dist'), { recursive: true })
      const [spare] = readdirSync(at('cache/spare'))
      const kept = at(`cache/spare/${spare ?? ''}/${file}`)
      const text = readFileSync(kept, 'utf8')
      expect(text).toContain('2024')
      writeFileSync(kept, text.replace('2024', '2042'))
      const again = await build(options())
      expect(again.ok).toBe(true)
      const cold = await build(options({ out: 'cold', cache: false, cacheFolder: at('cold-cache') }))
      expect(cold.ok).toBe(true)
      expect(snapshot(at('dist'))).toEqual(snapshot(at('cold')))
      expect(readdirSync(at('dist'))).not.toContain('.factmark-held')
    }
  )

  // As watch keeps them: the reports to compile go to the threads while the others are linked.
  test('with threads kept from build to build, after an edit and a published file changed by hand', async () => {
    const workers = lastingRunner(2)
    expect(workers?.threads).toBe(2)
    try {
      expect((await buildWith(options(), workers)).ok).toBe(true)
      edit('source/xiamen-2025.md', '生态环境质量稳定向好。', '生态环境质量稳定向好。本句为测试所加。')
      writeFileSync(at('dist/xiamen-2024-targets/facts.json'), '{}')
      const again = await buildWith(options(), workers)
      // The edited report, and the one whose published file no longer stands as written.
      expect(again.ok && again.value.steps.map((step) => step.step)).toContain(
        'compile 2 reports on 2 threads, take 2 from earlier builds'
      )
      expect(again.ok && again.value.modified).toEqual(['xiamen-2024-targets/facts.json'])
    } finally {
      await workers?.close()
    }
    const cold = await build(options({ out: 'cold', cache: false, cacheFolder: at('cold-cache') }))
    expect(cold.ok).toBe(true)
    expect(snapshot(at('dist'))).toEqual(snapshot(at('cold')))
  })
})

describe('the cache', () => {
  const summaries = () =>
    readdirSync(at('cache/units'), { recursive: true }).filter((name) => String(name).endsWith('.summary.json'))

  test('lets go of what the last build no longer uses, and builds the same after', async () => {
    changeFigure()
    expect((await build(options())).ok).toBe(true)
    expect(summaries()).toHaveLength(5)
    expect(readdirSync(at('cache/tables'))).toHaveLength(2)
    // Two hours on: the fact sheet's unit before the change (six files), the conclusions about
    // the collection then, those about each of its metrics and what each was made of, and the
    // row group of its table of every fact.
    expect(pruneCache(at('cache'), { now: Date.now() + 2 * 60 * 60 * 1000, every: 0 })?.files).toBe(10)
    expect(summaries()).toHaveLength(4)
    expect(readdirSync(at('cache/across')).map((name) => name.replace(/^[0-9a-f]{64}/, '…'))).toEqual([
      '….inputs.json',
      '….json',
      '….metrics.json'
    ])
    expect(readdirSync(at('cache/tables'))).toHaveLength(1)
    const again = await build(options())
    expect(again.ok && again.value.unchanged).toBe(true)
    // The figure as it was: compiled again, and the site as a cold build writes it.
    edit('source/xiamen-2024-fact-sheet.md', ':fact[2.35]', ':fact[2.34]')
    const { incremental, cold } = await bothBuilds()
    expect(incremental).toEqual(cold)
    expect(summaries()).toHaveLength(5)
  })

  test('lets go of the record of an output folder that is gone, and of the tree its build replaced', async () => {
    expect((await build(options({ out: 'preview' }))).ok).toBe(true)
    // Each folder's record, what its build said, and what the record uses of the cache.
    expect(readdirSync(at('cache/builds'))).toHaveLength(6)
    expect(readdirSync(at('cache/spare'))).toHaveLength(2)
    rmSync(at('preview'), { recursive: true })
    const later = { now: Date.now() + 2 * 60 * 60 * 1000, every: 0 }
    expect(pruneCache(at('cache'), later)).toMatchObject({ files: 3, records: 1, trees: 1 })
    expect(readdirSync(at('cache/builds'))).toHaveLength(3)
    expect(readdirSync(at('cache/spare'))).toHaveLength(1)
    const again = await build(options())
    expect(again.ok && again.value.unchanged).toBe(true)
  })

  test('is pruned by a build at most once an hour', async () => {
    const marker = statSync(at('cache/pruned')).mtimeMs
    changeFigure()
    expect((await build(options())).ok).toBe(true)
    expect(statSync(at('cache/pruned')).mtimeMs).toBe(marker)
    expect(summaries()).toHaveLength(5)
  })
})

describe('a build with nothing changed', () => {
  test('writes nothing and says so', async () => {
    const before = statSync(at('dist/xiamen-2025/index.html'))
    const outcome = await build(options())
    expect(outcome.ok && outcome.value.unchanged).toBe(true)
    expect(outcome.ok && outcome.value.result.factCount).toBe(177)
    expect(statSync(at('dist/xiamen-2025/index.html')).ino).toBe(before.ino)
    expect(statSync(at('dist/xiamen-2025/index.html')).mtimeMs).toBe(before.mtimeMs)
  })

  test('still gives the notes of the last build', async () => {
    const first = await build(options({ out: 'again', cacheFolder: at('again-cache') }))
    const second = await build(options({ out: 'again', cacheFolder: at('again-cache') }))
    expect(second.ok && second.value.unchanged).toBe(true)
    expect(second.ok && second.value.result.diagnostics).toEqual(first.ok && first.value.result.diagnostics)
    expect(second.ok && second.value.result.infoCount).toBe(6)
  })

  // What a build said is kept apart from its record (see readRecordedResult).
  test.each<[string, (file: string) => void]>([
    ['lost from the cache', (file) => rmSync(file)],
    ['left by another build', (file) => writeFileSync(file, JSON.stringify({ ...readJson(file), name: 'other' }))]
  ])('with what the last build said %s, builds again from the cache and says it', async (_, lose) => {
    const first = await build(options({ out: 'again', cacheFolder: at('again-cache') }))
    const [said] = readdirSync(at('again-cache/builds')).filter((file) => file.endsWith('.result.json'))
    lose(at(`again-cache/builds/${String(said)}`))
    const second = await build(options({ out: 'again', cacheFolder: at('again-cache') }))
    expect(second.ok && second.value.unchanged).toBe(false)
    expect(second.ok && second.value.result.diagnostics).toEqual(first.ok && first.value.result.diagnostics)
    const third = await build(options({ out: 'again', cacheFolder: at('again-cache') }))
    expect(third.ok && third.value.unchanged).toBe(true)
  })

  test('fails with --strict when the last build had warnings', async () => {
    edit('source/xiamen-2025.md', '生态环境质量稳定向好。', '生态环境质量稳定向好,新增12个。')
    expect((await build(options())).ok).toBe(true)
    const strict = await build(options({ strict: true }))
    expect(strict).toMatchObject({
      ok: false,
      error: { reason: 'invalid', message: 'the sources have 1 warning (--strict)' }
    })
  })

  test('is a cold build with the cache turned off: every file written anew', async () => {
    const before = statSync(at('dist/xiamen-2025/index.html'))
    const outcome = await build(options({ cache: false }))
    expect(outcome.ok && outcome.value.unchanged).toBe(false)
    expect(statSync(at('dist/xiamen-2025/index.html')).ino).not.toBe(before.ino)
  })
})

test('a report with an error is not published, and fixing it publishes it again', async () => {
  const before = snapshot(at('dist'))
  copyFileSync(at('source/xiamen-2025.md'), at('kept.md'))
  edit('source/xiamen-2025.md', '{metric=air.pm10}', '{metric=air.pm100}')
  expect(await build(options())).toMatchObject({ ok: false, error: { reason: 'invalid' } })
  expect(snapshot(at('dist'))).toEqual(before)
  copyFileSync(at('kept.md'), at('source/xiamen-2025.md'))
  const outcome = await build(options())
  expect(outcome.ok && outcome.value.unchanged).toBe(true)
})

describe('a build that stages into the tree the last one replaced', () => {
  const spare = () => path.join(at('cache'), 'spare')
  const sentence = (text: string) =>
    edit('source/xiamen-2025.md', '生态环境质量稳定向好。', `生态环境质量稳定向好。${text}`)

  // The first build of beforeEach had no tree to replace, and kept links to its own files; the
  // second stages into those and keeps the first's tree as the spare.
  beforeEach(async () => {
    sentence('第一句。')
    expect((await build(options())).ok).toBe(true)
    expect(readdirSync(spare())).toHaveLength(1)
  })

  test.each<[string, () => void]>([
    ['a sentence added', () => sentence('第二句。')],
    ['a report deleted', () => rmSync(at('source/xiamen-2024-fact-sheet.md'))],
    ['a published file changed by hand', () => writeFileSync(at('dist/xiamen-2024-targets/facts.json'), '{}')],
    // The staged tree still holds the file it replaced, which is what the record says was written.
    [
      'a published file replaced by another by hand',
      () => {
        rmSync(at('dist/xiamen-2024-targets/facts.json'))
        writeFileSync(at('dist/xiamen-2024-targets/facts.json'), '{}')
      }
    ]
  ])('writes what a cold build writes, after %s', async (_, change) => {
    change()
    const { incremental, cold } = await bothBuilds()
    expect(incremental).toEqual(cold)
  })

  test('never writes through a file it shares with the published tree: a build stopped once staged leaves it as it was', async () => {
    sentence('第二句。')
    expect((await build(options())).ok).toBe(true)
    const before = snapshot(at('dist'))
    // A figure changed: a report, its page, the series and the site's tables are staged anew into
    // the spare, whose files are mostly links to the published ones; then the build is stopped.
    changeFigure()
    const stopped = build(
      options({
        onPublishStep: (step) => {
          if (step === 'staged') throw new Error('stopped')
        }
      })
    )
    await expect(stopped).rejects.toThrow('stopped')
    expect(snapshot(at('dist'))).toEqual(before)
  })

  // The files it took from dist/ are recorded with their times as they stand: were they not, the
  // next build would take them for changed by hand, and write them again.
  test('takes the other reports’ files as they stand, build after build', async () => {
    const inode = () => statSync(at('dist/xiamen-2024-targets/facts.json')).ino
    const first = inode()
    sentence('第二句。')
    expect((await build(options())).ok).toBe(true)
    sentence('第三句。')
    expect((await build(options())).ok).toBe(true)
    expect(inode()).toBe(first)
    const again = await build(options())
    expect(again.ok && again.value.unchanged).toBe(true)
  })

  test('a first build, with no tree to replace, keeps links to the files it published as the spare', async () => {
    rmSync(at('dist'), { recursive: true })
    rmSync(spare(), { recursive: true })
    expect((await build(options())).ok).toBe(true)
    const [tree] = readdirSync(spare())
    const published = snapshot(at('dist'))
    expect(snapshot(path.join(spare(), tree ?? ''))).toEqual(published)
    for (const file of Object.keys(published))
      expect([file, statSync(path.join(spare(), tree ?? '', file)).ino]).toEqual([
        file,
        statSync(at(`dist/${file}`)).ino
      ])
  })

  test('a cold build stages into an empty folder and keeps no spare', async () => {
    rmSync(spare(), { recursive: true })
    expect((await build(options({ cache: false }))).ok).toBe(true)
    expect(existsSync(spare())).toBe(false)
  })
})

describe('a build interrupted while staging', () => {
  // The child builds from the compiled library, as the command line does, and kills itself once
  // every report is staged: no cleanup code runs, as when an impatient user or the machine stops it.
  const child = `
    const { build } = await import(${JSON.stringify(fileURLToPath(new URL('../lib/build/build.js', import.meta.url)))})
    const [cacheFolder, killedAt] = process.argv.slice(1)
    await build({ cacheFolder, threads: 0, onPublishStep: (step) => {
      if (step === killedAt) process.kill(process.pid, 'SIGKILL')
    } })
  `
  const reports = () => readdirSync(at('source')).filter((name) => name.endsWith('.md')).length
  const leftovers = () => readdirSync(cwd).filter((name) => name.startsWith('.dist'))

  /** A cold build of every report, killed after a step of publishing (see publishSteps). */
  async function killedAfter(step: string): Promise<void> {
    rmSync(at('dist'), { recursive: true })
    rmSync(at('cache'), { recursive: true })
    const killed = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', child, at('cache'), step],
      { cwd }
    ).then(
      () => 'finished',
      (error: unknown) => (error as { signal?: string }).signal
    )
    expect(killed).toBe('SIGKILL')
  }

  /** A cold build of every report, killed once they are staged; the folder it was staging. */
  async function killedWhileStaging(): Promise<string> {
    await killedAfter('staged')
    const [staging] = leftovers().filter((name) => name.startsWith('.dist-new-'))
    expect(staging).toBeDefined()
    return at(staging as string)
  }

  /** Change a character of a file, its size kept: a file cut short by a kill is caught by its size alone. */
  function changeKeepingSize(file: string): void {
    const text = readFileSync(file, 'utf8')
    expect(text).toContain('厦门市')
    writeFileSync(file, text.replace('厦门市', '厦门县'))
  }

  /** Nothing is left beside dist/, which holds what a cold build writes. */
  async function expectAsCold(): Promise<void> {
    expect(leftovers()).toEqual([])
    const cold = await build(options({ out: 'cold', cache: false, cacheFolder: at('cold-cache') }))
    expect(cold.ok).toBe(true)
    expect(snapshot(at('dist'))).toEqual(snapshot(at('cold')))
  }

  /** Build into dist/, and the step that compiled. */
  async function nextBuild(extra: BuildOptions = {}): Promise<string | undefined> {
    const steps: string[] = []
    const next = await build(
      options({
        ...extra,
        onProgress: (told) => {
          if (told.kind === 'step') steps.push(told.step.step)
        }
      })
    )
    expect(next.ok).toBe(true)
    return steps.find((step) => step.startsWith('compile'))
  }

  test('the next build takes from its tree the files of the reports it compiled, checked, and writes what a cold build writes', async () => {
    const staging = await killedWhileStaging()
    // A report it had not staged yet, and a file of another that is not what its report's unit says.
    rmSync(path.join(staging, 'xiamen-2024-targets'), { recursive: true })
    changeKeepingSize(path.join(staging, 'xiamen-2023-fact-sheet/facts.csv'))
    expect(await nextBuild()).toBe(`compile 2 reports, take ${reports() - 2} from earlier builds`)
    await expectAsCold()
  })

  test('killed once it published, before it recorded what it wrote: the next build takes the published files, checked', async () => {
    await killedAfter('published')
    expect(existsSync(at('dist/manifest.json'))).toBe(true)
    // A published file that is not what its report's unit says: that report compiles again.
    changeKeepingSize(at('dist/xiamen-2024-targets/facts.csv'))
    expect(await nextBuild()).toBe(`compile 1 report, take ${reports() - 1} from earlier builds`)
    await expectAsCold()
  })

  test('a build that may not use the cache removes the tree and compiles every report', async () => {
    await killedWhileStaging()
    expect(await nextBuild({ cache: false })).toBe(`compile ${reports()} reports`)
    expect(leftovers()).toEqual([])
    expect(existsSync(path.join(at('cache'), 'spare'))).toBe(false)
  })
})

describe('the series', () => {
  const series = ['series/index.json', 'series/air.aqi_composite.json', 'series/air.aqi_composite.html']
  const inodes = () => series.map((file) => statSync(at(`dist/${file}`)).ino)

  test('are taken as they are when no published fact, title or order changed', async () => {
    const before = inodes()
    // At the end, so that no fact moves (a series gives where each of its facts stands).
    writeFileSync(
      at('source/xiamen-2025.md'),
      `${readFileSync(at('source/xiamen-2025.md'), 'utf8')}\n本句为测试所加。\n`
    )
    expect((await build(options())).ok).toBe(true)
    expect(inodes()).toEqual(before)
  })

  const twoSeries = [
    'series/air.aqi_composite.json',
    'series/air.aqi_composite.html',
    'series/standards.local_standards.json',
    'series/standards.local_standards.html'
  ]
  // The key each file of two series was made under: a file whose key is the same was taken as it was, not made again.
  const keysOf = () => twoSeries.map((file) => readRecord(at('cache'), at('dist'))?.files[file]?.key)

  test('are written anew, after an edit in the middle of a report, only where its facts moved', async () => {
    // Elsewhere: air.aqi_composite (line 45). After the edit, on its line: standards.local_standards (line 97).
    const before = keysOf()
    const files = () => twoSeries.map((file) => statSync(at(`dist/${file}`)).ino)
    const was = files()
    expect(before.every((key) => key !== undefined)).toBe(true)
    edit('source/xiamen-2025.md', '\n构建从山顶到海洋', '\n本句为测试所加。构建从山顶到海洋')
    const { incremental, cold } = await bothBuilds()
    expect(incremental).toEqual(cold)
    // Both files of the series whose facts moved are keyed by what it is made of now; its JSON
    // is written anew, and its page, which does not say where its facts stand, taken as it is.
    expect(keysOf().map((key, index) => key === before[index])).toEqual([true, true, false, false])
    expect(files().map((ino, index) => ino === was[index])).toEqual([true, true, false, true])
    const column = (text: string) => /"line": 97,\s*"column": (\d+)/.exec(text)?.[1]
    expect(Number(column(readFileSync(at('dist/series/standards.local_standards.json'), 'utf8')))).toBeGreaterThan(8)
  })

  test('are written anew when a figure changed', async () => {
    const before = inodes()
    changeFigure()
    expect((await build(options())).ok).toBe(true)
    expect(inodes().map((ino, at) => ino === before[at])).toEqual([false, false, false])
    expect(readFileSync(at('dist/series/air.aqi_composite.json'), 'utf8')).toContain('"text": "2.35"')
  })

  test('are made again when a figure changed, only those of its metric', async () => {
    const before = keysOf()
    expect(before.every((key) => key !== undefined)).toBe(true)
    changeFigure()
    const { incremental, cold } = await bothBuilds()
    expect(incremental).toEqual(cold)
    expect(keysOf().map((key, index) => key === before[index])).toEqual([false, false, true, true])
  })
})

describe('the rules across reports', () => {
  const summaries = (folder: string): string[] =>
    readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.summary.json'))

  // An edit that moves no figure reads no report's facts, even when it adds a message of the report's own.
  test.each([
    ['a sentence', '本句为测试所加。', []],
    ['a sentence with an untagged figure', '本句为测试所加,共3句。', ['untagged-figure']]
  ])(
    'are taken as the last build of the same collection concluded them, after %s added at the end of a report',
    async (_, sentence, added) => {
      const rules = async () => {
        const built = await build(options())
        expect(built.ok).toBe(true)
        return built.ok ? built.value.result.diagnostics.map((diagnostic) => diagnostic.ruleId) : []
      }
      expect(await rules()).not.toContain('untagged-figure')
      writeFileSync(at('source/xiamen-2025.md'), `${readFileSync(at('source/xiamen-2025.md'), 'utf8')}\n${sentence}\n`)
      // Only the edited report's summary is made again; the others' are gone, so a build that read them would fail.
      const kept = summaries(at('cache'))
      expect(kept.length).toBe(4)
      for (const file of kept) rmSync(path.join(at('cache'), file))
      expect((await rules()).filter((rule) => rule === 'untagged-figure')).toEqual(added)
      expect(summaries(at('cache')).length).toBe(1)
      const cold = await build(options({ out: 'cold', cache: false, cacheFolder: at('cold-cache') }))
      expect(cold.ok).toBe(true)
      expect(snapshot(at('dist'))).toEqual(snapshot(at('cold')))
    }
  )

  test('are taken metric by metric as the last build concluded them, but those of the metric whose figure changed', async () => {
    // A message put by hand among the last build's conclusions of two metrics: it is told again
    // only of the one whose facts are the same.
    const file = readdirSync(at('cache/across')).find((name) => name.endsWith('.metrics.json'))
    const memo = at(`cache/across/${file ?? ''}`)
    const kept = readJson(memo) as { metrics: Array<{ id: string; told: Array<[string, Diagnostic]> }> }
    const first = await build(options())
    const [like] = first.ok ? first.value.result.diagnostics : []
    expect(like).toBeDefined()
    for (const metric of kept.metrics)
      if (metric.id === 'air.aqi_composite' || metric.id === 'standards.local_standards')
        metric.told.push([like?.file ?? '', { ...(like as Diagnostic), message: `kept of ${metric.id}` }])
    writeFileSync(memo, JSON.stringify(kept))
    changeFigure()
    const built = await build(options())
    const told = built.ok ? built.value.result.diagnostics.map((diagnostic) => diagnostic.message) : []
    expect(told.filter((message) => message.startsWith('kept of'))).toEqual(['kept of standards.local_standards'])
  })

  // A message put by hand among the last build's conclusions of a metric, on a fact of the fact
  // sheet; then a paragraph is put before that fact, and a figure of another metric changed.
  test.each([
    ['where its fact stands now', true],
    ['no more once what its series is made of is lost: its metric is collected again', false]
  ])(
    'are taken metric by metric after the facts of a report moved: a message kept of one is told %s',
    async (_, inputsKept) => {
      const sheet = 'xiamen-2024-fact-sheet'
      type Place = Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'>
      const rank = () => {
        const { facts } = readJson(at(`dist/${sheet}/facts.json`)) as {
          facts: Array<{ metric: string; source: Place }>
        }
        const { line, column, endLine, endColumn } = facts.find((fact) => fact.metric === 'air.aqi_rank')
          ?.source as Place
        return { line, column, endLine, endColumn }
      }
      const was = rank()
      const file = readdirSync(at('cache/across')).find((name) => name.endsWith('.metrics.json'))
      const memo = at(`cache/across/${file ?? ''}`)
      const kept = readJson(memo) as { metrics: Array<{ id: string; told: Array<[string, Diagnostic]> }> }
      const first = await build(options())
      const [like] = first.ok ? first.value.result.diagnostics : []
      const shown = `source/${sheet}.md`
      const message = 'kept of air.aqi_rank'
      kept.metrics
        .find((metric) => metric.id === 'air.aqi_rank')
        ?.told.push([shown, { ...(like as Diagnostic), file: shown, ...was, message }])
      writeFileSync(memo, JSON.stringify(kept))
      edit(`source/${sheet}.md`, '## 大气', '本表另加一段说明。\n\n## 大气')
      expect((await build(options())).ok).toBe(true)
      if (!inputsKept) rmSync(memo.replace(/\.metrics\.json$/, '.inputs.json'))
      changeFigure()
      const built = await build(options())
      const told = built.ok ? built.value.result.diagnostics.filter((diagnostic) => diagnostic.message === message) : []
      const now = rank()
      expect(now).toEqual({ ...was, line: was.line + 2, endLine: was.endLine + 2 })
      expect(told.map(({ line, column, endLine, endColumn }) => ({ line, column, endLine, endColumn }))).toEqual(
        inputsKept ? [now] : []
      )
      const cold = await build(options({ out: 'cold', cache: false, cacheFolder: at('cold-cache') }))
      expect(cold.ok).toBe(true)
      expect(snapshot(at('dist'))).toEqual(snapshot(at('cold')))
    }
  )

  test('make again the series of a metric taken as the last build concluded it, when its files are written anew', async () => {
    changeFigure()
    rmSync(at('dist/series/standards.local_standards.json'))
    rmSync(at('dist/series/standards.local_standards.html'))
    const { incremental, cold } = await bothBuilds()
    expect(incremental).toEqual(cold)
  })

  test('are made again when a figure changed, and the reports whose summaries were lost from the cache are compiled again', async () => {
    for (const file of summaries(at('cache'))) rmSync(path.join(at('cache'), file))
    changeFigure()
    const { incremental, cold } = await bothBuilds()
    expect(incremental).toEqual(cold)
    // Three reports unchanged, whose summaries are kept again, and the one edited.
    expect(summaries(at('cache')).length).toBe(4)
  })

  /** The summary kept of the 2023 fact sheet, which prints the metric of the figure changed. */
  const otherSummary = () =>
    summaries(at('cache'))
      .map((file) => path.join(at('cache'), file))
      .find((file) => readFileSync(file, 'utf8').includes('"slug":"xiamen-2023-fact-sheet"')) as string
  const headOf = (summary: string) => summary.replace(/\.summary\.json$/, '.head.json')
  const byMetricOf = (summary: string) => summary.replace(/\.summary\.json$/, '.by-metric')
  /** The steps of a build, and whether it wrote what a cold build writes. */
  const stepsAndCold = async () => {
    const steps: string[] = []
    const onProgress = (event: BuildProgress) => {
      if (event.kind === 'step') steps.push(event.step.step)
    }
    const built = await build(options({ onProgress }))
    expect(built.ok).toBe(true)
    const cold = await build(options({ out: 'cold', cache: false, cacheFolder: at('cold-cache') }))
    expect(cold.ok).toBe(true)
    expect(snapshot(at('dist'))).toEqual(snapshot(at('cold')))
    return steps
  }

  test.each([
    ['not JSON', '{"report'],
    ['JSON, but no summary', '{"bundle":null}']
  ])(
    'are made again when a figure changed, and a report whose kept summary and its head are %s is compiled again',
    async (_, damaged) => {
      const other = otherSummary()
      writeFileSync(other, damaged)
      writeFileSync(headOf(other), damaged)
      changeFigure()
      // The edited report, then the one whose summary was damaged, found as the rules read it.
      expect((await stepsAndCold())[2]).toBe('compile 1 report, take 3 from earlier builds')
      expect(readJson(other)['bundle']).toMatchObject({ report: { slug: 'xiamen-2023-fact-sheet' } })
      expect(readJson(headOf(other))['report']).toMatchObject({ slug: 'xiamen-2023-fact-sheet' })
    }
  )

  test.each<[string, (summary: string) => void]>([
    ['its head is lost', (summary) => rmSync(headOf(summary))],
    ['its head is no head', (summary) => writeFileSync(headOf(summary), '{"report":null}')],
    ['its facts by metric are lost', (summary) => rmSync(byMetricOf(summary))],
    [
      'its facts by metric were changed',
      (summary) =>
        writeFileSync(byMetricOf(summary), readFileSync(byMetricOf(summary), 'utf8').replace(/2\.\d\d/g, '9.99'))
    ]
  ])('are made again when a figure changed, from the summary of a report when %s', async (_, damage) => {
    damage(otherSummary())
    changeFigure()
    expect((await stepsAndCold())[2]).toBe('compile 1 report, take 3 from earlier builds')
  })
})

test('a unit kept in the cache that is JSON but no unit is compiled again', async () => {
  // Built in processes of their own, as the command line builds: this one keeps the last build's
  // units in memory, and builds with factmark's sources, whose digest is not the library's.
  const library = JSON.stringify(fileURLToPath(new URL('../lib/build/build.js', import.meta.url)))
  const child = `
    const { build } = await import(${library})
    const built = await build({ cacheFolder: process.argv[1], threads: 0 })
    console.log(built.ok ? built.value.steps.map((step) => step.step).join('\\n') : built.error.message)
  `
  const steps = async () =>
    (await promisify(execFile)(process.execPath, ['--input-type=module', '-e', child, at('cache')], { cwd })).stdout
  rmSync(at('dist'), { recursive: true })
  rmSync(at('cache'), { recursive: true })
  expect(await steps()).toContain('compile 4 reports\n')
  const heads = readdirSync(at('cache'), { recursive: true, encoding: 'utf8' })
    .filter((file) => /units\/[0-9a-f]{2}\/[0-9a-f]{64}\.json$/.test(file))
    .map((file) => path.join(at('cache'), file))
  expect(heads).toHaveLength(4)
  for (const [index, head] of heads.entries())
    writeFileSync(head, ['{"unit":5}', '{"unit":null}', '5', '{"unit":{}}'][index] as string)
  changeFigure()
  expect(await steps()).toContain('compile 4 reports\n')
  const cold = await build(options({ out: 'cold', cache: false, cacheFolder: at('cold-cache') }))
  expect(cold.ok).toBe(true)
  expect(snapshot(at('dist'))).toEqual(snapshot(at('cold')))
})

describe('a collection with more facts than a build holds at once', () => {
  // Made a group of metrics at a time, a few facts each, kept on disk meanwhile.
  test('gives the same site and the same messages, and leaves nothing on disk', async () => {
    const grouped = await build(
      options({ out: 'grouped', cache: false, cacheFolder: at('grouped-cache'), factsHeld: 5 })
    )
    const whole = await build(options({ out: 'cold', cache: false, cacheFolder: at('cold-cache') }))
    expect(grouped.ok && whole.ok).toBe(true)
    expect(snapshot(at('grouped'))).toEqual(snapshot(at('cold')))
    const messages = (built: typeof whole) => (built.ok ? built.value.result.diagnostics : [])
    expect(messages(grouped).length).toBeGreaterThan(0)
    expect(messages(grouped)).toEqual(messages(whole))
    expect(readdirSync(at('grouped-cache/spill'))).toEqual([])
  })

  test('is byte-identical after a figure changed, incremental or cold', async () => {
    changeFigure()
    expect((await build(options({ factsHeld: 5 }))).ok).toBe(true)
    const cold = await build(options({ out: 'cold', cache: false, cacheFolder: at('cold-cache') }))
    expect(cold.ok).toBe(true)
    expect(snapshot(at('dist'))).toEqual(snapshot(at('cold')))
  })
})

test('a report whose rows of the site’s table were lost from the cache is compiled again when the table changes', async () => {
  const rows = readdirSync(at('cache'), { recursive: true, encoding: 'utf8' }).filter((file) =>
    /\.rows\.(json|csv)$/.test(file)
  )
  expect(rows.length).toBe(8)
  for (const file of rows) rmSync(path.join(at('cache'), file))
  changeFigure()
  const { incremental, cold } = await bothBuilds()
  expect(incremental).toEqual(cold)
})

test.each([
  ['not JSON', '[{"metric'],
  ['JSON, but no rows', '{"rows":[]}']
])('a report whose rows kept in the cache are %s is compiled again when the table changes', async (_, damaged) => {
  const rows = readdirSync(at('cache'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.rows.json'))
    .map((file) => path.join(at('cache'), file))
  expect(rows).toHaveLength(4)
  // Of two reports that are not edited, whose rows the table reads again.
  const unedited = rows.filter((file) => !readFileSync(file, 'utf8').startsWith('[["xiamen-2024-fact-sheet"'))
  expect(unedited).toHaveLength(3)
  for (const file of unedited.slice(0, 2)) writeFileSync(file, damaged)
  changeFigure()
  const { incremental, cold } = await bothBuilds()
  expect(incremental).toEqual(cold)
  for (const file of unedited) expect(Array.isArray(readJson(file))).toBe(true)
})

// Two builds of one output folder, one of which read the record before the other published and
// recorded: the files the other wrote are not files modified by hand.
test('files another build published while this one ran are not told as modified since', async () => {
  const [name] = readdirSync(at('cache/builds')).filter((file) => /^[0-9a-f]{16}\.json$/.test(file))
  const recordFile = at(`cache/builds/${name ?? ''}`)
  const first = readFileSync(recordFile)
  /** The record another build wrote, which writes every file anew: the same bytes at another time. */
  const otherBuild = async () => {
    expect((await build(options({ cache: false }))).ok).toBe(true)
    const other = readFileSync(recordFile)
    expect(other.equals(first)).toBe(false)
    // This build reads the first record, as if it began before the other recorded.
    writeFileSync(recordFile, first)
    return other
  }
  const other = await otherBuild()
  let recorded = false
  const written = await build(
    options({
      onProgress: () => {
        if (!recorded) writeFileSync(recordFile, other)
        recorded = true
      }
    })
  )
  expect(written.ok && written.value.modified).toEqual([])
})

// A CI's cache beside the default one: each build of the folder with one cache follows a build
// with the other, which wrote every file anew.
describe('files another build with another cache published', () => {
  const otherCache = () => build(options({ cacheFolder: at('other-cache') }))

  test('are not told as modified by hand; a file edited since, whose size is not the one its manifest lists, is', async () => {
    expect((await otherCache()).ok).toBe(true)
    const told = await build(options())
    expect(told.ok && told.value.modified).toEqual([])
    // The other build of other sources: its manifest lists other files.
    changeFigure()
    expect((await otherCache()).ok).toBe(true)
    const changed = await build(options())
    expect(changed.ok && changed.value.modified).toEqual([])
    expect((await otherCache()).ok).toBe(true)
    writeFileSync(at('dist/xiamen-2024-targets/facts.json'), '{}')
    const edited = await build(options())
    expect(edited.ok && edited.value.modified).toEqual(['xiamen-2024-targets/facts.json'])
    const { incremental, cold } = await bothBuilds()
    expect(incremental).toEqual(cold)
  })

  test('a manifest edited by hand, the files beside it as written, is told', async () => {
    const manifest = at('dist/manifest.json')
    writeFileSync(manifest, `${readFileSync(manifest, 'utf8')}\n`)
    const told = await build(options())
    if (!told.ok) throw new Error(told.error.message)
    expect(told.value.modified).toEqual(['manifest.json'])
    expect(() => readJson(manifest)).not.toThrow()
  })
})

describe('a report known by its file’s stats', () => {
  const record = () => {
    const [file] = readdirSync(at('cache/builds')).filter((name) => /^[0-9a-f]{16}\.json$/.test(name))
    return JSON.parse(readFileSync(at(`cache/builds/${file ?? ''}`), 'utf8')) as { seen?: Record<string, unknown> }
  }

  test('is not read when nothing changed, and is read again after a change that kept its size and time', async () => {
    // Only files left alone for two seconds before a build are known by their stats.
    await new Promise((resolve) => setTimeout(resolve, 2100))
    edit('source/xiamen-2025.md', '生态环境质量稳定向好。', '生态环境质量稳定向好。本句为测试所加。')
    expect((await build(options())).ok).toBe(true)
    expect(Object.keys(record().seen ?? {}).map((file) => path.basename(file))).toEqual([
      'xiamen-2023-fact-sheet.md',
      'xiamen-2024-fact-sheet.md',
      'xiamen-2024-targets.md'
    ])
    // The same number of bytes, and the modification time put back to the nanosecond (as touch
    // can): only the change time, which no one can set, tells.
    const sheet = at('source/xiamen-2024-fact-sheet.md')
    const before = statSync(sheet, { bigint: true })
    changeFigure()
    const nanoseconds = String(before.mtimeNs % 1_000_000_000n).padStart(9, '0')
    execFileSync('touch', ['-m', '-d', `@${before.mtimeNs / 1_000_000_000n}.${nanoseconds}`, sheet])
    const after = statSync(sheet, { bigint: true })
    expect([after.size, after.mtimeNs, after.ino]).toEqual([before.size, before.mtimeNs, before.ino])
    const { incremental, cold } = await bothBuilds()
    expect(incremental).toEqual(cold)
    expect(readFileSync(at('dist/series/air.aqi_composite.json'), 'utf8')).toContain('"text": "2.35"')
  }, 20_000)
})

describe('a page that shows what another report publishes', () => {
  const page = () => readFileSync(at('dist/xiamen-2025/index.html'), 'utf8')
  const shown = '2024的值91.7%见《厦门市2024年生态环境主要指标》'

  test('changes when that report goes and comes back, though its own source did not', async () => {
    expect(page()).toContain(shown)
    const sheet = readFileSync(at('source/xiamen-2024-fact-sheet.md'))
    rmSync(at('source/xiamen-2024-fact-sheet.md'))
    expect((await build(options())).ok).toBe(true)
    expect(page()).not.toContain(shown)
    writeFileSync(at('source/xiamen-2024-fact-sheet.md'), sheet)
    expect((await build(options())).ok).toBe(true)
    expect(page()).toContain(shown)
  })

  // The page drawn again replaced the one the build had linked from the output folder: the record
  // once kept the linked file's stats with the new page's digest, and the next build took the old
  // page back from the tree it staged into.
  test('drawn again after that report changed, stays so in the builds that take it as it is', async () => {
    edit(
      'source/xiamen-2024-fact-sheet.md',
      ':fact[91.7%]{metric=sea.good_quality_area_ratio}',
      ':fact[91.6%]{metric=sea.good_quality_area_ratio}'
    )
    expect((await build(options())).ok).toBe(true)
    const drawn = '2024的值91.6%见《厦门市2024年生态环境主要指标》'
    expect(page()).toContain(drawn)
    const targets = at('source/xiamen-2024-targets.md')
    writeFileSync(targets, `${readFileSync(targets, 'utf8')}\n本段为新增。\n`)
    const { incremental, cold } = await bothBuilds()
    expect(page()).toContain(drawn)
    expect(incremental).toEqual(cold)
  })
})

// An editor saves a report while a build runs: the build must publish one version of it, whole,
// and the next build must know which. The page of 2025 is drawn again with the level the 2024
// sheet publishes, by a task that reads the report again after its other files were staged.
describe('a report saved again while the build uses it', () => {
  const seed = 'source/xiamen-2025.md'
  const changeSheet = () =>
    edit(
      'source/xiamen-2024-fact-sheet.md',
      ':fact[91.7%]{metric=sea.good_quality_area_ratio}',
      ':fact[91.6%]{metric=sea.good_quality_area_ratio}'
    )
  /** Add the next of `sentences` to the seed each time a report compiles, while there is one. */
  const savingWhileCompiled = (sentences: string[]) => (event: BuildProgress) => {
    const sentence = event.kind === 'compiled' ? sentences.shift() : undefined
    if (sentence !== undefined) edit(seed, '生态环境质量稳定向好。', `生态环境质量稳定向好。${sentence}`)
  }
  const compileSteps = (steps: ReadonlyArray<{ step: string }>) =>
    steps.map((step) => step.step).filter((step) => step.startsWith('compile '))

  test('starts over, and publishes the report as it was saved, every file of it', async () => {
    changeSheet()
    const built = await build(options({ onProgress: savingWhileCompiled(['本句在构建时保存。']) }))
    if (!built.ok) throw new Error(built.error.message)
    // The 2024 sheet, compiled by the first try, is taken from the tree it staged.
    expect(compileSteps(built.value.steps)).toEqual([
      'compile 1 report, take 3 from earlier builds',
      'compile 1 report, take 3 from earlier builds'
    ])
    for (const file of ['report.md', 'index.html'])
      expect(readFileSync(at(`dist/xiamen-2025/${file}`), 'utf8')).toContain('本句在构建时保存。')
    expect(readFileSync(at('dist/xiamen-2025/index.html'), 'utf8')).toContain('2024的值91.6%见')
    const again = await build(options())
    expect(again.ok && again.value.unchanged).toBe(true)
    const { incremental, cold } = await bothBuilds()
    expect(incremental).toEqual(cold)
  })

  test('saved on and on, fails after three tries and leaves the output folder as it was', async () => {
    const before = snapshot(at('dist'))
    changeSheet()
    const failed = await build(
      options({ onProgress: savingWhileCompiled(['第一次。', '第二次。', '第三次。', '第四次。']) })
    ).catch((error: unknown) => error)
    expect(failed).toMatchObject({
      code: 'FACTMARK_SAVED_AGAIN',
      message:
        'source/xiamen-2025.md was saved again while the build used it, after it was compiled: build again to publish it as it is now'
    })
    expect(snapshot(at('dist'))).toEqual(before)
    const { incremental, cold } = await bothBuilds()
    expect(incremental).toEqual(cold)
    expect(readFileSync(at('dist/xiamen-2025/report.md'), 'utf8')).toContain('第三次。')
  })
})

// An editor renames or removes a report while a build runs: the build reads the sources anew and
// publishes what stands then, where it failed and left the rename for the next build.
describe('a report renamed or removed while the build compiles', () => {
  const seed = 'source/xiamen-2025.md'
  /** Both reports changed, so that the 2025 report still waits to compile when the 2024 targets have. */
  const changeBoth = () => {
    edit(seed, '生态环境质量稳定向好。', '生态环境质量稳定向好。本句为测试所加。')
    edit('source/xiamen-2024-targets.md', '2024', '2024 ')
  }
  const once = (act: () => void) => {
    let done = false
    return (event: BuildProgress) => {
      if (event.kind !== 'compiled' || done) return
      done = true
      act()
    }
  }
  const compileSteps = (steps: ReadonlyArray<{ step: string }>) =>
    steps.map((step) => step.step).filter((step) => step.startsWith('compile '))

  test('renamed: the build starts over and publishes it under its new name', async () => {
    changeBoth()
    const renamed = 'source/xiamen-2025-renamed.md'
    const built = await build(options({ onProgress: once(() => renameSync(at(seed), at(renamed))) }))
    if (!built.ok) throw new Error(built.error.message)
    expect(compileSteps(built.value.steps)).toEqual([
      'compile 2 reports, take 2 from earlier builds',
      'compile 1 report, take 3 from earlier builds'
    ])
    // The slug is the front matter's: the page stays where it was, drawn from the renamed file.
    expect(readFileSync(at('dist/xiamen-2025/report.md'), 'utf8')).toContain('本句为测试所加。')
    const facts = readFileSync(at('dist/xiamen-2025/facts.csv'), 'utf8')
    expect([facts.includes(renamed), facts.includes(`${seed},`)]).toEqual([true, false])
    const again = await build(options())
    expect(again.ok && again.value.unchanged).toBe(true)
    const { incremental, cold } = await bothBuilds()
    expect(incremental).toEqual(cold)
  })

  test('removed: the build starts over and publishes the collection without it', async () => {
    changeBoth()
    const built = await build(options({ onProgress: once(() => rmSync(at(seed))) }))
    if (!built.ok) throw new Error(built.error.message)
    expect(compileSteps(built.value.steps)).toHaveLength(2)
    expect(existsSync(at('dist/xiamen-2025'))).toBe(false)
    const { incremental, cold } = await bothBuilds()
    expect(incremental).toEqual(cold)
  })
})

test('factmark’s own files are part of every key: a template changed is another digest', () => {
  const templates = at('templates')
  cpSync(fileURLToPath(new URL('../templates', import.meta.url)), templates, { recursive: true })
  const before = folderDigest('0.1.0', [templates])
  expect(folderDigest('0.1.0', [templates])).toBe(before)
  writeFileSync(path.join(templates, 'report.njk'), `${readFileSync(path.join(templates, 'report.njk'), 'utf8')}\n`)
  expect(folderDigest('0.1.0', [templates])).not.toBe(before)
  expect(folderDigest('0.1.1', [templates])).not.toBe(before)
})

describe('factmark’s code counts in every key by its bytes', () => {
  // Kept by each file's identity, size and time: a compile that writes the same bytes again
  // (npm run build compiles first) must not make the next build cold.
  test('rewritten with the same bytes, the digest stays; with other bytes, or a file added, it changes', () => {
    const code = at('code')
    const kept = at('cache/factmark-code.json')
    mkdirSync(path.join(code, 'build'), { recursive: true })
    writeFileSync(path.join(code, 'build/a.js'), 'export const a = 1\n')
    writeFileSync(path.join(code, 'b.js'), 'export const b = 2\n')
    writeFileSync(path.join(code, 'b.d.ts'), 'export declare const b: number\n')
    const before = codeDigest(code, kept)
    expect(Object.keys(JSON.parse(readFileSync(kept, 'utf8')) as object).sort()).toEqual(['b.js', 'build/a.js'])
    expect(codeDigest(code)).toBe(before)
    // The same bytes written again, with a new time: the kept digest of the file is not trusted, and it is read.
    const times = statSync(path.join(code, 'b.js')).mtimeMs
    writeFileSync(path.join(code, 'b.js'), 'export const b = 2\n')
    utimesSync(path.join(code, 'b.js'), new Date(), new Date(times + 5000))
    writeFileSync(path.join(code, 'b.d.ts'), 'export declare const b: 2\n')
    expect(codeDigest(code, kept)).toBe(before)
    // The kept digest is what counts while the file's identity, size and time stay.
    const held = JSON.parse(readFileSync(kept, 'utf8')) as Record<string, [string, string]>
    writeFileSync(kept, JSON.stringify({ ...held, 'b.js': [held['b.js']?.[0], 'tampered'] }))
    expect(codeDigest(code, kept)).not.toBe(before)
    writeFileSync(kept, JSON.stringify(held))
    writeFileSync(path.join(code, 'b.js'), 'export const b = 3\n')
    const changed = codeDigest(code, kept)
    expect(changed).not.toBe(before)
    expect(codeDigest(code)).toBe(changed)
    writeFileSync(path.join(code, 'c.js'), '')
    expect(codeDigest(code, kept)).not.toBe(changed)
  })
})
