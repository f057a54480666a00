import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { reportFiles } from '../src/build/render-artifacts.js'
import { build, compile } from '../src/index.js'
import type { Catalog, CatalogPage } from '../src/model/schema-types.js'
import { schemaFiles } from '../src/model/schemas.js'
import { writeSeedProject } from './helpers/seed.js'
import { snapshot } from './helpers/snapshot.js'

let cwd: string

beforeEach(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'factmark-build-'))
  writeSeedProject(cwd)
})
afterEach(() => rmSync(cwd, { recursive: true, force: true }))

describe('the site', () => {
  test('holds every artifact of the report and of the site', async () => {
    const outcome = await build({ cwd })
    expect(outcome.ok).toBe(true)
    // Each metric's series as data and as a page, as the index of series names them.
    const index = JSON.parse(readFileSync(path.join(cwd, 'dist/series/index.json'), 'utf8')) as {
      metrics: Array<{ json: string; html: string }>
    }
    expect(index.metrics.length).toBeGreaterThan(0)
    const series = ['index.json', ...index.metrics.flatMap((metric) => [metric.json, metric.html])]
    expect(Object.keys(snapshot(path.join(cwd, 'dist')))).toEqual([
      'catalog/1.json',
      'catalog.json',
      'datapackage.json',
      'facts.csv',
      'facts.parquet',
      'index.html',
      'manifest.json',
      ...schemaFiles.map((file) => `schema/${file}`).sort(),
      ...series.map((file) => `series/${file}`).sort(),
      'taxonomy/dimensions.xsd',
      'taxonomy/metrics-label.xml',
      'taxonomy/metrics.xsd',
      ...reportFiles.map((file) => `xiamen-2025/${file.href}`).sort()
    ])
  })

  test('is byte-identical from one build to the next', async () => {
    await build({ cwd })
    const first = snapshot(path.join(cwd, 'dist'))
    await build({ cwd, out: 'again' })
    expect(snapshot(path.join(cwd, 'again'))).toEqual(first)
  })

  test('is byte-identical wherever the build runs from: the data name each report by its path in the project', async () => {
    await build({ cwd })
    const first = snapshot(path.join(cwd, 'dist'))
    const facts = JSON.parse(readFileSync(path.join(cwd, 'dist/xiamen-2025/facts.json'), 'utf8')) as {
      report: { source: string }
      facts: Array<{ source: { file: string } }>
    }
    expect([facts.report.source, facts.facts[0]?.source.file]).toEqual([
      'source/xiamen-2025.md',
      'source/xiamen-2025.md'
    ])
    // From inside the source folder, and from another folder altogether, with the cache and without.
    await build({ cwd: path.join(cwd, 'source'), src: '.', out: '../inside' })
    expect(snapshot(path.join(cwd, 'inside'))).toEqual(first)
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'factmark-elsewhere-'))
    try {
      for (const cache of [true, false]) {
        const out = path.join(cwd, `outside-${String(cache)}`)
        await build({ cwd: elsewhere, src: path.join(cwd, 'source'), out, cache })
        expect(snapshot(out)).toEqual(first)
      }
    } finally {
      rmSync(elsewhere, { recursive: true, force: true })
    }
  })

  test('names each report in its messages by its path from the folder the command runs in, and in its data by its path in the project', async () => {
    const inside = { cwd: path.join(cwd, 'source'), src: '.' }
    const clean = await compile(inside)
    expect(clean.reports.map((report) => report.bundle.report.source)).toEqual(['source/xiamen-2025.md'])
    const report = path.join(cwd, 'source/xiamen-2025.md')
    writeFileSync(report, readFileSync(report, 'utf8').replace(':fact[17.4]', ':fact[17.4]{metric=air.pm2.5}'))
    const unknown = (await compile(inside)).diagnostics.filter((d) => d.ruleId === 'unknown-metric')
    expect(unknown.map((d) => `${d.file}:${d.line}`)).toEqual(['xiamen-2025.md:45'])
  })

  test('lists every other file in the manifest with its size and sha256', async () => {
    await build({ cwd })
    const dist = path.join(cwd, 'dist')
    const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8')) as {
      files: Array<{ path: string; bytes: number; sha256: string }>
    }
    const files = snapshot(dist)
    delete files['manifest.json']
    expect(Object.fromEntries(manifest.files.map((file) => [file.path, file.sha256]))).toEqual(files)
    for (const file of manifest.files) expect(file.bytes).toBe(statSync(path.join(dist, file.path)).size)
  })

  test('lists every report and its files in the pages catalog.json indexes, and every file exists', async () => {
    await build({ cwd })
    const dist = path.join(cwd, 'dist')
    const read = <T>(file: string) => JSON.parse(readFileSync(path.join(dist, file), 'utf8')) as T
    const catalog = read<Catalog>('catalog.json')
    expect(catalog).toMatchObject({
      reportCount: 1,
      factCount: 128,
      pages: [{ path: 'catalog/1.json', reportCount: 1 }]
    })
    const { reports } = read<CatalogPage>('catalog/1.json')
    expect(reports.map((report) => [report.slug, report.factCount])).toEqual([['xiamen-2025', 128]])
    const listed = reports[0]?.files.map((file) => file.path) ?? []
    expect([...listed].sort()).toEqual(reportFiles.map((file) => `xiamen-2025/${file.href}`).sort())
    for (const file of listed) expect(statSync(path.join(dist, file)).isFile()).toBe(true)
  })

  test('publishes the schemas under the names their $ids end with', async () => {
    await build({ cwd })
    for (const file of schemaFiles) {
      const schema = JSON.parse(readFileSync(path.join(cwd, 'dist/schema', file), 'utf8')) as { $id: string }
      expect(schema.$id).toBe(`https://factmark.dev/schema/v1/${file}`)
    }
  })
})

describe('a failed build leaves the previous dist/ exactly as it was', () => {
  test('when a source is invalid', async () => {
    await build({ cwd })
    const before = snapshot(path.join(cwd, 'dist'))
    const file = path.join(cwd, 'source/xiamen-2025.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('{metric=air.pm10}', '{metric=air.pm100}'))
    const outcome = await build({ cwd })
    expect(outcome).toMatchObject({ ok: false, error: { reason: 'invalid', message: 'the sources have 1 error' } })
    expect(snapshot(path.join(cwd, 'dist'))).toEqual(before)
  })

  test('when an emitter throws', async () => {
    await build({ cwd })
    const before = snapshot(path.join(cwd, 'dist'))
    const failing = [
      ...reportFiles.slice(0, 2),
      {
        href: 'broken.txt',
        label: 'broken',
        type: 'text/plain',
        data: false,
        emit: () => {
          throw new Error('disk of the emitter is full')
        }
      },
      ...reportFiles.slice(2)
    ]
    const outcome = await build({ cwd, reportFiles: failing })
    expect(outcome).toMatchObject({
      ok: false,
      error: { reason: 'emit', message: 'writing xiamen-2025/broken.txt failed: disk of the emitter is full' }
    })
    expect(snapshot(path.join(cwd, 'dist'))).toEqual(before)
    expect(readdirSync(cwd).sort()).toEqual(['dist', 'source'])
  })
})
