import { fromHtml } from 'hast-util-from-html'
import { selectAll } from 'hast-util-select'
import { expect, test } from 'vitest'
import { emitCatalogHtml } from '../src/emit/catalog-html.js'
import { pageLinks } from '../src/emit/html/page-links.js'
import type { CompiledReport } from '../src/model/compiled.js'

test.each([
  [1, 1, [1]],
  [1, 3, [1, 2, 3]],
  [2, 9, [1, 2, 3, 4, 5, undefined, 9]],
  [5, 9, [1, 2, 3, 4, 5, 6, 7, 8, 9]],
  [6, 10, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  [1, 20, [1, 2, 3, 4, undefined, 20]],
  [8, 20, [1, undefined, 5, 6, 7, 8, 9, 10, 11, undefined, 20]],
  [5, 20, [1, 2, 3, 4, 5, 6, 7, 8, undefined, 20]],
  [20, 20, [1, undefined, 17, 18, 19, 20]],
  [500, 1000, [1, undefined, 497, 498, 499, 500, 501, 502, 503, undefined, 1000]]
])('page %i of %i links the pages %j (undefined: a gap)', (current, count, links) => {
  expect(pageLinks(current, count)).toEqual(links)
})

// Reports made here with only what the catalog's page reads.
function entry(index: number): { report: CompiledReport; artifacts: [] } {
  const slug = `r-${String(index).padStart(4, '0')}`
  const info = {
    slug,
    title: `第${index}号报告`,
    issuer: '示例局',
    entity: '示例市',
    period: '2025',
    language: 'zh-CN'
  }
  return {
    report: { frontMatter: info, bundle: { report: info, facts: [], metrics: {} } } as unknown as CompiledReport,
    artifacts: []
  }
}

test('a catalog of 2,000 reports links at most 9 pages and two gaps from each page, whose size does not grow', () => {
  const entries = Array.from({ length: 2000 }, (_, index) => entry(index + 1))
  const pages = emitCatalogHtml(entries).filter((page) => page.path.endsWith('.html'))
  expect(pages).toHaveLength(20)
  const eighth = fromHtml(pages.find((page) => page.path === 'catalog/8.html')?.render() ?? '')
  expect(
    selectAll('.pages li', eighth).map(
      (item) =>
        item.children.map((child) => ('value' in child ? child.value : '')).join('') ||
        (selectAll('a', item)[0]?.children[0] as { value?: string } | undefined)?.value
    )
  ).toEqual(['上一页', '1', '…', '5', '6', '7', '8', '9', '10', '11', '…', '20', '下一页'])
  const sizes = pages.slice(1, -1).map((page) => Buffer.byteLength(page.render()))
  // Only the digits of page numbers and slugs differ between the pages that are neither first nor last.
  expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThan(400)
})
