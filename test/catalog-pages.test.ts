import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { fromHtml } from 'hast-util-from-html'
import { selectAll } from 'hast-util-select'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { compile } from '../src/api.js'
import { renderArtifacts, reportFiles } from '../src/build/render-artifacts.js'
import type { Artifact } from '../src/build/publish.js'
import { reservedSlugReason } from '../src/load/reserved-slugs.js'
import type { Catalog, CatalogPage } from '../src/model/schema-types.js'
import { schemaOfSitePath, validatorOf } from '../src/model/schemas.js'
import { seedRegistry } from './helpers/seed.js'
import { hasJava, toolsRequired } from './helpers/tools.js'

// 250 tiny reports, made here: the catalog lists them on three pages of at most 100, so that no
// page a reader opens grows with the collection.
const count = 250
const slugOf = (index: number) => `report-${String(index).padStart(3, '0')}`

function tinyReport(index: number): string {
  return `---
title: 第${index}号报告
issuer: factmark
entity: 厦门市
period: "2025"
language: zh-CN
slug: ${slugOf(index)}
---

# 第${index}号报告

本报告没有数据。
`
}

let artifacts: Artifact[]
let cwd: string
beforeAll(async () => {
  cwd = mkdtempSync(path.join(tmpdir(), 'factmark-catalog-pages-'))
  mkdirSync(path.join(cwd, 'source'))
  writeFileSync(path.join(cwd, seedRegistry.path), seedRegistry.text)
  for (let index = 1; index <= count; index++)
    writeFileSync(path.join(cwd, 'source', `${slugOf(index)}.md`), tinyReport(index))
  const result = await compile({ cwd })
  expect(result.errorCount).toBe(0)
  // Only the report pages: the catalog links them, and the other files would only slow the test.
  artifacts = renderArtifacts(
    result,
    reportFiles.filter((file) => file.href === 'index.html')
  )
}, 120_000)
afterAll(() => rmSync(cwd, { recursive: true, force: true }))

const page = (file: string) => {
  const artifact = artifacts.find((candidate) => candidate.path === file)
  if (!artifact) throw new Error(`${file} was not written`)
  return fromHtml(String(artifact.content))
}
const hrefs = (file: string, selector: string) =>
  selectAll(selector, page(file)).map((element) => String(element.properties['href']))

