import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { compileSources } from '../src/compile/compile-sources.js'
import { suggest } from '../src/suggest/suggest.js'
import { notesOf, seedNotes, seedOriginal, seedRegistry as registry, seedReport } from './helpers/seed.js'

const source = seedReport.text

// The hand-made list of every figure in the seed: line, column, figure.
const fixture = readFileSync(new URL('fixtures/suggest/seed-figures.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => line.split('\t').join(':'))

// Recall, precision and the share of right guesses are printed by bench/suggest.mjs; here the counts are exact.
describe('factmark suggest on the un-annotated report', () => {
  const [result] = suggest({ reports: [{ path: 'seed.txt', text: seedOriginal }], registry })
  const hits = (result?.untagged ?? []).map((item) => `${item.start.line}:${item.start.column}:${item.text}`)

  test('finds every figure of the hand-made list, at its line and column', () => {
    expect(fixture).toHaveLength(157)
    const missed = fixture.filter((figure) => !hits.includes(figure))
    expect(missed).toEqual([])
  })

  test('reports nothing that is not a figure, and each figure once', () => {
    const extra = hits.filter((hit) => !fixture.includes(hit))
    expect(extra).toEqual([])
    expect(hits).toHaveLength(157)
  })

  test('each proposal is an annotation of the figure', () => {
    for (const item of result?.untagged ?? [])
      expect(item.proposal.startsWith(`:fact[${item.text}]{metric=`)).toBe(true)
    const first = result?.untagged.find((item) => item.text === '2.1个百分点')
    // Plain text has no front matter: the base is the year before the one the title names (2025).
    expect(first?.proposal).toBe(':fact[2.1个百分点]{metric=sea.good_quality_area_ratio aspect=increase base=2024}')
  })
})

describe('metric guesses', () => {
  // Strip the annotations from the source: every tagged figure becomes untagged, and the
  // metric the editor chose is the answer the guess is scored against.
  const facts = compileSources({ reports: [{ path: 'r.md', text: source }], registry }).reports[0]?.bundle.facts ?? []
  const stripped = source.replace(/:fact\[([^\]]*)\]\{[^}]*\}/g, '$1')
  const [result] = suggest({ reports: [{ path: 'r.md', text: stripped }], registry })
  const untagged = result?.untagged ?? []

  test('the stripped source gives back exactly the tagged figures, in order', () => {
    expect(untagged.map((item) => item.text)).toEqual(facts.map((fact) => fact.text))
    expect(untagged).toHaveLength(128)
  })

  test('name the metric the editor chose for all but the figures listed here', () => {
    const misses = untagged.flatMap((item, index) =>
      item.metric === facts[index]?.metric
        ? []
        : [`${item.text}: ${item.metric ?? '?'} (editor: ${facts[index]?.metric})`]
    )
    // 17.4 comes first in "PM2.5、PM10浓度分别为17.4、30.7": the 分别-list maps the figures to the names in order.
    expect(misses).toEqual([])
  })

  test('the year-on-year change gets aspect and base', () => {
    const change = untagged.find((item) => item.text === '5.86个百分点')
    expect(change?.proposal).toBe(':fact[5.86个百分点]{metric=eia.city_level_share aspect=increase base=2024}')
    const start = untagged.find((item) => item.text === '50%')
    expect(start?.proposal).toBe(':fact[50%]{metric=water.section_excellent_ratio aspect=start}')
  })
})

describe('the annotated seed', () => {
  test('has no untagged figure left, and every ignore phrase covers one', () => {
    const [result] = suggest({ reports: [seedReport], registry })
    expect(result?.untagged).toEqual([])
    const compiled = compileSources({ reports: [seedReport], registry })
    expect(compiled.coverage).toEqual([{ path: 'source/xiamen-2025.md', tagged: 128, untagged: 0 }])
    expect(notesOf(compiled.diagnostics)).toEqual(seedNotes)
  })
})

