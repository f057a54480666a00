import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { figureChanged, writeCorpus } from '../bench/corpus.mjs'
import { compileSources } from '../src/compile/compile-sources.js'
import { readSources } from '../src/load/sources.js'
import { problemsOf } from './helpers/seed.js'

// The corpus npm run bench builds: N copies of the seed that compile side by side. The bench
// prints the timings; here only what the corpus holds.
const dir = mkdtempSync(path.join(tmpdir(), 'factmark-corpus-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

test('the bench corpus is N copies of the seed with their own slugs and titles, which compile together', async () => {
  const slugs = writeCorpus(dir, 3)
  expect(slugs).toEqual(['xiamen-2025-00001', 'xiamen-2025-00002', 'xiamen-2025-00003'])
  expect(readdirSync(dir).sort()).toEqual(['metrics.yaml', 'report-00001.md', 'report-00002.md', 'report-00003.md'])

  const sources = await readSources({ src: dir, cwd: dir })
  if (!sources.ok) throw new Error(sources.error.message)
  const result = compileSources(sources.value)
  expect(problemsOf(result.diagnostics)).toEqual([])
  expect(result.reports.map((report) => report.bundle.report.slug)).toEqual(slugs)
  const titles = result.reports.map((report) => report.bundle.report.title)
  expect(new Set(titles).size).toBe(3)
  expect(titles[1]).toBe('厦门市生态环境局2025年生态环境保护工作总结（副本00002）')
  expect(result.reports.map((report) => report.bundle.facts.length)).toEqual([128, 128, 128])
})

test("the collection corpus is the bureau's four reports over the years in turn, each with its own slug", async () => {
  const folder = path.join(dir, 'collection')
  const slugs = writeCorpus(folder, 5, 'collection')
  expect(slugs).toEqual([
    'xiamen-2023-fact-sheet-00001',
    'xiamen-2024-fact-sheet-00002',
    'xiamen-2024-targets-00003',
    'xiamen-2025-00004',
    'xiamen-2023-fact-sheet-00005'
  ])
  const sources = await readSources({ src: folder, cwd: folder })
  if (!sources.ok) throw new Error(sources.error.message)
  const result = compileSources(sources.value)
  expect(problemsOf(result.diagnostics)).toEqual([])
  expect(result.reports.map((report) => report.bundle.report.slug)).toEqual(slugs)
  expect(result.reports.map((report) => report.bundle.report.period)).toEqual(['2023', '2024', '2024', '2025', '2023'])
  expect(() => writeCorpus(folder, 1, 'yearly')).toThrow(
    'no corpus of the kind yearly: choose seed or collection or districts'
  )
})

test('the districts corpus is copies of the seed, each about a district of its own', async () => {
  const folder = path.join(dir, 'districts')
  const slugs = writeCorpus(folder, 2, 'districts')
  expect(slugs).toEqual(['xiamen-2025-00001', 'xiamen-2025-00002'])
  const sources = await readSources({ src: folder, cwd: folder })
  if (!sources.ok) throw new Error(sources.error.message)
  const result = compileSources(sources.value)
  expect(problemsOf(result.diagnostics)).toEqual([])
  expect(result.reports.map((report) => report.bundle.report.entity)).toEqual(['厦门市第00001区', '厦门市第00002区'])
  // Each district's figures are a line of their own in the series.
  const pm25 = result.collection?.series.find((series) => series.metric.id === 'air.pm25')
  expect(new Set(pm25?.points.map((point) => point.entity))).toEqual(new Set(['厦门市第00001区', '厦门市第00002区']))
})

/** The corpus of `kind` in `folder` with the first figure of its second report corrected twice, compiled. */
async function correctedTwice(folder: string, kind: string, restated: boolean) {
  writeCorpus(folder, 2, kind)
  const file = path.join(folder, 'report-00002.md')
  const once = figureChanged(readFileSync(file, 'utf8'), restated)
  const twice = once === undefined ? undefined : figureChanged(once, restated)
  if (twice === undefined) throw new Error('no figure to correct')
  writeFileSync(file, twice)
  const sources = await readSources({ src: folder, cwd: folder })
  if (!sources.ok) throw new Error(sources.error.message)
  return compileSources(sources.value)
}

test("a copy's figure of the start of a period, corrected twice, contradicts no other copy", async () => {
  const result = await correctedTwice(path.join(dir, 'corrected'), 'seed', true)
  expect(problemsOf(result.diagnostics)).toEqual([])
  const starts = result.reports.map((report) =>
    report.bundle.facts.filter((fact) => fact.aspect === 'start').map((fact) => fact.text)
  )
  expect(starts).toEqual([['50%'], ['52%']])
})

test("a district's figure in the second half of its report, corrected twice, is one lower twice", async () => {
  const result = await correctedTwice(path.join(dir, 'corrected-districts'), 'districts', false)
  expect(problemsOf(result.diagnostics)).toEqual([])
  const [first, second] = result.reports.map((report) => report.bundle.facts.map((fact) => fact.text))
  const differ = (first ?? []).flatMap((text, at) => (text === second?.[at] ? [] : [[text, second?.[at]]]))
  expect(differ).toEqual([['6场', '4场']])
})

test('no figure to correct in a text without one', () => {
  expect(figureChanged('没有数字。', true)).toBeUndefined()
  expect(figureChanged(':fact[1个]{metric=a.b}', false)).toBeUndefined()
})