describe('the catalog of 250 reports', () => {
  test('is three pages: index.html, catalog/2.html and catalog/3.html, and their data catalog/1.json, …', () => {
    expect(artifacts.map((artifact) => artifact.path).filter((file) => /^(index\.html|catalog)/.test(file))).toEqual([
      'catalog.json',
      'catalog/1.json',
      'catalog/2.html',
      'catalog/2.json',
      'catalog/3.html',
      'catalog/3.json',
      'index.html'
    ])
  })

  test('lists the same reports on each page of data as on the page of the same number, each meeting its schema', () => {
    const json = <T>(file: string): T => {
      const content = String(artifacts.find((artifact) => artifact.path === file)?.content)
      const schema = schemaOfSitePath(file)
      expect(schema && validatorOf(schema)(JSON.parse(content))).toBe(true)
      return JSON.parse(content) as T
    }
    expect(json<Catalog>('catalog.json').pages).toEqual([
      { path: 'catalog/1.json', reportCount: 100 },
      { path: 'catalog/2.json', reportCount: 100 },
      { path: 'catalog/3.json', reportCount: 50 }
    ])
    const slugs = (file: string) => json<CatalogPage>(file).reports.map((report) => `${report.slug}/index.html`)
    expect(slugs('catalog/1.json')).toEqual(hrefs('index.html', '.catalog > li > h2 > a'))
    for (const number of [2, 3])
      expect(slugs(`catalog/${number}.json`).map((href) => `../${href}`)).toEqual(
        hrefs(`catalog/${number}.html`, '.catalog > li > h2 > a')
      )
  })

  test('lists 100, 100 and 50 reports, in order, with links that climb back to the root', () => {
    expect(hrefs('index.html', '.catalog > li > h2 > a')).toEqual(
      Array.from({ length: 100 }, (_, index) => `${slugOf(index + 1)}/index.html`)
    )
    expect(hrefs('catalog/2.html', '.catalog > li > h2 > a')).toEqual(
      Array.from({ length: 100 }, (_, index) => `../${slugOf(index + 101)}/index.html`)
    )
    expect(hrefs('catalog/3.html', '.catalog > li > h2 > a')).toEqual(
      Array.from({ length: 50 }, (_, index) => `../${slugOf(index + 201)}/index.html`)
    )
  })

  test('links each page to the previous and next, and lists every page, the current one marked', () => {
    expect(hrefs('index.html', 'a[rel=prev]')).toEqual([])
    expect(hrefs('index.html', 'a[rel=next]')).toEqual(['catalog/2.html'])
    expect(hrefs('catalog/2.html', 'a[rel=prev]')).toEqual(['../index.html'])
    expect(hrefs('catalog/2.html', 'a[rel=next]')).toEqual(['../catalog/3.html'])
    expect(hrefs('catalog/3.html', 'a[rel=prev]')).toEqual(['../catalog/2.html'])
    expect(hrefs('catalog/3.html', 'a[rel=next]')).toEqual([])
    expect(hrefs('catalog/2.html', '.pages li > a:not([rel])')).toEqual([
      '../index.html',
      '../catalog/2.html',
      '../catalog/3.html'
    ])
    expect(hrefs('catalog/3.html', '[aria-current=page]')).toEqual(['../catalog/3.html'])
  })

  test('names in its head the page before and after it, and its reports as data', () => {
    const head = (file: string) =>
      selectAll('head link', page(file)).map((link) => [
        String(link.properties['rel']),
        String(link.properties['href']),
        link.properties['type'] ?? null
      ])
    expect(head('index.html')).toEqual([
      ['alternate', 'catalog/1.json', 'application/json'],
      ['next', 'catalog/2.html', null]
    ])
    expect(head('catalog/2.html')).toEqual([
      ['alternate', '../catalog/2.json', 'application/json'],
      ['prev', '../index.html', null],
      ['next', '../catalog/3.html', null]
    ])
    expect(head('catalog/3.html')).toEqual([
      ['alternate', '../catalog/3.json', 'application/json'],
      ['prev', '../catalog/2.html', null]
    ])
  })

  test('says on every page how many reports there are and which it lists', () => {
    const meta = (file: string) =>
      selectAll('.title-block > .meta', page(file)).map((element) =>
        element.children.map((child) => ('value' in child ? child.value : '')).join('')
      )
    expect(meta('index.html')).toEqual(['250 份报告,共 0 项数据;本页列出第 1–100 份'])
    expect(meta('catalog/3.html')).toEqual(['250 份报告,共 0 项数据;本页列出第 201–250 份'])
  })

  test('keeps the site-wide files on every page, linked from where the page is', () => {
    expect(hrefs('catalog/2.html', '.title-block a')).toEqual([
      '../facts.csv',
      '../facts.parquet',
      '../datapackage.json'
    ])
  })

  test('lists every page in the manifest', () => {
    const manifest = JSON.parse(String(artifacts.find((artifact) => artifact.path === 'manifest.json')?.content)) as {
      files: Array<{ path: string }>
    }
    expect(manifest.files.map((file) => file.path).filter((file) => file.startsWith('catalog'))).toEqual([
      'catalog.json',
      'catalog/1.json',
      'catalog/2.html',
      'catalog/2.json',
      'catalog/3.html',
      'catalog/3.json'
    ])
  })
})

test('a report cannot take the slug of the folder of the catalog pages', () => {
  expect(reservedSlugReason('catalog')).toBe('the site writes the further pages of its catalog of reports in catalog/')
})

test.skipIf(!hasJava && !toolsRequired)(
  'the W3C Nu HTML Checker reports nothing on the three pages',
  async () => {
    const pages = ['index.html', 'catalog/2.html', 'catalog/3.html'].map((file) => path.join(cwd, 'dist', file))
    mkdirSync(path.join(cwd, 'dist', 'catalog'), { recursive: true })
    for (const file of pages)
      writeFileSync(file, String(artifacts.find((a) => path.join(cwd, 'dist', a.path) === file)?.content))
    const vnu = path.join(
      path.dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')),
      'build/dist/vnu.jar'
    )
    // vnu exits non-zero when it finds errors; its report is on stderr either way.
    const output = await promisify(execFile)('java', ['-jar', vnu, '--format', 'json', ...pages]).catch(
      (error: unknown) => ({ stderr: (error as { stderr?: string }).stderr ?? '' })
    )
    expect((JSON.parse(output.stderr) as { messages: unknown[] }).messages).toEqual([])
  },
  60_000
)
