import { fromHtml } from 'hast-util-from-html'
import { selectAll } from 'hast-util-select'
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { checkSiteValue } from '../src/build/check-artifacts.js'
import { renderArtifacts } from '../src/build/render-artifacts.js'
import { compileSources } from '../src/compile/compile-sources.js'
import type { Series, SeriesIndex } from '../src/model/schema-types.js'
import { squeeze, textOf } from './helpers/hast-text.js'
import { textArtifacts } from './helpers/seed-build.js'

// Three reports that tell the share of good days only as changes: no report prints a level of it.
const report = (
  slug: string,
  period: string,
  published: string,
  body: string,
  title = `某市${period}年生态环境状况`
) => ({
  path: `source/${slug}.md`,
  text: `---\ntitle: ${title}\n${body.includes('2024年') ? 'ignore: [2024年]\n' : ''}issuer: 某市生态环境局\nentity: 某市\nperiod: "${period}"\nlanguage: zh-CN\nslug: ${slug}\npublished: "${published}"\n---\n\n${body}\n`
})
const reports = [
  report(
    'summary-2024',
    '2024',
    '2025-02-01',
    '空气质量优良天数比例同比上升:fact[1.5个百分点]{metric=air.good_days_ratio aspect=increase base=2023},甲区同比下降:fact[0.4个百分点]{metric=air.good_days_ratio aspect=decrease base=2023 entity=甲区}。'
  ),
  report(
    'summary-2025',
    '2025',
    '2026-02-01',
    '空气质量优良天数比例同比上升:fact[2.0个百分点]{metric=air.good_days_ratio aspect=increase base=2024};2024年同比上升:fact[1.5个百分点]{metric=air.good_days_ratio aspect=increase period=2024 base=2023}。整治于:fact[2024年11月]{metric=event.completed period=2024}完成。'
  ),
  report(
    'review-2025',
    '2025',
    '2026-03-01',
    '2024年空气质量优良天数比例同比上升:fact[1.6个百分点]{metric=air.good_days_ratio aspect=increase period=2024 base=2023}。整治于:fact[2024年12月]{metric=event.completed period=2024}完成。今年与上年:fact[基本持平]{metric=air.good_days_ratio base=2024}。',
    '某市2025年空气质量回顾'
  )
]
const result = compileSources({
  reports,
  registry: {
    path: 'source/metrics.yaml',
    text: readFileSync(new URL('fixtures/metrics.yaml', import.meta.url), 'utf8')
  },
  checkUnusedMetrics: false
})
const artifacts = textArtifacts(renderArtifacts(result))

