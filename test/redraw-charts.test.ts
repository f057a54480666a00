import { describe, expect, test } from 'vitest'
import { reportFiles } from '../src/build/render-artifacts.js'
import {
  collectionLookup,
  levelKey,
  noCollection,
  type CollectionLookup,
  type PublishedLevel
} from '../src/emit/html/collection-lookup.js'
import { redrawCharts } from '../src/emit/html/redraw-charts.js'
import { emitReportHtml } from '../src/emit/report-html.js'
import type { CompiledReport } from '../src/model/compiled.js'
import { compileSeriesFixture } from './helpers/series-fixture.js'

// The 2025 report of the series fixture gives two changes against 2024: one whose base the 2024
// report publishes, one whose base it publishes itself. A build draws its page first without the
// collection, and then with it.
const result = compileSeriesFixture()
const report = result.reports.find((entry) => entry.frontMatter.period === '2025') as CompiledReport
const downloads = reportFiles.filter((file) => file.href !== 'index.html').map(({ emit: _emit, ...file }) => file)
const titles = new Map(result.reports.map((entry) => [entry.frontMatter.slug, entry.frontMatter.title]))
const collection = collectionLookup(result.collection, (slug) => titles.get(slug) ?? slug)

/** The page drawn with a lookup, and the levels it asked for with the answers it was given. */
function drawn(lookup: CollectionLookup): { page: string; answers: Map<string, PublishedLevel> } {
  const answers = new Map<string, PublishedLevel>()
  const page = emitReportHtml(report, result.registry, downloads, {
    ...lookup,
    publishedLevel: (query) => {
      const answer = lookup.publishedLevel(query)
      if (answer) answers.set(levelKey(query), answer)
      return answer
    }
  })
  return { page, answers }
}

const alone = drawn({ ...collection, publishedLevel: noCollection.publishedLevel })
const beside = drawn(collection)
const redraw = (page: string, from: ReadonlyMap<string, PublishedLevel>, to: ReadonlyMap<string, PublishedLevel>) =>
  redrawCharts(page, report.bundle, result.registry, from, to)

describe('a page drawn again with the levels of the collection', () => {
  test('is the page drawn with them from the start, byte for byte', () => {
    expect([...beside.answers.values()].map((level) => `${level.report} ${level.text}`)).toEqual([
      'series-2024 98.0%',
      'series-2025 20.0'
    ])
    expect(alone.page).not.toBe(beside.page)
    expect(redraw(alone.page, alone.answers, beside.answers)).toBe(beside.page)
  })

  test('goes back to the page drawn alone when the levels go', () => {
    expect(redraw(beside.page, beside.answers, alone.answers)).toBe(alone.page)
  })

  test('is the same page when the levels are the same', () => {
    expect(redraw(beside.page, beside.answers, beside.answers)).toBe(beside.page)
  })

  test('is refused when a chart does not stand in the page as it was drawn', () => {
    const edited = alone.page.replace('由此推算', '据此推算')
    expect(edited).not.toBe(alone.page)
    expect(redraw(edited, alone.answers, beside.answers)).toBeUndefined()
    // Drawn with other levels than the caller says: the charts it names are not there.
    expect(redraw(beside.page, alone.answers, beside.answers)).toBeUndefined()
  })

  test('is refused when a chart stands in the page twice', () => {
    const start = alone.page.indexOf('<figure class="chart')
    const end = alone.page.indexOf('</figure>', start) + '</figure>'.length
    const twice = alone.page.slice(0, end) + alone.page.slice(start, end) + alone.page.slice(end)
    expect(redraw(twice, alone.answers, beside.answers)).toBeUndefined()
  })
})
