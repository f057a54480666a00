import fc from 'fast-check'
import { fromHtml } from 'hast-util-from-html'
import { select, selectAll } from 'hast-util-select'
import { describe, expect, test } from 'vitest'
import { drawnSeries, seriesLines } from '../src/emit/html/series-lines.js'
import { seriesPageFile, seriesPageRows, seriesPages } from '../src/emit/html/series-pages.js'
import { emitSeriesHtml, emitSeriesPages } from '../src/emit/series-html.js'
import type { Series, SeriesPoint, SeriesTarget } from '../src/model/schema-types.js'
import { compileSeriesFixture } from './helpers/series-fixture.js'
import { squeeze, textOf as text } from './helpers/hast-text.js'

// A metric reported by many districts, as a province's collection has it: a line for each, which
// the pages split.
const collection = compileSeriesFixture().collection
const pm25 = collection?.series.find((series) => series.metric.id === 'air.pm25')
const goodDays = collection?.series.find((series) => series.metric.id === 'air.good_days_ratio')
if (!pm25 || !goodDays) throw new Error('the series fixture has no PM2.5 or good days series')
const [point] = pm25.points.filter((candidate) => candidate.status === 'published')
const [target] = goodDays.targets
if (!point || !target) throw new Error('the fixtures have no published point or no target')

const district = (index: number) => `第${String(index).padStart(4, '0')}区`
const pointOf = (entity: string, period: string): SeriesPoint => ({ ...point, entity, period, alsoIn: undefined })
/** A series of `lines` districts, each with `periods` points from 2001 on. */
const districts = (lines: number, periods: number, targets: SeriesTarget[] = []): Series => ({
  ...pm25,
  entity: district(1),
  points: Array.from({ length: lines }, (_, line) =>
    Array.from({ length: periods }, (__, period) => pointOf(district(line + 1), String(2001 + period)))
  ).flat(),
  targets,
  checks: []
})
const where = (series: Series) =>
  seriesPages(series).map((page) => [
    page.points.length + page.targets.length,
    new Set([...page.points, ...page.targets.map((group) => group.target)].map((item) => item.entity)).size
  ])

describe('the pages of a series', () => {
  test.each([
    ['200 districts of one point: one page', districts(200, 1), [[200, 200]]],
    [
      '201 districts of one point: 200 and 1',
      districts(201, 1),
      [
        [200, 200],
        [1, 1]
      ]
    ],
    [
      '67 districts of three points: a line is not split while it fits a page',
      districts(67, 3),
      [
        [198, 66],
        [3, 1]
      ]
    ],
    [
      'a line of 450 points alone goes on over pages',
      districts(1, 450),
      [
        [200, 1],
        [200, 1],
        [50, 1]
      ]
    ],
    [
      'a restated target is one row',
      districts(
        199,
        1,
        [1, 2, 3].map((copy) => ({ ...target, entity: district(1), report: `copy-${copy}` }))
      ),
      [[200, 199]]
    ]
  ])('%s', (_case, series, rows) => {
    expect(where(series)).toEqual(rows)
  })

  test('are planned without reading the checks, which a collection makes each time they are read', () => {
    let read = 0
    const series = districts(201, 1)
    Object.defineProperty(series, 'checks', { enumerable: true, get: () => (read++, []) })
    expect(seriesPages(series)).toHaveLength(2)
    expect(read).toBe(0)
  })

  test('a series that fits one page is one page of all of it, in its own order', () => {
    const [only, ...more] = seriesPages(pm25)
    expect(more).toEqual([])
    expect(only?.points).toBe(pm25.points)
    expect(only?.targets.map((group) => group.target)).toEqual(pm25.targets)
  })

  test('the main line is on the first page, and each page lists its points in the order of the series', () => {
    const series = districts(300, 1)
    series.entity = district(250)
    const [first, second] = seriesPages(series)
    expect(first?.points.map((item) => item.entity)).toEqual(
      [...Array.from({ length: 199 }, (_, i) => district(i + 1)), district(250)].sort()
    )
    expect(second?.points.map((item) => item.entity)).toEqual(
      Array.from({ length: 101 }, (_, i) => district(i + 200)).filter((name) => name !== district(250))
    )
  })

  // The pages as the lines of the chart make them (see seriesLines), laid one row after another:
  // what seriesPages plans from the lines' numbers alone.
  const laidOut = (series: Series) => {
    const pageOf = new Map<SeriesPoint | SeriesTarget, number>()
    let [page, rows] = [0, 0]
    for (const line of seriesLines(drawnSeries(series, series.points, series.targets))) {
      const items = [...line.points, ...line.targets]
      if (rows > 0 && rows + items.length > seriesPageRows) [page, rows] = [page + 1, 0]
      for (const item of items) {
        if (rows === seriesPageRows) [page, rows] = [page + 1, 0]
        pageOf.set(item, page)
        rows++
      }
    }
    return Array.from({ length: page + 1 }, (_, number) => ({
      points: series.points.filter((item) => pageOf.get(item) === number),
      targets: series.targets.filter((item) => pageOf.get(item) === number)
    }))
  }
  // Lines of a few entities, some with dimensions, of up to 300 points, in any order; targets of
  // their own values, so that none restates another.
  const item = fc.record({
    entity: fc.integer({ min: 1, max: 60 }).map(district),
    site: fc.constantFrom(undefined, '东', '西'),
    period: fc.integer({ min: 2001, max: 2030 }).map(String)
  })
  const dimensionsOf = (site: string | undefined): Record<string, string> => (site === undefined ? {} : { site })
  const manyLines = fc
    .record({
      points: fc.array(item, { minLength: 150, maxLength: 300 }),
      targets: fc.array(item, { maxLength: 40 }),
      entity: fc.integer({ min: 1, max: 70 }).map(district)
    })
    .map(({ points, targets, entity }): Series => ({
      ...pm25,
      entity,
      points: points.map(({ entity: of, site, period }) => ({
        ...pointOf(of, period),
        dimensions: dimensionsOf(site)
      })),
      targets: targets.map(({ entity: of, site, period }, at) => ({
        ...target,
        entity: of,
        period,
        dimensions: dimensionsOf(site),
        value: at
      })),
      checks: []
    }))

  test('are the lines of the chart laid one row after another, whatever the lines', () => {
    fc.assert(
      fc.property(manyLines, (series) => {
        const pages = seriesPages(series)
        expect(
          pages.map((page) => ({ points: page.points, targets: page.targets.map((group) => group.target) }))
        ).toEqual(laidOut(series))
        expect(pages.map((page) => [page.number, page.count])).toEqual(pages.map((_, at) => [at + 1, pages.length]))
      }),
      { numRuns: 200 }
    )
  })

  test.each([
    ['air.pm25', 1, 'air.pm25.html'],
    ['air.pm25', 2, 'air.pm25-2.html'],
    ['water.sites', 12, 'water.sites-12.html']
  ])('page %s %i is series/%s', (metric, number, file) => {
    expect(seriesPageFile(metric, number)).toBe(file)
  })
})

