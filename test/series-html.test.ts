import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { select, selectAll } from 'hast-util-select'
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { compileSources } from '../src/compile/compile-sources.js'
import { renderArtifacts } from '../src/build/render-artifacts.js'
import { emitSeriesHtml } from '../src/emit/series-html.js'
import type { Series } from '../src/model/schema-types.js'
import { textArtifacts } from './helpers/seed-build.js'
import { compileSeriesFixture } from './helpers/series-fixture.js'
import { squeeze, textOf as text } from './helpers/hast-text.js'

const result = compileSeriesFixture()
const artifacts = textArtifacts(renderArtifacts(result))
const page = (path: string): Root => fromHtml(artifacts.get(path) ?? '')
const cells = (tree: Root, rows: string) =>
  selectAll(rows, tree).map((row) => selectAll('td', row).map((cell) => squeeze(text(cell))))
const href = (node: Element | null | undefined) => String(node?.properties['href'])

/** The element a link from a page under series/ lands on, in the page it names. */
function target(link: string): Element | undefined {
  const [file = '', fragment = ''] = link.replace(/^\.\.\//, '').split('#')
  const id = decodeURIComponent(fragment)
  return selectAll('[id]', page(file)).find((node) => node.properties['id'] === id)
}

const pm25 = page('series/air.pm25.html')

test('the fixture reports compile with only the findings the series is about', () => {
  expect(result.diagnostics.map((d) => `${d.file}:${d.line} ${d.severity} ${d.ruleId}`)).toEqual([
    'series/series-2024.md:19 info change-base-unpublished',
    'series/series-2024.md:25 info target-missed'
  ])
})

describe('a series page', () => {
  test('is written for every series, beside its JSON', () => {
    const pages = [...artifacts.keys()].filter((path) => path.startsWith('series/')).sort()
    expect(pages).toEqual([
      'series/air.aqi_rank.html',
      'series/air.aqi_rank.json',
      'series/air.good_days_ratio.html',
      'series/air.good_days_ratio.json',
      'series/air.pm25.html',
      'series/air.pm25.json',
      'series/enforcement.cases.html',
      'series/enforcement.cases.json',
      'series/index.json'
    ])
  })

  test('names the metric, says what it measures, its unit and which way is better, in Chinese', () => {
    expect(artifacts.get('series/air.pm25.html')?.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true)
    expect(text(select('h1', pm25))).toBe('PM2.5年均浓度')
    expect(squeeze(text(select('header .meta', pm25)))).toBe('单位 μg/m³ · 越低越好 · 3 个数据点 · 2 项变化 · 全部报告')
    expect(selectAll('.definition p', pm25).map((node) => [node.properties['lang'] ?? '', text(node)])).toEqual([
      ['', '全年PM2.5日均浓度的算术平均值,单位微克/立方米。'],
      [
        'en',
        'Annual mean PM2.5 concentration: Arithmetic mean over the year of daily mean PM2.5 concentrations, in μg/m³.'
      ]
    ])
  })

  test('links to its JSON, the index of series and the catalog, which all exist', () => {
    const links = selectAll('a', pm25)
      .map(href)
      .filter((link) => !link.startsWith('../series-') && !link.startsWith('#'))
    expect(links).toEqual(['../index.html', 'air.pm25.json', 'index.json'])
    for (const link of links) expect(artifacts.has(new URL(link, 'http://site/series/').pathname.slice(1))).toBe(true)
  })

  test('draws the series as a labelled group whose title and description say what it shows', () => {
    const svg = select('figure.series-chart svg', pm25)
    expect(svg?.properties['role']).toBe('group')
    expect(svg?.properties['ariaLabelledBy']).toEqual(['chart-title', 'chart-desc'])
    expect(text(select('title#chart-title', pm25))).toBe('PM2.5年均浓度历年数值')
    expect(text(select('desc#chart-desc', pm25))).toBe(
      '某市:2023 21.3 μg/m³(推算);2024 20.0 μg/m³;2025 17.4 μg/m³;2025目标不高于18 μg/m³,已达成。'
    )
  })

  test('draws published points filled and inferred ones hollow and marked 推算, each a link to its sentence', () => {
    const points = selectAll('.series-line a:has(circle)', pm25).map((link) => ({
      href: href(link),
      label: link.properties['ariaLabel'],
      className: select('circle', link)?.properties['className']
    }))
    expect(points).toEqual([
      {
        href: '../series-2024/index.html#air.pm25%402024%3Achange',
        label: '2023 某市:21.3 μg/m³(推算:20.3 − (−1) = 21.3,依据《某市2024年生态环境状况》)',
        className: ['point', 'point-inferred']
      },
      {
        href: '../series-2025/index.html#air.pm25%402024',
        label: '2024 某市:20.0 μg/m³(公布于《某市2025年生态环境状况》;修订了20.3)',
        className: ['point', 'point-published']
      },
      {
        href: '../series-2025/index.html#air.pm25%402025',
        label: '2025 某市:17.4 μg/m³(公布于《某市2025年生态环境状况》)',
        className: ['point', 'point-published']
      }
    ])
    // The notes beside the marks are hidden: each link's label says the same.
    expect(selectAll('text.point-note', pm25).map((node) => [text(node), node.properties['ariaHidden']])).toEqual([
      ['推算', 'true'],
      ['修订前', 'true']
    ])
  })

  test('marks the value a report revised, linked to where it was printed', () => {
    const revised = select('.series-line a:has(path.revised)', pm25)
    expect([href(revised), revised?.properties['ariaLabel']]).toEqual([
      '../series-2024/index.html#air.pm25%402024',
      '2024 某市:修订前为20.3(《某市2024年生态环境状况》)'
    ])
  })

  test('draws each target as a dashed mark with its bound and evaluation', () => {
    const targets = [pm25, page('series/air.good_days_ratio.html')].map((tree) => {
      const link = select('.series-line a:has(line.target)', tree)
      return [href(link), select('line', link)?.properties['className'], text(select('text.target-note', tree))]
    })
    expect(targets).toEqual([
      ['../series-2024/index.html#air.pm25%402025%3Atarget', ['target', 'target-met'], '目标不高于18 μg/m³ 已达成'],
      [
        '../series-2024/index.html#air.good_days_ratio%402025%3Atarget',
        ['target', 'target-missed'],
        '目标不低于99.5% 未达成'
      ]
    ])
  })

  test('every link to a report lands on the figure it names', () => {
    for (const name of ['air.pm25', 'air.good_days_ratio', 'air.aqi_rank', 'enforcement.cases']) {
      const links = selectAll('a', page(`series/${name}.html`))
        .map(href)
        .filter((link) => link.startsWith('../series-'))
      expect(links.length).toBeGreaterThan(0)
      for (const link of links) expect(target(link)?.properties['className'], link).toEqual(['fact'])
    }
  })

  test('lists every point with its status, derivation, source and revision', () => {
    expect(cells(pm25, 'section[aria-labelledby=points-title] tbody tr')).toEqual([
      [
        '2023',
        '某市',
        '21.3 μg/m³',
        '推算20.3 − (−1) = 21.3',
        '由 20.3 《某市2024年生态环境状况》、1.0微克/立方米 《某市2024年生态环境状况》 推算'
      ],
      ['2024', '某市', '20.0 μg/m³', '公布', '20.0 《某市2025年生态环境状况》修订了 20.3 《某市2024年生态环境状况》'],
      ['2025', '某市', '17.4 μg/m³', '公布', '17.4 《某市2025年生态环境状况》']
    ])
  })

  test('lists the targets with their evaluation and outcome', () => {
    expect(cells(page('series/air.good_days_ratio.html'), 'section[aria-labelledby=targets-title] tbody tr')).toEqual([
      [
        '2025',
        '某市',
        '不低于99.5%',
        '未达成',
        '99.2% 《某市2025年生态环境状况》',
        '不低于99.5% 《某市2024年生态环境状况》'
      ]
    ])
  })

  test('lists the checks between reports, and whether each holds', () => {
    expect(cells(pm25, 'section[aria-labelledby=checks-title] tbody tr')).toEqual([
      [
        '↻ 修订',
        '再次公布的数值',
        '20.0 《某市2025年生态环境状况》',
        '20.3 《某市2024年生态环境状况》',
        '20.0(series-2025)修订了20.3(series-2024)'
      ],
      [
        '✓ 相符',
        '增减量与两期数值',
        '2.6微克/立方米 《某市2025年生态环境状况》',
        '20.0 《某市2025年生态环境状况》17.4 《某市2025年生态环境状况》',
        '17.4 − 20 = −2.6;报告为下降2.6微克/立方米,在印刷精度内相符'
      ]
    ])
    // The arithmetic is written in Chinese, the page's language: no cell marks it as another.
    expect(
      selectAll('section[aria-labelledby=checks-title] tbody td', pm25).filter((cell) => cell.properties['lang'])
    ).toEqual([])
  })

  test('a check that does not hold is marked ✗ and 不符', () => {
    const series = JSON.parse(artifacts.get('series/air.pm25.json') ?? '{}') as Series
    const broken = { ...series, checks: series.checks.map((check) => ({ ...check, holds: false })) }
    const tree = fromHtml(emitSeriesHtml(broken, (slug) => slug))
    expect(selectAll('td.holds', tree).map((cell) => [cell.properties['className'], squeeze(text(cell))])).toEqual([
      [['holds', 'holds-false'], '✗ 不符'],
      [['holds', 'holds-false'], '✗ 不符']
    ])
  })

  test('a rank is drawn upside down: 第1 would be at the top', () => {
    const rank = page('series/air.aqi_rank.html')
    const ticks = selectAll('svg g[aria-hidden] g text', rank).map((node) => [text(node), node.properties['y']])
    expect(ticks).toEqual([
      ['第3', '32'],
      ['第4', '91'],
      ['第5', '150'],
      ['第6', '209'],
      ['第7', '268']
    ])
    expect(selectAll('.series-line circle', rank).map((node) => [node.properties['cy']])).toEqual([['264'], ['28']])
    expect(cells(rank, 'section[aria-labelledby=points-title] tbody tr').map((row) => row[2])).toEqual(['第7', '第3'])
  })

  test('draws at most five lines and leaves the others to the table', () => {
    const cases = page('series/enforcement.cases.html')
    expect(selectAll('g.series-line', cases)).toHaveLength(5)
    // The city the reports are about comes first; the districts follow by their number of points, then name.
    expect(selectAll('.chart-legend li', cases).map((node) => text(node))).toEqual([
      '某市',
      '丁区',
      '丙区',
      '乙区',
      '己区'
    ])
    expect(text(select('desc', cases)).endsWith('另有 2 条线未画出,见数据表。')).toBe(true)
    expect(selectAll('section[aria-labelledby=points-title] tbody tr', cases)).toHaveLength(14)
    expect(text(select('section[aria-labelledby=points-title] caption', cases))).toBe('案件数:14 个数据点,7 条线')
  })
})

describe('a report page beside the series', () => {
  test('links each metric of its facts table to the series page, which exists', () => {
    const report = page('series-2025/index.html')
    const links = selectAll('.facts tbody tr', report).map((row) => href(select('a[href^="../series/"]', row)))
    expect([...new Set(links)]).toEqual([
      '../series/air.good_days_ratio.html',
      '../series/air.pm25.html',
      '../series/air.aqi_rank.html',
      '../series/enforcement.cases.html'
    ])
    expect(links).toHaveLength(13)
    for (const link of links) expect(artifacts.has(link.slice(3))).toBe(true)
  })

  test('takes the base of a change from the report that publishes it, and says 推算 only when none does', () => {
    const captions = (path: string) => selectAll('figure.chart figcaption', page(path)).map((node) => text(node))
    expect(captions('series-2025/index.html')).toEqual([
      '空气质量优良天数比例在2025为99.2%,较2024变化+1.2 个百分点;2024的值98.0%见《某市2024年生态环境状况》。',
      'PM2.5年均浓度在2025为17.4 μg/m³,较2024变化−2.6 μg/m³;2024的值20.0 μg/m³见本报告。'
    ])
    expect(captions('series-2024/index.html')).toEqual([
      'PM2.5年均浓度在2024为20.3 μg/m³,较2023变化−1.0 μg/m³;2023的值21.3 μg/m³由此推算。'
    ])
    const bars = selectAll('figure.chart svg g', page('series-2025/index.html')).map((node) =>
      selectAll('text', node).map((label) => text(label))
    )
    expect(bars).toEqual([
      ['2024', '98.0%'],
      ['2025', '99.2%'],
      ['2024', '20.0 μg/m³'],
      ['2025', '17.4 μg/m³']
    ])
  })
})

describe('the catalog', () => {
  const catalog = page('index.html')

  test('lists every metric with a sparkline, its values in words and a link to its page', () => {
    const rows = selectAll('.series-catalog tbody tr', catalog).map((row) => ({
      href: href(select('a', row)),
      label: text(select('a', row)),
      sparkline: select('svg.sparkline', row)?.properties['ariaHidden'],
      points: selectAll('svg.sparkline circle', row).map((node) => node.properties['className'] ?? 'published'),
      values: text(select('.spark-values', row))
    }))
    expect(rows).toEqual([
      {
        href: 'series/air.aqi_rank.html',
        label: '空气质量综合指数全国排名',
        sparkline: 'true',
        points: ['published', 'published'],
        values: '2024 第7 → 2025 第3'
      },
      {
        href: 'series/air.good_days_ratio.html',
        label: '空气质量优良天数比例',
        sparkline: 'true',
        points: ['published', 'published', 'published'],
        values: '2023 97.5% → 2024 98.0% → 2025 99.2%'
      },
      {
        href: 'series/air.pm25.html',
        label: 'PM2.5年均浓度',
        sparkline: 'true',
        points: [['inferred'], 'published', 'published'],
        values: '2023 21.3 μg/m³(推算) → 2024 20.0 μg/m³ → 2025 17.4 μg/m³'
      },
      {
        href: 'series/enforcement.cases.html',
        label: '案件数',
        sparkline: 'true',
        points: ['published', 'published'],
        values: '某市:2024 60 → 2025 66'
      }
    ])
  })

  test('links the index of series, and every link of the page leads to a file of the site', () => {
    const links = selectAll('main a', catalog).map(href)
    expect(links).toContain('series/index.json')
    for (const link of links) expect(artifacts.has(link), link).toBe(true)
  })
})

// An average of four years beside single years: marked on its line, but the trace joins the years alone.
test('a point of a longer period is marked, and left out of the trace through the years', () => {
  const report = (period: string, body: string) => ({
    path: `r-${period}.md`,
    text: `---\ntitle: 测试市${period}年报告\nissuer: 测试局\nentity: 测试市\nperiod: "${period}"\nlanguage: zh-CN\nslug: r-${period}\n---\n\n${body}\n`
  })
  const compiled = compileSources({
    reports: [
      report(
        '2024',
        '优良率:fact[99.5%]{metric=air.good_days_ratio},四年平均:fact[98.9%]{metric=air.good_days_ratio period=2021/2024}。'
      ),
      report('2025', '优良率:fact[99.2%]{metric=air.good_days_ratio}。')
    ],
    registry: { path: 'metrics.yaml', text: readFileSync(new URL('fixtures/metrics.yaml', import.meta.url), 'utf8') },
    checkUnusedMetrics: false
  })
  const chart = fromHtml(textArtifacts(renderArtifacts(compiled)).get('series/air.good_days_ratio.html') ?? '')
  expect(selectAll('.series-line a', chart)).toHaveLength(3)
  const trace = String(select('.series-line path.trace', chart)?.properties['d'])
  expect(trace.match(/[ML]/g)).toEqual(['M', 'L'])
  const index = JSON.parse(textArtifacts(renderArtifacts(compiled)).get('series/index.json') ?? '{}') as {
    metrics: Array<{ values: Array<{ period: string }> }>
  }
  expect(index.metrics[0]?.values.map((value) => value.period)).toEqual(['2024', '2025'])
})
