import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { buildWith } from '../src/build/build.js'
import { lastingRunner, type UnitRunner } from '../src/build/unit-pool.js'
import { build, type BuildOptions } from '../src/index.js'
import { writeCollectionProject } from './helpers/collection.js'
import { snapshot } from './helpers/snapshot.js'

// An incremental build must write what a cold build writes after any sequence of changes, not
// only after each change alone: a page drawn again with a level another report changed was once
// right in the build that drew it, and stale in the next build that took it as it was.

const runs = Number(process.env['FACTMARK_SEQUENCE_RUNS'] ?? 12)

interface Project {
  cwd: string
  /** Reports deleted, by file name, with their bytes, to bring back. */
  deleted: Map<string, Buffer>
  sentences: number
}

const source = (project: Project, file: string) => path.join(project.cwd, 'source', file)
const reportsOf = (project: Project) =>
  readdirSync(path.join(project.cwd, 'source'))
    .filter((name) => name.endsWith('.md'))
    .sort()

/** The report whose front matter holds `line`, wherever it was renamed to. */
const reportWith = (project: Project, line: string) =>
  reportsOf(project).find((file) => readFileSync(source(project, file), 'utf8').includes(line))

/** Replace `a` by `b` in a report, or `b` by `a` where it was replaced before. */
function swap(file: string | undefined, a: string, b: string): void {
  if (file === undefined) return
  const text = readFileSync(file, 'utf8')
  writeFileSync(file, text.includes(a) ? text.replace(a, b) : text.replace(b, a))
}

const sheet = (project: Project) => {
  const file = reportWith(project, 'slug: xiamen-2024-fact-sheet\n')
  return file === undefined ? undefined : source(project, file)
}

/** Each change a save may make, `pick` choosing among the reports where it takes one. */
const changes: Record<string, (project: Project, pick: number) => void> = {
  // A level the 2025 page draws beside its own figure.
  'a level another page draws': (project) =>
    swap(
      sheet(project),
      ':fact[91.7%]{metric=sea.good_quality_area_ratio}',
      ':fact[91.6%]{metric=sea.good_quality_area_ratio}'
    ),
  'a figure': (project) =>
    swap(sheet(project), ':fact[2.34]{metric=air.aqi_composite}', ':fact[2.35]{metric=air.aqi_composite}'),
  'a title': (project) => swap(sheet(project), 'title: 厦门市2024年生态环境主要指标', 'title: 厦门市2024年主要指标'),
  'a slug': (project) => {
    const file = reportWith(project, 'slug: xiamen-2024-targets')
    if (file) swap(source(project, file), 'slug: xiamen-2024-targets\n', 'slug: xiamen-2024-targets-b\n')
  },
  'a sentence added': (project, pick) => {
    const reports = reportsOf(project)
    const file = source(project, reports[pick % reports.length] ?? '')
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n新增第${++project.sentences}句。\n`)
  },
  'a report deleted': (project, pick) => {
    const reports = reportsOf(project)
    if (reports.length < 2) return
    const file = reports[pick % reports.length] ?? ''
    project.deleted.set(file, readFileSync(source(project, file)))
    rmSync(source(project, file))
  },
  'a report brought back': (project, pick) => {
    const [file, bytes] = [...project.deleted][pick % Math.max(project.deleted.size, 1)] ?? []
    if (file === undefined || bytes === undefined) return
    writeFileSync(source(project, file), bytes)
    project.deleted.delete(file)
  },
  'a report renamed': (project, pick) => {
    const reports = reportsOf(project)
    const file = reports[pick % reports.length] ?? ''
    const renamed = file.startsWith('renamed-') ? file.slice('renamed-'.length) : `renamed-${file}`
    if (!existsSync(source(project, renamed))) renameSync(source(project, file), source(project, renamed))
  },
  // A build that fails leaves the output as it was; the next that builds follows every change since.
  'an error in a report, or its fix': (project) => {
    const file = reportWith(project, 'slug: xiamen-2025\n')
    if (file) swap(source(project, file), 'metric=air.pm25 unit=', 'metric=air.pm99 unit=')
  },
  'a metric relabelled': (project) =>
    swap(source(project, 'metrics.yaml'), 'zh: 环境空气质量综合指数,', 'zh: 空气质量综合指数（新名）,'),
  'a report saved unchanged': (project, pick) => {
    const reports = reportsOf(project)
    const now = new Date()
    utimesSync(source(project, reports[pick % reports.length] ?? ''), now, now)
  },
  'a published page changed by hand': (project, pick) => {
    const pages = Object.keys(published(project.cwd)).filter((file) => file.endsWith('.html'))
    if (pages.length === 0) return
    const page = path.join(project.cwd, 'dist', pages[pick % pages.length] ?? '')
    writeFileSync(page, `${readFileSync(page, 'utf8')} `)
  },
  // As in a new checkout whose cache CI kept: the next build takes what it can from the cache.
  'the output folder deleted': (project) => rmSync(path.join(project.cwd, 'dist'), { recursive: true, force: true }),
  nothing: () => undefined
}

/** The output folder's files, none when there is no output folder. */
const published = (cwd: string) => (existsSync(path.join(cwd, 'dist')) ? snapshot(path.join(cwd, 'dist')) : {})

/** The changes made to the output itself, which a build that fails after them does not undo. */
const madeToTheOutput = new Set(['a published page changed by hand', 'the output folder deleted'])

const step = fc.tuple(fc.constantFrom(...Object.keys(changes)), fc.nat(99))

describe('an incremental build after a sequence of changes', () => {
  test.each([
    { how: 'built by the command', workers: false },
    { how: 'built by watch, with threads and units kept from build to build', workers: true }
  ])(
    'writes what a cold build writes, after each change and again with nothing changed: $how',
    async ({ workers }) => {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), async (steps) => {
          const cwd = mkdtempSync(path.join(tmpdir(), 'factmark-sequence-'))
          const project: Project = { cwd, deleted: new Map(), sentences: 0 }
          const options: BuildOptions = { cwd, cacheFolder: path.join(cwd, 'cache'), threads: 0 }
          const runner: UnitRunner | undefined = workers ? lastingRunner(2) : undefined
          const incremental = () => (runner ? buildWith(options, runner) : build(options))
          try {
            writeCollectionProject(cwd)
            expect((await incremental()).ok).toBe(true)
            for (const [change, pick] of steps) {
              const before = published(cwd)
              changes[change]?.(project, pick)
              const built = await incremental()
              rmSync(path.join(cwd, 'cold'), { recursive: true, force: true })
              const cold = await build({ cwd, out: 'cold', cache: false, cacheFolder: path.join(cwd, 'cold-cache') })
              expect(built.ok, change).toBe(cold.ok)
              if (!built.ok) {
                // A change that does not build leaves the output as it was, but for one made to the output.
                if (!madeToTheOutput.has(change)) expect(published(cwd)).toEqual(before)
                continue
              }
              expect(snapshot(path.join(cwd, 'dist')), change).toEqual(snapshot(path.join(cwd, 'cold')))
              expect((await incremental()).ok).toBe(true)
              expect(snapshot(path.join(cwd, 'dist')), `${change}, then nothing`).toEqual(
                snapshot(path.join(cwd, 'cold'))
              )
            }
          } finally {
            await runner?.close()
            rmSync(cwd, { recursive: true, force: true })
          }
        }),
        { numRuns: workers ? Math.ceil(runs / 2) : runs }
      )
    },
    600_000
  )
})
