import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { readFigure } from '../src/chinese-number/index.js'
import { readComparison, type Comparison } from '../src/suggest/comparison-words.js'
import { suggest } from '../src/suggest/suggest.js'

// Sentences written for these tests in the manner of the bureau's reports, each with the annotation an editor
// would choose; the registry is a fixed copy, so that the cases do not move with source/.
const registry = {
  path: 'source/metrics.yaml',
  text: readFileSync(new URL('fixtures/suggest-corpus/metrics.yaml', import.meta.url), 'utf8')
}

type Band = 'sure' | 'likely' | 'doubtful'
const bandOf = (confidence: number): Band => (confidence >= 0.6 ? 'sure' : confidence >= 0.35 ? 'likely' : 'doubtful')

interface Case {
  why: string
  text: string
  /** The figure, and which of its occurrences (0 first). */
  figure: string
  nth?: number
  proposal: string
  band: Band
}

// prettier-ignore
const cases: Case[] = [
  // The wrong guesses of an editor's first try, each with its cause.
  { why: 'a change after its level keeps the metric; 改善 gives improve and the base', text: '全市空气质量综合指数2.50、同比改善8.1%。', figure: '8.1%', proposal: ':fact[8.1%]{metric=air.aqi_composite aspect=improve base=2023}', band: 'sure' },
  { why: 'places of a rank are a change of the rank before them, not a count of cities', text: '综合指数在全国排名第5、同比提升2位。', figure: '2位', proposal: ':fact[2位]{metric=air.aqi_rank aspect=increase base=2023}', band: 'likely' },
  { why: '上升 of places reads the same as 提升', text: '综合指数在全国排名第5、同比上升2位。', figure: '2位', proposal: ':fact[2位]{metric=air.aqi_rank aspect=increase base=2023}', band: 'likely' },
  { why: '全省 rules out the national rank; the rank after a level ranks that level', text: '空气质量优良率98.9%、全省排名第一。', figure: '第一', proposal: ':fact[第一]{metric=air.good_days_provincial_rank}', band: 'sure' },
  { why: '全国 rules out the provincial rank', text: '空气质量优良率98.9%、并列全国第一。', figure: '第一', proposal: ':fact[第一]{metric=air.good_days_rank}', band: 'sure' },
  { why: 'the words between two figures belong to the second: 点位比, not the area of the figure before', text: '近岸海域优良水质面积比90.2%、点位比93.1%。', figure: '93.1%', proposal: ':fact[93.1%]{metric=sea.good_quality_point_ratio}', band: 'sure' },
  { why: 'a 分别-list of changes restates the levels before it, in order', text: '近岸海域优良水质面积比90.2%、点位比93.1%,同比分别提升3.5个百分点和4.0个百分点。', figure: '3.5个百分点', proposal: ':fact[3.5个百分点]{metric=sea.good_quality_area_ratio aspect=increase base=2023}', band: 'sure' },
  { why: 'the second figure of the list takes the second level', text: '近岸海域优良水质面积比90.2%、点位比93.1%,同比分别提升3.5个百分点和4.0个百分点。', figure: '4.0个百分点', proposal: ':fact[4.0个百分点]{metric=sea.good_quality_point_ratio aspect=increase base=2023}', band: 'sure' },
  { why: 'a change after a level an annotation tags takes the metric the annotation names', text: '近岸海域优良水质面积比:fact[93.8%]{metric=sea.good_quality_area_ratio},同比提升2.1个百分点。', figure: '2.1个百分点', proposal: ':fact[2.1个百分点]{metric=sea.good_quality_area_ratio aspect=increase base=2023}', band: 'sure' },
  { why: 'a 分别-list of changes restates levels that annotations tag, in order', text: '近岸海域优良水质面积比:fact[90.2%]{metric=sea.good_quality_area_ratio}、点位比:fact[93.1%]{metric=sea.good_quality_point_ratio},同比分别提升3.5个百分点和4.0个百分点。', figure: '4.0个百分点', proposal: ':fact[4.0个百分点]{metric=sea.good_quality_point_ratio aspect=increase base=2023}', band: 'sure' },
  { why: 'a tagged level whose metric is undecided gives the change none: its own words decide', text: '全市各项工作完成率:fact[93.8%]{metric=?},同比提升2.1个百分点。', figure: '2.1个百分点', proposal: ':fact[2.1个百分点]{metric=? aspect=increase base=2023}', band: 'doubtful' },
  // Other readings.
  { why: 'a 分别-list with names maps each figure to its name, a shared tail included', text: '城市声环境功能区昼间、夜间达标率分别为98.5%、90.1%。', figure: '98.5%', proposal: ':fact[98.5%]{metric=noise.day_compliance}', band: 'sure' },
  { why: 'the last name of the list', text: '城市声环境功能区昼间、夜间达标率分别为98.5%、90.1%。', figure: '90.1%', proposal: ':fact[90.1%]{metric=noise.night_compliance}', band: 'sure' },
  { why: 'a lower-is-better metric falling: 下降 is decrease, the compiler gives the sign', text: 'PM2.5浓度18.2微克/立方米,同比下降4.2%。', figure: '4.2%', proposal: ':fact[4.2%]{metric=air.pm25 aspect=decrease base=2023}', band: 'sure' },
  { why: '较上年 is a comparison with the year before as 同比 is', text: '空气质量优级率65.0%、较上年提高3.2个百分点。', figure: '3.2个百分点', proposal: ':fact[3.2个百分点]{metric=air.excellent_days_ratio aspect=increase base=2023}', band: 'sure' },
  { why: '不低于 makes a target, with no base, and goes into the label as its bound', text: '主要指标:优良率不低于98.0%。', figure: '不低于98.0%', proposal: ':fact[不低于98.0%]{metric=air.good_days_ratio aspect=target}', band: 'likely' },
  { why: 'a target whose sentence opens with another year than the report’s (2024) is for that year', text: '2025年,优良率不低于98.0%。', figure: '不低于98.0%', proposal: ':fact[不低于98.0%]{metric=air.good_days_ratio aspect=target period=2025}', band: 'likely' },
  { why: 'in a list of targets every figure is a target', text: '主要指标:危险废物处置利用率100%。', figure: '100%', proposal: ':fact[100%]{metric=waste.hazardous_disposal_ratio aspect=target}', band: 'sure' },
  { why: '提升至 names the level reached, not a change', text: '主要流域国省控断面优质水比例提升至60%。', figure: '60%', proposal: ':fact[60%]{metric=water.section_excellent_ratio}', band: 'likely' },
  { why: 'a generic alias (同比提升) alone gives no confident metric', text: '各项工作同比提升5%。', figure: '5%', proposal: ':fact[5%]{metric=? aspect=increase base=2023}', band: 'doubtful' },
  { why: 'an alias far away, across other words, is weak evidence', text: '优良率的提高有赖于全市各部门和各区持续开展的联防联控工作,共计完成12%。', figure: '12%', proposal: ':fact[12%]{metric=?}', band: 'doubtful' },
  { why: 'two names of one 分别-list are two metrics: a second guess of the first’s metric becomes metric=? rather than a duplicate', text: 'PM10、PM2.5年均浓度分别为30微克/立方米、17微克/立方米。', figure: '17微克/立方米', proposal: ':fact[17微克/立方米]{metric=?}', band: 'doubtful' },
  { why: 'no words of any metric: metric=?', text: '本年度共召开会议3场。', figure: '3场', proposal: ':fact[3场]{metric=?}', band: 'doubtful' }
]

