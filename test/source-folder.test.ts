import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fromHtml } from 'hast-util-from-html'
import { selectAll } from 'hast-util-select'
import { toString } from 'mdast-util-to-string'
import Papa from 'papaparse'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { reportFiles } from '../src/build/render-artifacts.js'
import type { Catalog, CatalogPage, CatalogReport, FactBundle } from '../src/model/schema-types.js'
import { validators } from '../src/model/schemas.js'
import { runCli, type CliRun } from './helpers/run-cli.js'
import { seedOriginal } from './helpers/seed.js'
import { snapshot } from './helpers/snapshot.js'

// The one test file about source/ as it is today, whatever reports it holds: the seed report still gives back the
// text it annotates, and one more report beside the others (a fact sheet of 2024 figures, in our own words) checks,
// builds and verifies without changing a byte of what the others publish. Every other test reads frozen fixtures.
const repo = path.resolve(new URL('..', import.meta.url).pathname)
// The second report under a name and slug no real report takes, so that the test stays about a second
// report even when source/ holds the fact sheet it is made from.
const secondSlug = 'factmark-test-second-report'
const secondName = `${secondSlug}.md`
const second = readFileSync(
  new URL('fixtures/second-report/xiamen-2024-fact-sheet.md', import.meta.url),
  'utf8'
).replace(/^slug: .*$/m, `slug: ${secondSlug}`)

let cwd: string
const run = (...argv: string[]) => runCli(cwd, ...argv)
const read = (file: string) => readFileSync(path.join(cwd, file), 'utf8')
const readJson = <T>(file: string) => JSON.parse(read(file)) as T
/** Every report of a built tree's catalog, page after page as catalog.json lists them. */
const catalogReports = (tree: string): CatalogReport[] =>
  readJson<Catalog>(`${tree}/catalog.json`).pages.flatMap(
    (page) => readJson<CatalogPage>(`${tree}/${page.path}`).reports
  )

const paragraphsOf = (markdown: string) =>
  unified()
    .use(remarkParse)
    .parse(markdown.replace(/^---\n[\s\S]*?\n---\n/, ''))
    .children.filter((node) => node.type !== 'thematicBreak')
    .map((node) => toString(node))

// A copy of source/, built as it is into before/.
beforeAll(async () => {
  cwd = mkdtempSync(path.join(tmpdir(), 'factmark-source-'))
  cpSync(path.join(repo, 'source'), path.join(cwd, 'source'), { recursive: true })
  expect((await run('build', '--out', 'before')).code).toBe(0)
})
afterAll(() => rmSync(cwd, { recursive: true, force: true }))

/** The summary line of `check`'s text output, notes left out: information never makes a source unfit. */
function summaryOf(stdout: string): string | undefined {
  return stdout
    .split('\n')
    .find((line) => /^[✔✖⚠]/.test(line))
    ?.replace(/, \d+ notes?$/, '')
}

describe('source/ as it is', () => {
  test('checks clean, with every figure annotated', async () => {
    const { code, stdout, stderr } = await run('check', '--min-coverage', '100')
    expect({ code, stderr, summary: summaryOf(stdout) }).toEqual({ code: 0, stderr: '', summary: '✔ no problems' })
  })

  test('source/xiamen-2025.md gives back every paragraph of the published report once its annotations are removed', () => {
    const original = seedOriginal.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('闽公网安备'))
    expect(original).toHaveLength(33)
    expect(paragraphsOf(read('before/xiamen-2025/report.md'))).toEqual(original)
  })
})

