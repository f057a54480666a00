import { readFileSync } from 'node:fs'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import Papa from 'papaparse'
import { VFile } from 'vfile'
import { describe, expect, test } from 'vitest'
import { emitFactsCsv } from '../src/emit/facts-csv.js'
import remarkFact from '../src/remark/index.js'
import { compileFixture } from './helpers/tools.js'

/** The facts of a text read by the plugin alone, each as `text line:column row/column`. */
function factsOf(markdown: string): string[] {
  const processor = unified()
    .use(remarkParse)
    .use(remarkFact, { defaults: { period: '2025', entity: '厦门市' } })
  const file = new VFile({ path: 'report.md', value: markdown })
  processor.runSync(processor.parse(file), file)
  expect(file.messages.map((message) => message.reason)).toEqual([])
  return (file.data.facts ?? []).map(
    (fact) =>
      `${fact.text} ${fact.source.line}:${fact.source.column} ${fact.table === undefined ? '-' : JSON.stringify(fact.table)}`
  )
}

const sheet = (rows: string) => `| 指标 | 2023年 | 2024年 |\n| --- | --- | --- |\n${rows}`

describe('a fact in a table cell knows its row and column', () => {
  // prettier-ignore
  test.each([
    ['a body cell', sheet('| 空气质量综合指数 | :fact[2.61]{metric=air.aqi period=2023} | :fact[2.34]{metric=air.aqi} |\n'), [
      '2.61 3:14 {"row":"空气质量综合指数","column":"2023年"}',
      '2.34 3:56 {"row":"空气质量综合指数","column":"2024年"}'
    ]],
    ['in the first cell of its row: no row of its own', sheet('| :fact[3]{metric=a} | x | y |\n'), ['3 3:3 {"column":"指标"}']],
    ['in the header row: no column of its own', '| 年份 | :fact[2.5]{metric=a} |\n| - | - |\n| x | y |\n', ['2.5 1:8 {"row":"年份"}']],
    ['in the first header cell: neither', '| :fact[7]{metric=a} | b |\n| - | - |\n', ['7 1:3 {}']],
    ['under an empty header and beside an empty first cell', '| | |\n| - | - |\n| | :fact[1]{metric=a} |\n', ['1 3:5 {}']],
    ['in a cell past the header: a row but no column', '| a |\n| - |\n| 行 | :fact[1]{metric=a} |\n', ['1 3:7 {"row":"行"}']],
    ['headers read as text: emphasis, code, an escaped pipe, a fact label', '| **指标** `x` | A\\|B |\n| - | - |\n| :fact[5]{metric=b} 吨 | :fact[6]{metric=a} |\n', [
      '5 3:3 {"column":"指标 x"}',
      '6 3:26 {"row":"5 吨","column":"A|B"}'
    ]],
    ['in emphasis in a cell', sheet('| 比例 | **:fact[99%]{metric=r}** | x |\n'), ['99% 3:10 {"row":"比例","column":"2023年"}']],
    ['in a table in a list item', '- 表:\n\n  | 项 | 值 |\n  | - | - |\n  | 甲 | :fact[4]{metric=a} |\n', ['4 5:9 {"row":"甲","column":"值"}']],
    ['a fact outside any table has none', '正文:fact[8]{metric=a}\n\n| a |\n| - |\n', ['8 1:3 -']]
  ])('%s', (_name, markdown, expected) => {
    expect(factsOf(markdown)).toEqual(expected)
  })
})