test('each change no level can be checked against is told once, as a note', () => {
  expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.ruleId}`)).toEqual([
    'source/review-2025.md:12:20 info change-base-unpublished',
    'source/review-2025.md:12:163 info change-base-unpublished',
    'source/summary-2024.md:11:15 info change-base-unpublished',
    'source/summary-2024.md:11:90 info change-base-unpublished',
    'source/summary-2025.md:12:15 info change-base-unpublished',
    'source/summary-2025.md:12:93 info change-base-unpublished'
  ])
})
const series = JSON.parse(artifacts.get('series/air.good_days_ratio.json') ?? '{}') as Series

test('a metric told only as changes is a series of its changes, each with the reports that state it', () => {
  expect(series.points).toEqual([])
  expect(
    series.changes.map((change) => [
      change.entity,
      change.period,
      change.basePeriod,
      change.aspect,
      change.value,
      change.text,
      change.report,
      (change.alsoIn ?? []).map((other) => `${other.report} ${other.text}`)
    ])
  ).toEqual([
    ['某市', '2024', '2023', 'change', 1.5, '1.5个百分点', 'summary-2024', ['summary-2025 1.5个百分点']],
    // Stated with another value, the change is a record of its own, after the first one stated.
    ['某市', '2024', '2023', 'change', 1.6, '1.6个百分点', 'review-2025', []],
    ['某市', '2025', '2024', 'change', 2, '2.0个百分点', 'summary-2025', []],
    ['某市', '2025', '2024', 'change', 0, '基本持平', 'review-2025', []],
    ['甲区', '2024', '2023', 'change', -0.4, '0.4个百分点', 'summary-2024', []]
  ])
  expect(series.changes[0]).toEqual({
    period: '2024',
    basePeriod: '2023',
    entity: '某市',
    dimensions: {},
    aspect: 'change',
    value: 1.5,
    unit: '%',
    decimals: 1,
    text: '1.5个百分点',
    report: 'summary-2024',
    fact: 'air.good_days_ratio@2024:change',
    source: { file: 'source/summary-2024.md', line: 11, column: 15 },
    alsoIn: [
      {
        report: 'summary-2025',
        fact: 'air.good_days_ratio@2024:change',
        text: '1.5个百分点',
        value: 1.5,
        source: { file: 'source/summary-2025.md', line: 12, column: 93 }
      }
    ]
  })
  expect(() => checkSiteValue('series/air.good_days_ratio.json', series)).not.toThrow()
})

test('the series index counts the changes and names the reports that state them', () => {
  const index = JSON.parse(artifacts.get('series/index.json') ?? '{}') as SeriesIndex
  const entry = index.metrics.find((metric) => metric.id === 'air.good_days_ratio')
  expect(entry && [entry.pointCount, entry.changeCount, entry.reports]).toEqual([
    0,
    5,
    ['review-2025', 'summary-2024', 'summary-2025']
  ])
})

test('the series page lists the changes, each linked to its sentence', () => {
  const page = fromHtml(artifacts.get('series/air.good_days_ratio.html') ?? '')
  const rows = selectAll('section[aria-labelledby="changes-title"] tbody tr', page).map((row) =>
    selectAll('td', row).map((cell) => squeeze(textOf(cell)))
  )
  expect(rows).toEqual([
    [
      '2024',
      '2023',
      '某市',
      '+1.5 个百分点 变化量',
      '1.5个百分点 《某市2024年生态环境状况》另见 1.5个百分点 《某市2025年生态环境状况》'
    ],
    ['2024', '2023', '某市', '+1.6 个百分点 变化量', '1.6个百分点 《某市2025年空气质量回顾》'],
    ['2025', '2024', '某市', '+2.0 个百分点 变化量', '2.0个百分点 《某市2025年生态环境状况》'],
    // 基本持平 is about no change, where 持平 would be exactly none.
    ['2025', '2024', '某市', '约0 个百分点 变化量', '基本持平 《某市2025年空气质量回顾》'],
    ['2024', '2023', '甲区', '−0.4 个百分点 变化量', '0.4个百分点 《某市2024年生态环境状况》']
  ])
  expect(series.changes.map((change) => change.bound)).toEqual([undefined, undefined, undefined, 'about', undefined])
  // No level is given: the page says so, where a table of no rows stood.
  expect(squeeze(textOf(selectAll('section[aria-labelledby="points-title"]', page)[0]))).toBe(
    '数据点 各报告未给出该指标的数值,只给出与基期相比的变化,见下文。'
  )
  const links = selectAll('section[aria-labelledby="changes-title"] tbody a', page).map((a) => a.properties['href'])
  expect(links[0]).toBe('../summary-2024/index.html#air.good_days_ratio%402024%3Achange')
})

test('a metric whose values are dates is a series of its dates, each with the reports that give it', () => {
  const dates = JSON.parse(artifacts.get('series/event.completed.json') ?? '{}') as Series
  expect([dates.points, dates.changes]).toEqual([[], []])
  expect(dates.dates).toEqual([
    {
      period: '2024',
      entity: '某市',
      dimensions: {},
      value: '2024-11',
      text: '2024年11月',
      report: 'summary-2025',
      fact: 'event.completed@2024',
      source: { file: 'source/summary-2025.md', line: 12, column: 177 }
    },
    // Given otherwise by a later report, the date is a record of its own.
    {
      period: '2024',
      entity: '某市',
      dimensions: {},
      value: '2024-12',
      text: '2024年12月',
      report: 'review-2025',
      fact: 'event.completed@2024',
      source: { file: 'source/review-2025.md', line: 12, column: 104 }
    }
  ])
  expect(() => checkSiteValue('series/event.completed.json', dates)).not.toThrow()
  const index = JSON.parse(artifacts.get('series/index.json') ?? '{}') as SeriesIndex
  const entry = index.metrics.find((metric) => metric.id === 'event.completed')
  expect(entry && [entry.pointCount, entry.dateCount, entry.reports]).toEqual([0, 2, ['review-2025', 'summary-2025']])
  const page = fromHtml(artifacts.get('series/event.completed.html') ?? '')
  const rows = selectAll('section[aria-labelledby="dates-title"] tbody tr', page).map((row) =>
    selectAll('td', row).map((cell) => squeeze(textOf(cell)))
  )
  expect(rows).toEqual([
    ['2024', '某市', '2024-11', '2024年11月 《某市2025年生态环境状况》'],
    ['2024', '某市', '2024-12', '2024年12月 《某市2025年空气质量回顾》']
  ])
})

test('a change of a rank reads as the reports say it, in places risen or fallen', () => {
  const ranked = compileSources({
    reports: [
      report(
        'rank-2025',
        '2025',
        '2026-02-01',
        '空气质量综合指数全国排名同比上升:fact[2位]{metric=air.aqi_rank aspect=increase base=2024},优良率排名同比下降:fact[1位]{metric=air.aqi_rank aspect=decrease base=2024 entity=甲区}。'
      )
    ],
    registry: {
      path: 'source/metrics.yaml',
      text: readFileSync(new URL('fixtures/metrics.yaml', import.meta.url), 'utf8')
    },
    checkUnusedMetrics: false
  })
  const page = fromHtml(textArtifacts(renderArtifacts(ranked)).get('series/air.aqi_rank.html') ?? '')
  const values = selectAll('section[aria-labelledby="changes-title"] tbody tr', page).map((row) =>
    squeeze(textOf(selectAll('td', row)[3]))
  )
  // 上升2位 is a place number 2 smaller: −2 in the data, a rise of two places on the page.
  expect(values).toEqual(['上升2位 变化量', '下降1位 变化量'])
})
