import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { contentDigest } from '../src/cache/cache-folder.js'
import { checkUnits } from '../src/build/check-units.js'
import { checkRunner } from '../src/build/unit-pool.js'
import { checkWithRegistry } from '../src/compile/compile-sources.js'
import { digestedSources } from '../src/load/digested-sources.js'
import { sourcesOf } from '../src/load/source-input.js'
import { taskSourceOf, type TaskSource } from '../src/load/task-source.js'
import { loadRegistry } from '../src/load/registry.js'
import type { CompileInput, SourceText } from '../src/model/compiled.js'
import { collectionRegistry, collectionReports, writeCollectionProject } from './helpers/collection.js'
import { runCli } from './helpers/run-cli.js'
import { seedRegistry, seedReport } from './helpers/seed.js'

// A check of many reports keeps what each says apart, as a build does, and makes the rules across
// reports from their summaries: what it says is what compiling them all together says.

let folder: string
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'factmark-check-units-'))
})
afterEach(() => rmSync(folder, { recursive: true, force: true }))

const loaded = (registry: SourceText) => {
  const read = loadRegistry(registry.path, registry.text)
  if (!read.registry) throw new Error('the fixture registry must be valid')
  return { ...read, registry: read.registry }
}
const together = (input: CompileInput & { checkUnusedMetrics: boolean }) => {
  const result = checkWithRegistry(input, loaded(input.registry))
  const factsOf = Object.fromEntries(result.reports.map((report) => [report.path, report.bundle.facts.length]))
  return { diagnostics: result.diagnostics, coverage: result.coverage, factsOf }
}
/** The reports of an input written to files, as a check by units names them: it reads each when it compiles it. */
const onDisk = (reports: readonly SourceText[]): TaskSource[] =>
  reports.map((report) => {
    const file = path.join(folder, 'disk', report.path)
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, report.text)
    return { path: report.path, file }
  })
const apart = (input: CompileInput & { checkUnusedMetrics: boolean }, threads = 0) =>
  checkUnits(
    { ...input, reports: onDisk(input.reports) },
    loaded(input.registry),
    folder,
    input.reports.map((report) => contentDigest(report.text)),
    { threads }
  )

