import { readFileSync } from 'node:fs'
import type { Element } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { selectAll } from 'hast-util-select'
import { toString } from 'mdast-util-to-string'
import { describe, expect, test } from 'vitest'
import { renderArtifacts } from '../src/build/render-artifacts.js'
import { compileSources } from '../src/compile/compile-sources.js'
import { emitReportMarkdown } from '../src/emit/report-md.js'
import { parseMarkdown } from '../src/remark/parse.js'
import { suggest } from '../src/suggest/suggest.js'
import { compileFixture } from './helpers/tools.js'

const fixtureText = readFileSync(new URL('fixtures/table/report.md', import.meta.url), 'utf8')
const compiled = compileFixture('table')
const page = fromHtml(
  String(renderArtifacts(compiled).find((artifact) => artifact.path === 'table/index.html')?.content ?? '')
)
const text = (node: Element) => toString(node)

/** A cell as `tag[scope](class)text`, its fact's tooltip left out, so that a row reads as it is built. */
function cellShape(cell: Element): string {
  const scope = typeof cell.properties.scope === 'string' ? `[${cell.properties.scope}]` : ''
  const classes = Array.isArray(cell.properties.className) ? `(${cell.properties.className.join(' ')})` : ''
  const data = selectAll('data', cell).map((node) => `<data ${String(node.properties.value)}>`)
  const shown = selectAll('.tip', cell).reduce((all, tip) => all.replace(text(tip), ''), text(cell))
  return `${cell.tagName}${scope}${classes}${shown}${data.join('')}`
}

describe('a table of the text on the report page', () => {
  test('is a real table in a labelled region that scrolls, with header cells for columns and rows', () => {
    const regions = selectAll('.report .table-scroll', page)
    expect(
      regions.map((region) => [region.properties.role, region.properties.ariaLabel, region.properties.tabIndex])
    ).toEqual([
      ['region', '表格 1(可横向滚动)', 0],
      ['region', '表格 2(可横向滚动)', 0],
      ['region', '表格 3(可横向滚动)', 0]
    ])
    expect(regions.map((region) => region.children.map((child) => (child as Element).tagName))).toEqual([
      ['table'],
      ['table'],
      ['table']
    ])
    const [first, second] = regions
    if (!first || !second) throw new Error('the page has no tables')
    expect(selectAll('tr', first).map((row) => selectAll('th, td', row).map(cellShape))).toEqual([
      ['th[col]指标', 'th[col](align-right)2024年', 'th[col](align-right)2025年'],
      ['th[row]PM2.5年均浓度', 'td(align-right)18.1<data 18.1>', 'td(align-right)17.4<data 17.4>'],
      ['th[row]优良天数比例', 'td(align-right)98.6%<data 98.6>', 'td(align-right)99.2%<data 99.2>']
    ])
    // An empty first cell names no row; a fact in the first cell is that row's header.
    expect(selectAll('tr', second).map((row) => selectAll('th, td', row).map(cellShape))).toEqual([
      ['th[col](align-left)断面 | 区', 'th[col](align-center)水质类别'],
      ['th[row](align-left)甲断面', 'td(align-center)Ⅱ类<data 2>'],
      ['td(align-left)', 'td(align-center)Ⅲ类<data 3>'],
      ['th[row](align-left)15件<data 15>', 'td(align-center)某区办理的案件']
    ])
    expect(selectAll('.report thead', page)).toHaveLength(3)
    expect(selectAll('.report [align]', page)).toEqual([])
  })

  test('each fact in a cell keeps its anchor, and its row in the facts table links to it', () => {
    const ids = selectAll('.report td data, .report th data', page).map((node) => node.properties.id)
    expect(ids).toEqual([
      'air.pm25@2024',
      'air.pm25@2025',
      'air.good_days_ratio@2024',
      'air.good_days_ratio@2025',
      'water.section_class@2025:site=甲断面',
      'water.section_class@2025:site=乙断面',
      'enforcement.cases@2025:entity=某区'
    ])
    const links = selectAll('.facts a', page).map((node) => decodeURIComponent(String(node.properties.href)))
    for (const id of ids) expect(links).toContain(`#${String(id)}`)
  })

  test('a row longer than its header keeps its cells, so that no fact goes missing from the page', () => {
    const longer = compileSources({
      reports: [
        {
          path: 'table/report.md',
          text: `${fixtureText}\n| 区 |\n| - |\n| 乙区 | :fact[3件]{metric=enforcement.cases entity=乙区} |\n`
        }
      ],
      registry: { path: 'metrics.yaml', text: readFileSync(new URL('fixtures/metrics.yaml', import.meta.url), 'utf8') },
      checkUnusedMetrics: false
    })
    const html = fromHtml(
      String(renderArtifacts(longer).find((artifact) => artifact.path === 'table/index.html')?.content ?? '')
    )
    const last = selectAll('.report table', html).at(-1)
    if (!last) throw new Error('the page has no tables')
    expect(selectAll('tr', last).map((row) => selectAll('th, td', row).map(cellShape))).toEqual([
      ['th[col]区', 'td'],
      ['th[row]乙区', 'td3件<data 3>']
    ])
  })
})

describe('report.md of a report with tables', () => {
  const markdown = emitReportMarkdown(compiled.reports[0] ?? (undefined as never))

  test('writes each table back as the GFM table it was, labels in place of annotations', () => {
    expect(markdown.split('\n').slice(13, 18)).toEqual([
      '| 指标 | 2024年 | 2025年 |',
      '| --- | ---: | ---: |',
      '| PM2.5年均浓度 | 18.1 | 17.4 |',
      '| 优良天数比例 | 98.6% | **99.2%** |',
      ''
    ])
    expect(markdown.split('\n').slice(22, 28)).toEqual([
      '| 断面 \\| 区 | 水质类别 |',
      '| :-- | :-: |',
      '| 甲断面 | Ⅱ类 |',
      '|  | Ⅲ类 |',
      '| 15件 | 某区办理的案件 |',
      ''
    ])
  })

  test('read again, gives the same tables, cell for cell, as the source with its annotations', () => {
    const cells = (source: string) =>
      parseMarkdown(source)
        .children.filter((node) => node.type === 'table')
        .map((table) => ({
          align: table.align,
          rows: table.children.map((row) => row.children.map((cell) => toString(cell)))
        }))
    expect(cells(markdown)).toEqual(cells(fixtureText))
    expect(cells(markdown)).toHaveLength(3)
  })
})

describe('the untagged-figure scan in tables', () => {
  const scan = (body: string) =>
    suggest({
      reports: [{ path: 'sheet.md', text: body }],
      registry: { path: 'metrics.yaml', text: 'metrics: {}\n' }
    })[0]?.untagged.map((figure) => `${figure.start.line}:${figure.start.column} ${figure.text} ${figure.proposal}`)

  test('sees the figures in body cells, not the column names of the header row', () => {
    expect(
      scan(
        '| 指标 | 2024年 | 2025年 |\n| --- | --- | --- |\n| 案件 | 92件 | :fact[95件]{metric=a} |\n| 2023年 | 约30个 | |\n'
      )
    ).toEqual([
      '3:8 92件 :fact[92件]{metric=?}',
      '4:3 2023年 :fact[2023年]{metric=?}',
      '4:12 30个 :fact[30个]{metric=?}'
    ])
  })

  test('finds nothing left untagged in the table fixture', () => {
    expect(compiled.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'untagged-figure')).toEqual([])
  })
})