describe('the table fixture', () => {
  test('gives each fact its exact place, row and column', () => {
    const [report] = compileFixture('table').reports
    const rows = report?.bundle.facts.map((fact) => ({
      id: fact.id,
      value: fact.value,
      source: [fact.source.line, fact.source.column, fact.source.offset, fact.source.endOffset],
      table: fact.table
    }))
    expect(rows).toEqual([
      {
        id: 'air.pm25@2024',
        value: 18.1,
        source: [16, 15, 182, 234],
        table: { row: 'PM2.5年均浓度', column: '2024年' }
      },
      {
        id: 'air.pm25@2025',
        value: 17.4,
        source: [16, 70, 237, 277],
        table: { row: 'PM2.5年均浓度', column: '2025年' }
      },
      {
        id: 'air.good_days_ratio@2024',
        value: 98.6,
        source: [17, 12, 291, 343],
        table: { row: '优良天数比例', column: '2024年' }
      },
      {
        id: 'air.good_days_ratio@2025',
        value: 99.2,
        source: [17, 69, 348, 388],
        table: { row: '优良天数比例', column: '2025年' }
      },
      { id: 'enforcement.cases@2025', value: 92, source: [19, 13, 406, 442], table: undefined },
      {
        id: 'water.section_class@2025:site=甲断面',
        value: 2,
        source: [25, 9, 498, 544],
        table: { row: '甲断面', column: '水质类别' }
      },
      {
        id: 'water.section_class@2025:site=乙断面',
        value: 3,
        source: [26, 6, 552, 598],
        table: { column: '水质类别' }
      },
      {
        id: 'enforcement.cases@2025:entity=某区',
        value: 15,
        source: [27, 3, 603, 649],
        table: { column: '断面 | 区' }
      }
    ])
    // Each position is the annotation's own text in the file.
    const text = readFileSync(new URL('fixtures/table/report.md', import.meta.url), 'utf8')
    expect(report?.bundle.facts.map((fact) => text.slice(fact.source.offset, fact.source.endOffset))).toEqual([
      ':fact[18.1]{metric=air.pm25 unit=微克/立方米 period=2024}',
      ':fact[17.4]{metric=air.pm25 unit=微克/立方米}',
      ':fact[98.6%]{metric=air.good_days_ratio period=2024}',
      ':fact[99.2%]{metric=air.good_days_ratio}',
      ':fact[92件]{metric=enforcement.cases}',
      ':fact[Ⅱ类]{metric=water.section_class site=甲断面}',
      ':fact[Ⅲ类]{metric=water.section_class site=乙断面}',
      ':fact[15件]{metric=enforcement.cases entity=某区}'
    ])
  })
})

describe('facts.csv of the table fixture', () => {
  test('has the row and column of each fact, empty where it has none', () => {
    const [report] = compileFixture('table').reports
    if (!report) throw new Error('the fixture has no report')
    const parsed = Papa.parse<Record<string, string>>(emitFactsCsv(report), { header: true, skipEmptyLines: true })
    expect(parsed.meta.fields?.slice(18, 21)).toEqual(['section', 'table_row', 'table_column'])
    expect(parsed.data.map((row) => [row['text'], row['table_row'], row['table_column']])).toEqual([
      ['18.1', 'PM2.5年均浓度', '2024年'],
      ['17.4', 'PM2.5年均浓度', '2025年'],
      ['98.6%', '优良天数比例', '2024年'],
      ['99.2%', '优良天数比例', '2025年'],
      ['92件', '', ''],
      ['Ⅱ类', '甲断面', '水质类别'],
      ['Ⅲ类', '', '水质类别'],
      ['15件', '', '断面 | 区']
    ])
  })
})

describe('remarkFact with remark-stringify', () => {
  test('writes a table back as a GFM table, columns padded by display width and annotations kept', () => {
    const processor = unified().use(remarkParse).use(remarkFact).use(remarkStringify)
    const markdown =
      '| 指标 | 2024年 |\n| --- | ---: |\n| 空气质量综合指数 | :fact[2.34]{metric=air.aqi_composite} |\n| PM2.5 | 1\\|2 |\n'
    expect(String(processor.processSync(markdown))).toBe(
      [
        '| 指标             |                                2024年 |',
        '| ---------------- | ------------------------------------: |',
        '| 空气质量综合指数 | :fact[2.34]{metric=air.aqi_composite} |',
        '| PM2.5            |                                  1\\|2 |',
        ''
      ].join('\n')
    )
  })
})