const title = (slug: string) => slug

describe('a series of 1,000 districts on its pages', () => {
  const series = districts(1000, 1)
  const pages = emitSeriesPages(series, title)
  const trees = pages.map((page) => fromHtml(page.render()))
  const second = trees[1] ?? fromHtml('')

  test(`five pages of ${seriesPageRows} rows, the first named as before`, () => {
    expect(pages.map((page) => page.file)).toEqual([
      'air.pm25.html',
      'air.pm25-2.html',
      'air.pm25-3.html',
      'air.pm25-4.html',
      'air.pm25-5.html'
    ])
    expect(trees.map((tree) => selectAll('section[aria-labelledby=points-title] tbody tr', tree).length)).toEqual([
      200, 200, 200, 200, 200
    ])
    expect(pages[0]?.render()).toBe(emitSeriesHtml(series, title))
  })

  test('each page says which it is and links the others', () => {
    expect(squeeze(text(select('title', second)))).toBe('PM2.5年均浓度:历年数值(第 2 页)')
    expect(squeeze(text(select('header .meta', second)))).toBe(
      '单位 μg/m³ · 越低越好 · 1000 个数据点,第 2/5 页 · 2 项变化 · 全部报告'
    )
    expect(squeeze(text(select('section[aria-labelledby=points-title] caption', second)))).toBe(
      'PM2.5年均浓度:本页 200 个数据点,200 条线'
    )
    const links = selectAll('nav.pages a', second).map((link) => [squeeze(text(link)), link.properties['href']])
    expect(links).toEqual([
      ['上一页', 'air.pm25.html'],
      ['1', 'air.pm25.html'],
      ['2', 'air.pm25-2.html'],
      ['3', 'air.pm25-3.html'],
      ['4', 'air.pm25-4.html'],
      ['5', 'air.pm25-5.html'],
      ['下一页', 'air.pm25-3.html']
    ])
    expect(select('nav.pages a[aria-current=page]', second)?.properties['href']).toBe('air.pm25-2.html')
    expect(select('nav.pages', trees[0] ?? second)?.properties['ariaLabel']).toBe('序列分页')
    // And in the head, where browsers and crawlers look for the pages before and after.
    const head = selectAll('head link', second).map((link) => [String(link.properties['rel']), link.properties['href']])
    expect(head).toEqual([
      ['alternate', 'air.pm25.json'],
      ['prev', 'air.pm25.html'],
      ['next', 'air.pm25-3.html']
    ])
    expect(selectAll('head link[rel=prev]', trees[0] ?? second)).toEqual([])
  })

  test('the checks are listed on the first page, which the others point to', () => {
    const checked: Series = { ...series, checks: pm25.checks }
    const [first, next] = emitSeriesPages(checked, title).map((page) => fromHtml(page.render()))
    expect(selectAll('section[aria-labelledby=checks-title] tbody tr', first ?? second)).toHaveLength(
      pm25.checks.length
    )
    const pointer = select('section[aria-labelledby=checks-title] p', next ?? second)
    expect(squeeze(text(pointer))).toBe('跨报告核对见第 1 页。')
    expect(select('a', pointer ?? second)?.properties['href']).toBe('air.pm25.html#checks-title')
  })

  test('a page weighs the same whether 1,000 or 3,000 districts report the metric', () => {
    const sizes = (lines: number) => {
      const all = emitSeriesPages(districts(lines, 1), title)
      return [all[1], all.at(-2)].map((page) => Buffer.byteLength(page?.render() ?? ''))
    }
    const [few, many] = [sizes(1000), sizes(3000)]
    // The second page and the one before the last: only the digits of page numbers differ.
    for (const [index, bytes] of few.entries()) expect(Math.abs((many[index] ?? 0) - bytes)).toBeLessThan(200)
    expect(emitSeriesPages(districts(3000, 1), title)).toHaveLength(15)
  })
})