/** The files a check kept of its units under `cache` whose names match. */
const keptFiles = (cache: string, names: RegExp) => {
  const units = path.join(cache, 'checked/units')
  return readdirSync(units).flatMap((shard) =>
    readdirSync(path.join(units, shard))
      .filter((name) => names.test(name))
      .map((name) => path.join(units, shard, name))
  )
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>

const copy = (text: string, at: number) => ({
  path: `source/copy-${at}.md`,
  text: text.replace(/^slug: (.*)$/m, `slug: $1-copy-${at}`)
})
const seedText = seedReport.text

test.each<[string, CompileInput & { checkUnusedMetrics: boolean }]>([
  ['the seed', { reports: [seedReport], registry: seedRegistry, checkUnusedMetrics: true }],
  // The rules across reports: levels, changes and targets checked against the other years.
  ['the collection', { reports: collectionReports, registry: collectionRegistry, checkUnusedMetrics: true }],
  [
    'the collection, one report named',
    { reports: [seedReport], registry: collectionRegistry, checkUnusedMetrics: false }
  ],
  // A report with an error takes part in the rules across reports all the same.
  [
    'the collection, one report with an error',
    {
      reports: collectionReports.map((report) => ({
        ...report,
        text: report.text.replace('{metric=air.good_days_provincial_rank}', '{metric=air.good_day_provincial_rank}')
      })),
      registry: collectionRegistry,
      checkUnusedMetrics: true
    }
  ],
  // A place written otherwise in one report: its series split, and it is told.
  [
    'the collection, one report about 厦门',
    {
      reports: collectionReports.map((report, at) =>
        at === 1 ? { ...report, text: report.text.replace(/^entity: 厦门市$/m, 'entity: 厦门') } : report
      ),
      registry: collectionRegistry,
      checkUnusedMetrics: true
    }
  ],
  // A member of a dimension written otherwise in one report.
  [
    'the collection, one report with site=南门桥 断面',
    {
      reports: [
        ...collectionReports,
        { ...copy(seedText, 1), text: copy(seedText, 1).text.replaceAll('site=南门桥断面', 'site="南门桥 断面"') }
      ],
      registry: collectionRegistry,
      checkUnusedMetrics: true
    }
  ],
  // A slug used twice, a report with errors, a path skipped.
  [
    'reports with errors',
    {
      reports: [seedReport, { path: 'source/twice.md', text: seedText }, { path: 'source/broken.md', text: 'x\n' }],
      registry: seedRegistry,
      skipped: [{ path: 'source/huge.md', reason: 'larger than the limit' }],
      checkUnusedMetrics: true
    }
  ]
])('%s: the same as compiled together, first and from what was kept', async (name, input) => {
  const expected = together(input)
  expect(expected.diagnostics.length).toBeGreaterThan(0)
  if (name.endsWith('厦门')) expect(expected.diagnostics.map((d) => d.ruleId)).toContain('entity-variant')
  if (name.endsWith('南门桥 断面')) expect(expected.diagnostics.map((d) => d.ruleId)).toContain('dimension-variant')
  expect(await apart(input)).toEqual(expected)
  expect(await apart(input)).toEqual(expected)
})

test.each<[string, (text: string) => string]>([
  // Moves no fact: the conclusions across reports are taken as kept.
  ['a sentence added at the end', (text) => `${text}\n又加的一句话。\n`],
  ['a figure changed', (text) => text.replace(':fact[2.43]', ':fact[2.44]')],
  ['a figure untagged', (text) => text.replace(':fact[205个]{metric=water.outfalls_remediated}', '205个')],
  ['an error made', (text) => text.replace('{metric=air.pm10}', '{metric=air.pm10 period=2025-13}')],
  ['a slug taken by another report', (text) => text.replace(/^slug: .*$/m, 'slug: xiamen-2024-fact-sheet')]
])('after %s in one report, the same as compiled together', async (_change, change) => {
  const reports = [...collectionReports, copy(seedText, 1), copy(seedText, 2)]
  const input = { reports, registry: collectionRegistry, checkUnusedMetrics: true }
  await apart(input)
  const edited = reports.map((report, at) => (at === 5 ? { ...report, text: change(report.text) } : report))
  expect(edited[5]?.text).not.toBe(reports[5]?.text)
  const changed = { ...input, reports: edited }
  expect(await apart(changed)).toEqual(together(changed))
})

test('a report saved again after the check read it is compiled and kept as it is now', async () => {
  const reports = [...collectionReports, ...[1, 2, 3, 4].map((at) => copy(seedText, at))]
  const before = { reports, registry: collectionRegistry, checkUnusedMetrics: true }
  const edited = reports.map((report, at) =>
    at === 5
      ? { ...report, text: report.text.replace('{metric=air.pm10}', '{metric=air.pm10 period=2025-13}') }
      : report
  )
  const after = { ...before, reports: edited }
  const check = (input: typeof before, digestsOf: typeof before, compiled: number[] = []) =>
    checkUnits(
      { ...input, reports: onDisk(input.reports) },
      loaded(input.registry),
      folder,
      digestsOf.reports.map((report) => contentDigest(report.text)),
      { threads: 0, onCompiled: (count) => compiled.push(count) }
    )
  // Read for its digest before the edit, compiled after it: what it says is not of the digests given.
  expect(await check(after, before)).toEqual({ ...together(after), changedMeanwhile: true })
  // Its unit is kept by the bytes compiled: a check of the edited text finds it, one of the text
  // before compiles it, and says what that text says.
  const again: number[] = []
  expect(await check(after, after, again)).toEqual(together(after))
  expect(again).toEqual([])
  const back: number[] = []
  expect(await check(before, before, back)).toEqual(together(before))
  expect(back).toEqual([1])
})

test('each report is kept once, with its summary apart, and the conclusions across reports once', async () => {
  const input = { reports: collectionReports, registry: collectionRegistry, checkUnusedMetrics: true }
  await apart(input)
  const units = path.join(folder, 'checked/units')
  const kept = readdirSync(units).flatMap((shard) => readdirSync(path.join(units, shard)))
  expect(kept.filter((name) => /^[0-9a-f]{64}\.json$/.test(name))).toHaveLength(4)
  expect(kept.filter((name) => /^[0-9a-f]{64}\.summary\.json$/.test(name))).toHaveLength(4)
  expect(readdirSync(path.join(folder, 'checked/across'))).toHaveLength(1)
})

test('check of eight reports or more, edited between checks, says what a check without the cache says', async () => {
  const cwd = path.join(folder, 'project')
  writeCollectionProject(cwd)
  mkdirSync(path.join(cwd, 'node_modules'))
  for (let at = 1; at <= 4; at++) writeFileSync(path.join(cwd, `source/copy-${at}.md`), copy(seedText, at).text)
  const check = (...argv: string[]) => runCli(cwd, 'check', '--format', 'json', ...argv)
  expect(await check()).toEqual(await check('--no-cache'))
  expect(readdirSync(path.join(cwd, 'node_modules/.cache/factmark/checked/units')).length).toBeGreaterThan(0)
  const file = path.join(cwd, 'source/copy-3.md')
  writeFileSync(file, readFileSync(file, 'utf8').replace('{metric=air.pm10}', '{metric=air.pm10 period=2025-13}'))
  const fresh = await check('--no-cache')
  expect(fresh.code).toBe(1)
  expect(await check()).toEqual(fresh)
  // As text, with the excerpt of the line of each message.
  writeFileSync(file, readFileSync(file, 'utf8').replace('period=2025-13', 'period=2025-14'))
  const text = await runCli(cwd, 'check', '--no-cache')
  expect(text.stdout).toContain('has no month 14')
  expect(await runCli(cwd, 'check')).toEqual(text)
})

test('a kept unit or conclusion cut short, or not one, is made again', async () => {
  const input = { reports: collectionReports, registry: collectionRegistry, checkUnusedMetrics: true }
  const expected = await apart(input)
  const heads = keptFiles(folder, /^[0-9a-f]{64}\.json$/)
  const across = path.join(folder, 'checked/across', readdirSync(path.join(folder, 'checked/across'))[0] as string)
  for (const [at, file] of [...heads, across].entries())
    writeFileSync(file, ['{"diag', 'null', '[]', '{}'][at % 4] as string)
  expect(await apart(input)).toEqual(expected)
})

test('a kept summary that is not one is compiled again when the rules read it', async () => {
  const input = { reports: collectionReports, registry: collectionRegistry, checkUnusedMetrics: true }
  const expected = await apart(input)
  const kept = keptFiles(folder, /\.summary\.json$/)
  expect(kept).toHaveLength(4)
  writeFileSync(kept[0] as string, '{"bundle":null}')
  writeFileSync(kept[1] as string, '{"path')
  // The conclusions across reports are made again, which reads every summary.
  rmSync(path.join(folder, 'checked/across'), { recursive: true })
  expect(await apart(input)).toEqual(expected)
  for (const file of kept) expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('bundle.facts')
})

test('eight reports or more to compile go to threads, and say what this thread says', async () => {
  expect(checkRunner(7, 2)).toBeUndefined()
  expect(checkRunner(8, 1)).toBeUndefined()
  const runner = checkRunner(8, 2)
  expect(runner).toBeDefined()
  await runner?.close()
  const reports = [...collectionReports, ...[1, 2, 3, 4, 5].map((at) => copy(seedText, at))]
  const input = { reports, registry: collectionRegistry, checkUnusedMetrics: true }
  const expected = together(input)
  expect(await apart(input, 2)).toEqual(expected)
  const units = path.join(folder, 'checked/units')
  const kept = readdirSync(units).flatMap((shard) => readdirSync(path.join(units, shard)))
  expect(kept.filter((name) => /^[0-9a-f]{64}\.json$/.test(name))).toHaveLength(9)
  // What the threads kept is what this thread takes.
  rmSync(path.join(folder, 'checked/across'), { recursive: true })
  expect(await apart(input, 0)).toEqual(expected)
})

/**
 * A project of eight reports, and when `broken` two more, one with an error and one that does not
 * compile, built once; and its check, counting what it compiles.
 */
async function builtProject({ broken = true }: { broken?: boolean } = {}) {
  const cwd = path.join(folder, 'project')
  writeCollectionProject(cwd)
  mkdirSync(path.join(cwd, 'node_modules'))
  for (let at = 1; at <= 4; at++) writeFileSync(path.join(cwd, `source/copy-${at}.md`), copy(seedText, at).text)
  // An error that keeps a report from being published, and a report that does not compile at all.
  const withError = copy(seedText, 5).text.replace('{metric=air.pm10}', '{metric=air.pm10 period=2025-13}')
  if (broken) {
    writeFileSync(path.join(cwd, 'source/copy-5.md'), withError)
    writeFileSync(path.join(cwd, 'source/copy-6.md'), 'x\n')
  }
  expect((await runCli(cwd, 'build')).code).toBe(broken ? 1 : 0)
  const input = { ...(await sourcesOf({ cwd })), checkUnusedMetrics: true }
  expect(input.reports).toHaveLength(broken ? 10 : 8)
  const digested = await digestedSources({ cwd })
  const checked = (cache: string, compiled: number[]) =>
    checkUnits(
      { ...input, reports: digested.input.reports.map((report) => taskSourceOf(report, digested.files)) },
      loaded(input.registry),
      cache,
      input.reports.map((report) => contentDigest(report.text)),
      { threads: 0, onCompiled: (count) => compiled.push(count) }
    )
  return { cwd, cache: path.join(cwd, 'node_modules/.cache/factmark'), expected: together(input), checked }
}

test('a check after a build compiles no report the build compiled, and keeps what a check of its own keeps', async () => {
  const { cwd, cache, expected, checked } = await builtProject()
  const afterBuild: number[] = []
  expect(await checked(cache, afterBuild)).toEqual(expected)
  expect(afterBuild).toEqual([])
  const alone: number[] = []
  const own = path.join(folder, 'own-cache')
  expect(await checked(own, alone)).toEqual(expected)
  expect(alone).toHaveLength(10)
  const keptIn = (cache: string) => {
    const units = path.join(cache, 'checked/units')
    return readdirSync(units)
      .flatMap((shard) => readdirSync(path.join(units, shard)).map((name) => path.join(shard, name)))
      .sort()
      .map((name) => [name, readFileSync(path.join(units, name), 'utf8')])
  }
  const kept = keptIn(own)
  expect(kept).toHaveLength(19)
  expect(keptIn(cache)).toEqual(kept)
  // And through the command line, as a check without the cache says.
  rmSync(path.join(cache, 'checked'), { recursive: true })
  expect(await runCli(cwd, 'check', '--format', 'json')).toEqual(
    await runCli(cwd, 'check', '--format', 'json', '--no-cache')
  )
})

test('a check after a build takes the conclusions across reports the build kept, when they are whole', async () => {
  const { cache, expected, checked } = await builtProject({ broken: false })
  expect(await checked(cache, [])).toEqual(expected)
  const own = path.join(folder, 'own-cache')
  expect(await checked(own, [])).toEqual(expected)
  const conclusions = (at: string) =>
    readdirSync(path.join(at, 'checked/across')).map((name) =>
      readFileSync(path.join(at, 'checked/across', name), 'utf8')
    )
  expect(conclusions(cache)).toEqual(conclusions(own))
  rmSync(path.join(cache, 'checked'), { recursive: true })
  // Not those of each metric, nor what each is made of, beside them.
  const memo = readdirSync(path.join(cache, 'across')).find((name) => /^[0-9a-f]{64}\.json$/.test(name))
  const file = path.join(cache, 'across', memo as string)
  const kept = readJson(file)
  // Told apart from conclusions made again: the facts the build says its first report published, one more.
  const published = kept['published'] as Array<{ report: { path: string; factCount: number } }>
  const first = (published[0] as { report: { path: string; factCount: number } }).report
  first.factCount += 1
  writeFileSync(file, JSON.stringify(kept))
  expect(await checked(cache, [])).toEqual({
    ...expected,
    factsOf: { ...expected.factsOf, [first.path]: (expected.factsOf[first.path] ?? 0) + 1 }
  })
  // Conclusions that are not whole are made again.
  rmSync(path.join(cache, 'checked'), { recursive: true })
  writeFileSync(file, JSON.stringify({ ...kept, published: [{ report: {} }] }))
  expect(await checked(cache, [])).toEqual(expected)
})

test("a build's unit or summary cut short, or not one, is compiled again by the check", async () => {
  const { cache, expected, checked } = await builtProject()
  const units = path.join(cache, 'units')
  const files = readdirSync(units)
    .flatMap((shard) => readdirSync(path.join(units, shard)).map((name) => path.join(units, shard, name)))
    .sort()
  const heads = files.filter((file) => /[0-9a-f]{64}\.json$/.test(file)).slice(0, 3)
  for (const [at, file] of heads.entries())
    writeFileSync(file, ['{"unit":{"diag', '{"unit":null}', '{"unit":5}'][at] as string)
  const summary = files.find(
    (file) => file.endsWith('.summary.json') && !heads.includes(file.replace(/\.summary\.json$/, '.json'))
  )
  writeFileSync(summary as string, '{"bundle":null}')
  const compiled: number[] = []
  expect(await checked(cache, compiled)).toEqual(expected)
  // The three heads compile with the others a check compiles; the summary is copied as it is, and
  // its report compiled again once the rules across reports find they cannot read it.
  expect(compiled).toEqual([1, 2, 3])
  expect(keptFiles(cache, /\.summary\.json$/).map((file) => readJson(file)['bundle'])).not.toContain(null)
})
