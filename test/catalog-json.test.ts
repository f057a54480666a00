import { describe, expect, test } from 'vitest'
import { emitCatalogJson, emitCatalogJsonPages } from '../src/emit/catalog-json.js'
import type { Download } from '../src/emit/downloads.js'
import type { CompiledReport } from '../src/model/compiled.js'
import type { Catalog, CatalogPage } from '../src/model/schema-types.js'
import { schemaOfSitePath, validatorOf } from '../src/model/schemas.js'
import { version } from '../src/version.js'

// Reports made here with only what the catalog reads: its pages must not depend on anything else.
const slugOf = (index: number) => `r-${String(index).padStart(3, '0')}`
const files: Download[] = [
  { href: 'index.html', label: '网页', type: 'text/html', data: false },
  { href: 'facts.json', label: '数据(JSON)', type: 'application/json', data: true }
]

function entry(index: number): { report: CompiledReport; files: Download[] } {
  const report = {
    bundle: {
      report: {
        slug: slugOf(index),
        title: `第${index}号报告`,
        issuer: '示例局',
        entity: '示例市',
        period: '2025',
        language: 'zh-CN',
        source: `source/${slugOf(index)}.md`
      },
      // Report n holds n mod 10 facts of metric m<n mod 3>: three metrics in the whole site.
      facts: Array.from({ length: index % 10 }, () => ({})),
      metrics: { [`m${index % 3}`]: {} }
    }
  }
  return { report: report as unknown as CompiledReport, files }
}
const entries = (count: number) => Array.from({ length: count }, (_, index) => entry(index + 1))
const json = <T>(text: string) => JSON.parse(text) as T

describe('catalog.json is an index of pages of at most 100 reports', () => {
  test.each([
    [0, []],
    [1, [1]],
    [99, [99]],
    [100, [100]],
    [101, [100, 1]],
    [200, [100, 100]],
    [201, [100, 100, 1]],
    [250, [100, 100, 50]]
  ])('%i reports: pages of %j', (count, sizes) => {
    const catalog = json<Catalog>(emitCatalogJson(entries(count)))
    expect(catalog.pages).toEqual(
      sizes.map((size, index) => ({ path: `catalog/${index + 1}.json`, reportCount: size }))
    )
    const pages = emitCatalogJsonPages(entries(count))
    expect(pages.map((page) => [page.path, json<CatalogPage>(page.render()).reports.length])).toEqual(
      catalog.pages.map((page) => [page.path, page.reportCount])
    )
    // Every report once, in order, over the pages.
    expect(pages.flatMap((page) => json<CatalogPage>(page.render()).reports.map((report) => report.slug))).toEqual(
      Array.from({ length: count }, (_, index) => slugOf(index + 1))
    )
  })

  test('101 reports: the index, exactly', () => {
    expect(emitCatalogJson(entries(101))).toBe(`{
  "$schema": "https://factmark.dev/schema/v1/catalog.schema.json",
  "generator": {
    "name": "factmark",
    "version": "${version}"
  },
  "reportCount": 101,
  "factCount": 451,
  "metricCount": 3,
  "pageSize": 100,
  "pages": [
    {
      "path": "catalog/1.json",
      "reportCount": 100
    },
    {
      "path": "catalog/2.json",
      "reportCount": 1
    }
  ]
}
`)
  })

  test('101 reports: the second page, exactly, with the 101st report and a link back', () => {
    const second = emitCatalogJsonPages(entries(101))[1]
    expect({ path: second?.path, content: second?.render() }).toEqual({
      path: 'catalog/2.json',
      content: `{
  "$schema": "https://factmark.dev/schema/v1/catalog-page.schema.json",
  "generator": {
    "name": "factmark",
    "version": "${version}"
  },
  "page": 2,
  "pageCount": 2,
  "index": "catalog.json",
  "previous": "catalog/1.json",
  "reports": [
    {
      "slug": "r-101",
      "title": "第101号报告",
      "issuer": "示例局",
      "entity": "示例市",
      "period": "2025",
      "language": "zh-CN",
      "source": "source/r-101.md",
      "factCount": 1,
      "metricCount": 1,
      "files": [
        {
          "path": "r-101/index.html",
          "mediaType": "text/html",
          "title": "网页"
        },
        {
          "path": "r-101/facts.json",
          "mediaType": "application/json",
          "title": "数据(JSON)"
        }
      ]
    }
  ]
}
`
    })
  })

  test('each page links the one before and after it, none beyond the ends', () => {
    const links = emitCatalogJsonPages(entries(250)).map(({ render }) => {
      const { page, pageCount, previous, next } = json<CatalogPage>(render())
      return { page, pageCount, previous, next }
    })
    expect(links).toEqual([
      { page: 1, pageCount: 3, previous: undefined, next: 'catalog/2.json' },
      { page: 2, pageCount: 3, previous: 'catalog/1.json', next: 'catalog/3.json' },
      { page: 3, pageCount: 3, previous: 'catalog/2.json', next: undefined }
    ])
  })

  test('a site of one report has one page, without links to others', () => {
    const [page] = emitCatalogJsonPages(entries(1))
    expect(json<CatalogPage>(page?.render() ?? '{}')).not.toHaveProperty('previous')
    expect(json<CatalogPage>(page?.render() ?? '{}')).not.toHaveProperty('next')
  })

  test('the index grows by one entry of pages a hundred reports, and no page beyond a hundred reports', () => {
    const size = (count: number) => Buffer.byteLength(emitCatalogJson(entries(count)))
    expect(size(5000) - size(4900)).toBe(size(4900) - size(4800))
    expect(size(5000) - size(4900)).toBeLessThan(80)
    const pages = emitCatalogJsonPages(entries(5000))
    const sizes = pages.map((page) => Buffer.byteLength(page.render()))
    // Only the digits of the page numbers and of the slugs differ.
    expect(Math.max(...sizes) / Math.min(...sizes)).toBeLessThan(1.05)
  })
})

describe('the catalog files meet their published schemas', () => {
  test.each([0, 1, 100, 101, 250])('%i reports', (count) => {
    const written = [
      { path: 'catalog.json', content: emitCatalogJson(entries(count)) },
      ...emitCatalogJsonPages(entries(count)).map((page) => ({ path: page.path, content: page.render() }))
    ]
    for (const file of written) {
      const schema = schemaOfSitePath(file.path)
      expect(schema).toBe(file.path === 'catalog.json' ? 'catalog.schema.json' : 'catalog-page.schema.json')
      const validate = validatorOf(schema ?? 'catalog.schema.json')
      expect({ file: file.path, valid: validate(json(file.content)), errors: validate.errors ?? null }).toEqual({
        file: file.path,
        valid: true,
        errors: null
      })
    }
  })

  test('a page that lists a report without its files does not', () => {
    const [page] = emitCatalogJsonPages(entries(1))
    const data = json<{ reports: Array<Record<string, unknown>> }>(page?.render() ?? '{}')
    delete data.reports[0]?.['files']
    expect(validatorOf('catalog-page.schema.json')(data)).toBe(false)
  })

  test('only catalog/<n>.json from 1 is a page of the catalog', () => {
    expect(
      ['catalog/1.json', 'catalog/12.json', 'catalog/0.json', 'catalog/01.json', 'catalog/2.html'].map(schemaOfSitePath)
    ).toEqual(['catalog-page.schema.json', 'catalog-page.schema.json', undefined, undefined, undefined])
  })
})