describe('source/ with a second report', () => {
  let reports: string[]
  let before: Record<string, string>
  let check: CliRun
  let suggest: CliRun
  let build: CliRun

  beforeAll(async () => {
    before = snapshot(path.join(cwd, 'before'))
    reports = catalogReports('before').map((report) => report.slug)
    // A report of that name in source/ one day would make this test about that report, not about a second one.
    expect(existsSync(path.join(cwd, 'source', secondName))).toBe(false)
    writeFileSync(path.join(cwd, 'source', secondName), second)
    check = await run('check', '--min-coverage', '100')
    suggest = await run('suggest')
    build = await run('build')
  })

  test('check: no problem, and the new report fully annotated', () => {
    const { code, stdout, stderr } = check
    expect({ code, stderr, summary: summaryOf(stdout) }).toEqual({ code: 0, stderr: '', summary: '✔ no problems' })
    expect(stdout).toContain(`coverage of source/${secondName}: 100.0% of figures annotated (13 tagged, 0 untagged)\n`)
    expect(suggest).toEqual({ code: 0, stdout: '✔ every figure is annotated\n', stderr: '' })
  })

  test('build: every report in catalog.json, each with all its files', () => {
    const facts = readJson<Catalog>('before/catalog.json').factCount
    const { code, stderr } = build
    expect(code).toBe(0)
    expect(stderr).toMatch(
      new RegExp(`^factmark: wrote \\d+ files to dist/ \\(${reports.length + 1} reports, ${facts + 13} facts\\)\\n$`)
    )
    const catalog = catalogReports('dist')
    expect(catalog.map((report) => report.slug).sort()).toEqual([...reports, secondSlug].sort())
    expect(catalog.find((report) => report.slug === secondSlug)?.factCount).toBe(13)
    for (const report of catalog) {
      const listed = report.files.map((file) => file.path)
      expect([...listed].sort()).toEqual(reportFiles.map((file) => `${report.slug}/${file.href}`).sort())
      for (const file of listed) expect(statSync(path.join(cwd, 'dist', file)).isFile()).toBe(true)
    }
  })

  test('the reports already there publish the same data; only the site’s lists, the series and the pages that read them change', () => {
    const after = snapshot(path.join(cwd, 'dist'))
    const changed = Object.keys(after).filter((file) => file in before && after[file] !== before[file])
    expect(changed.filter((file) => !file.startsWith('series/') && !file.endsWith('/index.html'))).toEqual([
      'catalog/1.json',
      'catalog.json',
      'datapackage.json',
      'facts.csv',
      'facts.parquet',
      'index.html',
      'manifest.json'
    ])
    // A report's page may change with the others: it links the series, and stops calling a value 推算 once a report publishes it.
    expect(changed).toContain('series/index.json')
    expect(Object.keys(before).filter((file) => !(file in after))).toEqual([])
    expect(Object.keys(after).filter((file) => !(file in before) && !file.startsWith('series/'))).toEqual(
      reportFiles.map((file) => `${secondSlug}/${file.href}`).sort()
    )
  })

  test('the new report’s data: its facts, valid against the bundle schema, in every format', () => {
    const bundle = readJson<FactBundle>(`dist/${secondSlug}/facts.json`)
    expect(validators().bundle(bundle)).toBe(true)
    expect(
      bundle.facts.map(
        (fact) => `${fact.id} ${fact.value} ${fact.unit}${fact.basePeriod ? ` base ${fact.basePeriod}` : ''}`
      )
    ).toEqual([
      'air.aqi_composite@2024 2.34 1',
      'air.aqi_composite@2023 2.61 1',
      'air.aqi_composite@2024:relative-change -10.3 % base 2023',
      'air.aqi_rank@2024 3 1',
      'air.aqi_rank@2023 7 1',
      'air.ranked_cities@2023 168 1',
      'air.good_days_ratio@2024 99.5 %',
      'air.good_days_ratio@2023 99.7 %',
      'water.section_excellent_ratio@2024 50 %',
      'water.drinking_source_class@2024:site=坂头-石兜水库、汀溪水库 2 1',
      'sea.good_quality_area_ratio@2024 91.7 %',
      'sea.good_quality_area_ratio@2023 84.2 %',
      'sea.good_quality_area_ratio@2024:change 7.5 % base 2023'
    ])
    const ids = bundle.facts.map((fact) => fact.id)
    const rows = Papa.parse<Record<string, string>>(read(`dist/${secondSlug}/facts.csv`), {
      header: true,
      skipEmptyLines: true
    }).data
    expect(rows.map((row) => row['id'])).toEqual(ids)
    expect(read(`dist/${secondSlug}/facts-excel.csv`)).toBe(`\uFEFF${read(`dist/${secondSlug}/facts.csv`)}`)
    const xbrl = readJson<{ facts: Record<string, { 'factmark:id': string }> }>(`dist/${secondSlug}/facts.xbrl.json`)
    expect(Object.values(xbrl.facts).map((fact) => fact['factmark:id'])).toEqual(ids)
    const resources = readJson<{ resources: Array<{ path: string; hash: string }> }>(
      `dist/${secondSlug}/datapackage.json`
    ).resources
    expect(resources.map((resource) => [resource.path, resource.hash])).toEqual(
      ['facts.csv', 'facts.json', 'facts.xbrl.json'].map((file) => [
        file,
        `sha256:${createHash('sha256')
          .update(read(`dist/${secondSlug}/${file}`))
          .digest('hex')}`
      ])
    )
  })

  test('the new report’s page and text', () => {
    const page = fromHtml(read(`dist/${secondSlug}/index.html`))
    const ids = readJson<FactBundle>(`dist/${secondSlug}/facts.json`).facts.map((fact) => fact.id)
    expect(selectAll('article data.fact', page).map((node) => node.properties['id'])).toEqual(ids)
    expect(read(`dist/${secondSlug}/report.md`)).toBe(second.replace(/:fact\[([^\]]*)\]\{[^}]*\}/g, '$1'))
    const links = selectAll('main a', fromHtml(read('dist/index.html'))).map((node) => String(node.properties['href']))
    for (const slug of [...reports, secondSlug]) expect(links).toContain(`${slug}/index.html`)
  })

  test('verify: every file matches the manifest', async () => {
    const listed = readJson<{ files: unknown[] }>('dist/manifest.json').files.length
    expect(await run('verify')).toEqual({
      code: 0,
      stdout: `✔ dist/manifest.json and the ${listed} files it lists: all match\n`,
      stderr: ''
    })
  })
})