describe('metric, aspect and base of a proposal', () => {
  test.each(cases)('$why: $figure', ({ text, figure, nth, proposal, band }) => {
    const report = `---\ntitle: 测试\nissuer: 测试\nentity: 厦门市\nperiod: "2024"\nlanguage: zh-CN\nslug: test\n---\n\n${text}\n`
    const [result] = suggest({ reports: [{ path: 'r.md', text: report }], registry })
    const found = (result?.untagged ?? []).filter((item) => item.text === figure)[nth ?? 0]
    expect(found?.proposal).toBe(proposal)
    expect(bandOf(found?.confidence ?? 0)).toBe(band)
  })
})

describe('the words before a figure', () => {
  // prettier-ignore
  const readings: Array<{ before: string; label: string; comparison: Comparison }> = [
    { before: '与上年', label: '持平', comparison: { againstBase: true } },
    { before: '同比', label: '基本持平', comparison: { againstBase: true } },
    { before: '优质水比例由', label: '50%', comparison: { aspect: 'start', againstBase: false } },
    { before: '同比改善', label: '10.3%', comparison: { aspect: 'improve', againstBase: true } },
    { before: '比上年减少', label: '12家', comparison: { aspect: 'decrease', againstBase: true } },
    { before: '较去年恶化', label: '3.1%', comparison: { aspect: 'worsen', againstBase: true } },
    { before: '提升', label: '2.1个百分点', comparison: { aspect: 'increase', againstBase: false } },
    { before: '提升至', label: '66.7%', comparison: { againstBase: false } },
    { before: '面积比例不低于', label: '84.8%', comparison: { aspect: 'target', againstBase: false } },
    { before: '优良率99.5%,同比', label: '持平', comparison: { againstBase: true } },
    { before: '同比下降5.4%,优良率', label: '99.2%', comparison: { againstBase: false } }
  ]
  test.each(readings)('$before$label', ({ before, label, comparison }) => {
    const figure = readFigure(label)
    expect(figure.ok && readComparison(before, figure.value)).toEqual(comparison)
  })
})
