import type { Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { selectAll } from 'hast-util-select'
import { describe, expect, test } from 'vitest'
import { renderArtifacts } from '../src/build/render-artifacts.js'
import { listedAlsoIn, listedChecks } from '../src/emit/html/series-view.js'
import { emitSeriesHtml } from '../src/emit/series-html.js'
import { emitSeriesJson } from '../src/emit/series-json.js'
import type { FactReference, Series } from '../src/model/schema-types.js'
import { validators } from '../src/model/schemas.js'
import { textArtifacts } from './helpers/seed-build.js'
import { compileSeriesFixture } from './helpers/series-fixture.js'
import { squeeze, textOf as text } from './helpers/hast-text.js'

// A series as a thousand copies of one report would make it: every figure printed again by many
// reports, every target stated again, a check for each restatement. The page names the first and
// counts the rest; the JSON keeps them all.
const artifacts = textArtifacts(renderArtifacts(compileSeriesFixture()))
const read = (file: string) => JSON.parse(artifacts.get(file) ?? '{}') as Series
const pm25 = read('series/air.pm25.json')
const goodDays = read('series/air.good_days_ratio.json')

const copy = ({ fact, text, value, source }: FactReference, index: number): FactReference => ({
  report: `copy-${String(index).padStart(4, '0')}`,
  fact,
  text,
  value,
  source
})
const copies = <T>(count: number, make: (index: number) => T) => Array.from({ length: count }, (_, i) => make(i + 1))

const point = pm25.points.find((candidate) => candidate.status === 'published' && candidate.period === '2025')
if (!point) throw new Error('the fixture has no published 2025 PM2.5')
const [check] = pm25.checks
if (!check) throw new Error('the fixture has no PM2.5 check')
const [target] = goodDays.targets
if (!target) throw new Error('the fixture has no target')

const many: Series = {
  ...pm25,
  points: pm25.points.map((other) =>
    other === point ? { ...other, alsoIn: copies(25, (index) => copy(other, index)) } : other
  ),
  checks: [
    ...copies(120, (index) => ({ ...check, statement: copy(check.statement, index) })),
    ...copies(60, (index) => ({
      ...check,
      holds: false,
      statement: copy(check.statement, 200 + index),
      against: [
        check.against[0],
        ...copies(14, (other) => copy(check.against[0], 300 + other))
      ] as Series['checks'][number]['against']
    }))
  ]
}
const restated: Series = {
  ...goodDays,
  targets: [target, ...copies(40, (index) => ({ ...target, ...copy(target, index) }))]
}

const rows = (tree: Root, section: string) => selectAll(`section[aria-labelledby=${section}] tbody tr`, tree)
const title = (slug: string) => slug

describe('a series page names a bounded number of reports', () => {
  const page = fromHtml(emitSeriesHtml(many, title))

  test(`a point printed by 26 reports names ${listedAlsoIn} others and counts the rest`, () => {
    const row = rows(page, 'points-title').find((candidate) => squeeze(text(candidate)).includes('copy-0001'))
    const cell = squeeze(text(row ?? { type: 'root', children: [] }))
    expect(cell.match(/copy-\d{4}/g)).toEqual(copies(listedAlsoIn, (index) => copy(point, index).report))
    expect(cell).toContain(`另有 ${25 - listedAlsoIn} 份报告(见序列数据)`)
  })

  test(`lists ${listedChecks} checks that hold and ${listedChecks} that do not, and counts the rest`, () => {
    const marks = rows(page, 'checks-title').map((row) => squeeze(text(selectAll('td', row)[0] ?? row)))
    // The check copied is a revision (↻ 修订), which holds.
    expect(marks.filter((mark) => mark === '✓ 相符' || mark === '↻ 修订')).toHaveLength(listedChecks)
    expect(marks.filter((mark) => mark === '✗ 不符')).toHaveLength(listedChecks)
    const caption = squeeze(text(selectAll('section[aria-labelledby=checks-title] caption', page)[0] ?? page))
    expect(caption).toBe(`PM2.5年均浓度:180 项核对,本表列出 ${2 * listedChecks} 项`)
    const note = squeeze(text(selectAll('section[aria-labelledby=checks-title] .not-listed', page)[0] ?? page))
    expect(note).toBe(
      `另有 ${180 - 2 * listedChecks} 项核对未列出(其中 ${60 - listedChecks} 项不符),全部见序列数据(JSON)。`
    )
  })

  test(`a check against 15 facts names ${listedAlsoIn} and counts the rest`, () => {
    const failing = rows(page, 'checks-title').find((row) => squeeze(text(row)).startsWith('✗'))
    const against = squeeze(text(selectAll('td', failing ?? page)[3] ?? page))
    expect(against.match(/《/g)).toHaveLength(listedAlsoIn)
    expect(against).toContain(`另有 ${15 - listedAlsoIn} 项(见序列数据)`)
  })

  test('a target stated by 41 reports is one row and one mark, naming the first others', () => {
    const tree = fromHtml(emitSeriesHtml(restated, title))
    const targets = rows(tree, 'targets-title').map((row) => squeeze(text(row)))
    expect(targets).toHaveLength(1)
    expect(targets[0]?.match(/copy-\d{4}/g)).toEqual(
      copies(listedAlsoIn, (index) => `copy-${String(index).padStart(4, '0')}`)
    )
    expect(targets[0]).toContain(`另有 ${40 - listedAlsoIn} 份报告(见序列数据)`)
    expect(selectAll('svg .target', tree)).toHaveLength(
      selectAll('svg .target', fromHtml(emitSeriesHtml(goodDays, title))).length
    )
  })

  test('a series without repeats is listed whole, without counts', () => {
    const html = emitSeriesHtml(pm25, title)
    expect(html).not.toContain('另有')
    expect(html).not.toContain('not-listed')
  })

  test('the page stays the same size whether 100 or 1,000 reports print the figure', () => {
    const sized = (count: number) =>
      Buffer.byteLength(
        emitSeriesHtml(
          {
            ...many,
            points: many.points.map((other) =>
              other.alsoIn ? { ...other, alsoIn: copies(count, (i) => copy(other, i)) } : other
            ),
            checks: [
              ...many.checks,
              ...copies(count, (index) => ({ ...check, statement: copy(check.statement, 5000 + index) }))
            ]
          },
          title
        )
      )
    // Only the digits of the counts differ.
    expect(Math.abs(sized(1000) - sized(100))).toBeLessThan(10)
  })
})

test('the series JSON keeps every report and every check, and meets its schema', () => {
  const json = JSON.parse(emitSeriesJson(many)) as Series
  expect(json.points.find((other) => other.period === '2025' && other.alsoIn)?.alsoIn).toHaveLength(25)
  expect(json.checks).toHaveLength(180)
  const validate = validators().series
  expect(validate(json) ? [] : validate.errors).toEqual([])
})
