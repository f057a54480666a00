import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { writeSeriesFiles } from '../src/build/series-on-disk.js'
import { emitSeriesHtml } from '../src/emit/series-html.js'
import { emitSeriesJson } from '../src/emit/series-json.js'
import type { Series } from '../src/model/schema-types.js'
import { readSchema } from '../src/model/schemas.js'
import { compileSeriesFixture } from './helpers/series-fixture.js'

const folder = mkdtempSync(path.join(tmpdir(), 'factmark-series-on-disk-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

const collection = compileSeriesFixture().collection
if (!collection) throw new Error('the series fixture makes no collection')
const title = (slug: string) => `《${slug}》`
const written = (series: Series) => {
  const places = { json: path.join(folder, 'series.json'), html: folder }
  const { json: made, pages } = writeSeriesFiles(series, places, title)
  const html = pages.map((file) => readFileSync(path.join(folder, file), 'utf8'))
  return { made, pages, json: readFileSync(places.json, 'utf8'), html }
}

const [first] = collection.series
if (!first) throw new Error('the fixture has no series')
// Copies of one report name each other's figures: a point printed again by other reports.
const restated: Series = {
  ...first,
  points: first.points.map((point, index) =>
    index === 0
      ? { ...point, alsoIn: ['copy-1', 'copy-2'].map((report) => ({ ...referenceOf(point), report })) }
      : point
  )
}
function referenceOf({ report, fact, text, value, source }: Series['points'][number]) {
  return { report, fact, text, value, source }
}

describe('a series written a point and a check at a time', () => {
  test.each([
    ...collection.series.map((series) => [series.metric.id, series] as const),
    ['a point printed by other reports too', restated] as const
  ])('%s: the same JSON and page as written whole', (_id, series) => {
    const { made, pages, json, html } = written(series)
    expect(json).toBe(emitSeriesJson(series))
    expect(pages).toEqual([`${series.metric.id}.html`])
    expect(html).toEqual([emitSeriesHtml(series, title)])
    expect(made.bytes).toBe(Buffer.byteLength(json))
  })

  // Checks are checked 64 at a time: 150 of them make two full batches and a last of 22.
  const checking = collection.series.find((series) => series.checks.length > 0)
  const many = (series: Series, bad?: number): Series => ({
    ...series,
    checks: Array.from({ length: 150 }, (_, index) =>
      index === bad
        ? ({ kind: 'restated' } as unknown as Series['checks'][number])
        : (series.checks[index % series.checks.length] as Series['checks'][number])
    )
  })

  test('150 checks: the same JSON as written whole', () => {
    if (!checking) throw new Error('the fixture has no series with checks')
    const series = many(checking)
    expect(written(series).json).toBe(emitSeriesJson(series))
  })

  test.each([0, 63, 64, 127, 128, 149])('150 checks, the one at %i not meeting the schema: the series fails', (bad) => {
    if (!checking) throw new Error('the fixture has no series with checks')
    expect(() => written(many(checking, bad))).toThrow(`series/${checking.metric.id}.json does not meet its schema`)
  })

  // Points too, but fewer of them once they name 256 reports: 150 points of which every tenth
  // names 300 reports are checked in batches of every size up to 64.
  const [point] = first.points
  const named = (count: number) =>
    point && Array.from({ length: count }, (_, at) => ({ ...referenceOf(point), report: `copy-${at}` }))
  const points = (bad?: number): Series => ({
    ...first,
    points: Array.from({ length: 150 }, (_, index) => ({
      ...(point as Series['points'][number]),
      ...(index % 10 === 0 && { alsoIn: named(300) }),
      ...(index === bad && { period: '' })
    }))
  })

  test('150 points, some naming 300 reports: the same JSON as written whole', () => {
    const series = points()
    expect(written(series).json).toBe(emitSeriesJson(series))
  })

  test.each([0, 9, 10, 11, 63, 64, 149])(
    '150 points, the one at %i not meeting the schema: the series fails',
    (bad) => {
      expect(() => written(points(bad))).toThrow(`series/${first.metric.id}.json does not meet its schema`)
    }
  )

  test('the fixture has series with checks and with points restated, which the test above writes', () => {
    expect(collection.series.some((series) => series.checks.length > 0)).toBe(true)
    expect(collection.series.some((series) => series.points.some((point) => point.revises))).toBe(true)
    expect(emitSeriesJson(restated)).toContain('"report": "copy-2"')
  })

  test.each([
    [
      'a point',
      { ...first, points: [...first.points, { ...first.points[0], period: '' } as Series['points'][number]] }
    ],
    ['a check', { ...first, checks: [{ kind: 'restated' } as unknown as Series['checks'][number]] }],
    ['the series itself', { ...first, entity: '' }]
  ])('%s that does not meet the schema fails the series', (_what, series) => {
    expect(() => written(series)).toThrow(`series/${first.metric.id}.json does not meet its schema`)
  })

  // Checked apart, the points and the checks meet the schema exactly when the whole series does
  // only while their arrays ask nothing of the items together.
  test('the schema asks nothing of the points or the checks together', () => {
    const properties = readSchema('series.schema.json')['properties'] as Record<string, Record<string, unknown>>
    for (const name of ['points', 'checks'])
      expect(Object.keys(properties[name] ?? {}).sort()).toEqual(['description', 'items', 'type'])
  })
})