test('the figures of a broken annotation are not proposed, as check does not call them untagged', () => {
  const text = '办理：fact[92件]{metric=enforcement.cases}，又:fact[30件{metric=enforcement.cases}。\n\n共分15批。\n'
  const [result] = suggest({ reports: [{ path: 'r.md', text }], registry })
  expect(result?.untagged.map((figure) => `${figure.start.line}:${figure.start.column} ${figure.text}`)).toEqual([
    '3:3 15批'
  ])
})

// A report of 2025 that recalls the year before prints figures of 2024: the year that opens their
// clause is their period, and the base of a change in it is the year before that.
describe('a year that opens a clause gives the period of its figures', () => {
  const proposalsOf = (body: string) => {
    const text = `---\ntitle: 测试\nissuer: 测试局\nentity: 测试市\nperiod: "2025"\nlanguage: zh-CN\nslug: r\n---\n\n${body}\n`
    const [result] = suggest({ reports: [{ path: 'r.md', text }], registry })
    return result?.untagged.map(
      (figure) => `${figure.text} ${figure.ignore ? `ignore: ${figure.ignore.phrase}` : figure.proposal}`
    )
  }
  // prettier-ignore
  test.each([
    ['2024年PM2.5年均浓度为17.4微克/立方米，同比下降3.1%。', [
      '2024年 ignore: 2024年PM2.5',
      '17.4微克/立方米 :fact[17.4微克/立方米]{metric=air.pm25 period=2024}',
      '3.1% :fact[3.1%]{metric=air.pm25 aspect=decrease base=2023 period=2024}'
    ]],
    ['2024年，PM2.5年均浓度为17.4微克/立方米。', [
      '2024年 ignore: 2024年，PM2.5',
      '17.4微克/立方米 :fact[17.4微克/立方米]{metric=air.pm25 period=2024}'
    ]],
    // A span of years that opens a clause is the period of its figures.
    ['2021年至2024年累计整治入河排污口205个。', [
      '2021年至2024年 ignore: 2021年至2024年累计整治',
      '205个 :fact[205个]{metric=water.outfalls_remediated period=2021/2024}'
    ]],
    ['2021—2024年，PM2.5年均浓度为18.0微克/立方米。', [
      '2021—2024年 ignore: 2021—2024年，PM2.5',
      '18.0微克/立方米 :fact[18.0微克/立方米]{metric=air.pm25 period=2021/2024}'
    ]],
    ['2021-2022年PM2.5年均浓度为20.1微克/立方米。', [
      '2021-2022年 ignore: 2021-2022年PM2.5',
      '20.1微克/立方米 :fact[20.1微克/立方米]{metric=air.pm25 period=2021/2022}'
    ]],
    // A later clause of the sentence that opens with a year of its own dates the figures in it.
    ['2021—2024年PM2.5年均浓度为18.0微克/立方米，2025年PM2.5年均浓度为16.5微克/立方米。', [
      '2021—2024年 ignore: 2021—2024年PM2.5',
      '18.0微克/立方米 :fact[18.0微克/立方米]{metric=air.pm25 period=2021/2024}',
      '2025年 ignore: 2025年PM2.5',
      '16.5微克/立方米 :fact[16.5微克/立方米]{metric=air.pm25}'
    ]],
    ['PM2.5年均浓度为16.5微克/立方米，2024年PM2.5年均浓度为17.4微克/立方米。', [
      '16.5微克/立方米 :fact[16.5微克/立方米]{metric=air.pm25}',
      '2024年 ignore: 2024年PM2.5',
      '17.4微克/立方米 :fact[17.4微克/立方米]{metric=air.pm25 period=2024}'
    ]],
    // A count that opens a clause is no year: the sentence's year still dates the figures after it.
    ['2024年，全市PM2.5年均浓度为17.4微克/立方米，1200家企业完成整治。', [
      '2024年 ignore: 2024年，全市',
      '17.4微克/立方米 :fact[17.4微克/立方米]{metric=air.pm25 period=2024}',
      '1200家 :fact[1200家]{metric=? period=2024}'
    ]],
    // The report's own year, a span, a year within a clause and a year and month give no period.
    ['2025年PM2.5年均浓度为16.5微克/立方米，同比下降5.2%。', [
      '2025年 ignore: 2025年PM2.5',
      '16.5微克/立方米 :fact[16.5微克/立方米]{metric=air.pm25}',
      '5.2% :fact[5.2%]{metric=air.pm25 aspect=decrease base=2024}'
    ]],
    ['2024年以来PM2.5年均浓度下降至16.5微克/立方米。', [
      '2024年 ignore: 2024年以来',
      '16.5微克/立方米 :fact[16.5微克/立方米]{metric=air.pm25}'
    ]],
    ['2023年至今累计整治入河排污口205个。', [
      '2023年 ignore: 2023年至今',
      '205个 :fact[205个]{metric=water.outfalls_remediated}'
    ]],
    // A year the sentence compares with is the base of its changes.
    ['全市较2024年PM2.5年均浓度下降0.9微克/立方米。', [
      '2024年 ignore: 较2024年',
      '0.9微克/立方米 :fact[0.9微克/立方米]{metric=air.pm25 aspect=decrease base=2024}'
    ]],
    ['与2023年相比，PM2.5年均浓度下降2.9%。', [
      '2023年 ignore: 与2023年相比',
      '2.9% :fact[2.9%]{metric=air.pm25 aspect=decrease base=2023}'
    ]],
    // A month, a span of months or a part of a year dates the figures of its clause, in the
    // report's year unless it names its own; a change 同比 is on the same months of the year before.
    ['2024年11月PM2.5浓度为20.1微克/立方米。', [
      '2024年11月 ignore: 2024年11月PM2.5',
      '20.1微克/立方米 :fact[20.1微克/立方米]{metric=air.pm25 period=2024-11}'
    ]],
    ['今年1—11月，全市PM2.5年均浓度为16.2微克/立方米，同比下降5.2%。', [
      '1—11月 ignore: 今年1—11月，全市',
      '16.2微克/立方米 :fact[16.2微克/立方米]{metric=air.pm25 period=2025-01/2025-11}',
      '5.2% :fact[5.2%]{metric=air.pm25 aspect=decrease base=2024-01/2024-11 period=2025-01/2025-11}'
    ]],
    ['一月全市空气质量优良率为98.5%，十二月为97.0%。', [
      '一月 ignore: 一月全市空气质量',
      '98.5% :fact[98.5%]{metric=air.good_days_ratio period=2025-01}',
      '十二月 ignore: 十二月为',
      '97.0% :fact[97.0%]{metric=air.good_days_ratio period=2025-12}'
    ]],
    ['去年12月，PM2.5年均浓度为20微克/立方米。', [
      '12月 ignore: 去年12月，PM2.5',
      '20微克/立方米 :fact[20微克/立方米]{metric=air.pm25 period=2024-12}'
    ]],
    ['上半年，全市空气质量优良率为99.5%，前三季度为99.3%。', [
      '99.5% :fact[99.5%]{metric=air.good_days_ratio period=2025-01/2025-06}',
      '前三季度 ignore: 前三季度为',
      '99.3% :fact[99.3%]{metric=air.good_days_ratio period=2025-01/2025-09}'
    ]],
    ['2024年第二季度，全市空气质量优良率为99%。', [
      '2024年第二季度 ignore: 2024年第二季度，全市空气',
      '99% :fact[99%]{metric=air.good_days_ratio period=2024-04/2024-06}'
    ]],
    ['2025年上半年，PM2.5年均浓度为15微克/立方米，与2024年相比下降1.2微克/立方米。', [
      '2025年 ignore: 2025年上半年',
      '15微克/立方米 :fact[15微克/立方米]{metric=air.pm25 period=2025-01/2025-06}',
      '2024年 ignore: 与2024年相比',
      '1.2微克/立方米 :fact[1.2微克/立方米]{metric=air.pm25 aspect=decrease base=2024-01/2024-06 period=2025-01/2025-06}'
    ]],
    // 上年 and 去年 alone date the figures of their clause the year before the report's.
    ['上年全市空气质量优良率为98.7%，今年为99.0%。', [
      '98.7% :fact[98.7%]{metric=air.good_days_ratio period=2024}',
      '99.0% :fact[99.0%]{metric=air.good_days_ratio}'
    ]],
    // The level a change is measured from, printed before it, is of the period compared with, and
    // of the metric of the level before it; the change restates it.
    ['全市空气质量综合指数2.49，较2024年的2.34改善6.4%。', [
      '2.49 :fact[2.49]{metric=air.aqi_composite}',
      '2024年 ignore: 较2024年的',
      '2.34 :fact[2.34]{metric=air.aqi_composite period=2024}',
      '6.4% :fact[6.4%]{metric=air.aqi_composite aspect=improve base=2024}'
    ]],
    ['全市空气质量优良率98.9%，比上年（99.2%）下降0.3个百分点。', [
      '98.9% :fact[98.9%]{metric=air.good_days_ratio}',
      '99.2% :fact[99.2%]{metric=air.good_days_ratio period=2024}',
      '0.3个百分点 :fact[0.3个百分点]{metric=air.good_days_ratio aspect=decrease base=2024}'
    ]],
    ['近岸海域优良水质面积比由2024年的91.7%提升至93.8%。', [
      '2024年 ignore: 由2024年的',
      '91.7% :fact[91.7%]{metric=sea.good_quality_area_ratio period=2024}',
      '93.8% :fact[93.8%]{metric=sea.good_quality_area_ratio}'
    ]],
    ['空气质量综合指数从上年的第3名下降至第8名。', [
      '第3名 :fact[第3名]{metric=air.aqi_rank period=2024}',
      '第8名 :fact[第8名]{metric=air.aqi_rank}'
    ]],
    // A level of a year to come, with a bound or the words of a plan, is a target.
    ['2026年，PM2.5年均浓度控制在20微克/立方米以内，优良率保持在98%以上。', [
      '2026年 ignore: 2026年，PM2.5',
      '20微克/立方米以内 :fact[20微克/立方米以内]{metric=air.pm25 aspect=target period=2026}',
      '98%以上 :fact[98%以上]{metric=air.good_days_ratio aspect=target period=2026}'
    ]],
    // 主要指标 and its colon open a list of targets, to the end of its sentence; 主要指标如下 and
    // 主要指标完成情况 open outcomes.
    ['主要指标：优良率不低于95%，PM2.5年均浓度20微克/立方米；近岸海域优良水质面积比不低于84.8%。全市优良率95.1%。', [
      '不低于95% :fact[不低于95%]{metric=air.good_days_ratio aspect=target}',
      '20微克/立方米 :fact[20微克/立方米]{metric=air.pm25 aspect=target}',
      '不低于84.8% :fact[不低于84.8%]{metric=sea.good_quality_area_ratio aspect=target}',
      '95.1% :fact[95.1%]{metric=air.good_days_ratio}'
    ]],
    ['我局开展工作，主要指标如下。全市空气质量综合指数3.12，同比改善4.6%。', [
      '3.12 :fact[3.12]{metric=air.aqi_composite}',
      '4.6% :fact[4.6%]{metric=air.aqi_composite aspect=improve base=2024}'
    ]],
    ['主要指标完成情况：全市空气质量优良率95.1%。', [
      '95.1% :fact[95.1%]{metric=air.good_days_ratio}'
    ]],
    // A span of years counts from the years before the report's, or after it; 三年来最低 names a record.
    ['五年来累计整治入河排污口205个，近三年整治入河排污口120个，今后三年整治入河排污口80个，PM2.5浓度为三年来最低。', [
      '五年 ignore: 五年来累计',
      '205个 :fact[205个]{metric=water.outfalls_remediated period=2021/2025}',
      '三年 ignore: 近三年整治',
      '120个 :fact[120个]{metric=water.outfalls_remediated period=2023/2025}',
      '三年 ignore: 今后三年整治',
      '80个 :fact[80个]{metric=water.outfalls_remediated period=2026/2028}',
      '三年 ignore: 三年来最低'
    ]]
  ])('%s', (body, proposals) => {
    expect(proposalsOf(body)).toEqual(proposals)
  })
})
