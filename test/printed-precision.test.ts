import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { compileSources } from '../src/compile/compile-sources.js'
import { allowedInterval, factInterval, mayBeSame } from '../src/validate/interval.js'

// Two printed figures of one quantity, each as value, decimals and kind, and whether they may be
// the same value.
// prettier-ignore
const rows: Array<[string, [number, number | undefined], [number, number | undefined], string | undefined, boolean]> = [
  ['the same figure', [98.6, 1], [98.6, 1], undefined, true],
  ['one unit apart in the last digit: the ranges touch at 98.65', [98.6, 1], [98.7, 1], undefined, false],
  ['one unit apart, the other way', [17.9, 1], [17.8, 1], undefined, false],
  ['two units apart', [98.6, 1], [98.8, 1], undefined, false],
  ['the same value at a finer precision', [98.6, 1], [98.60, 2], undefined, true],
  ['a finer figure within the range of the coarser', [98.6, 1], [98.63, 2], undefined, true],
  ['a finer figure at the end of the coarser range', [98.6, 1], [98.65, 2], undefined, true],
  ['a finer figure past the coarser range', [98.6, 1], [98.66, 2], undefined, false],
  ['whole numbers one apart', [517, 0], [518, 0], undefined, false],
  ['counts equal, written exact', [517, 0], [517, 0], 'count', true],
  ['counts one apart, written exact', [517, 0], [518, 0], 'count', false],
  ['an exact count at the end of a range', [517.5, 1], [517, 0], undefined, true],
  ['thousands, one unit of the hundred apart', [1.2e4, -3], [1.3e4, -3], undefined, false],
  ['binary fractions of the same decimal', [0.1 + 0.2, 1], [0.3, 1], undefined, true]
]

describe('two printed figures of one quantity may be the same value when their ranges share more than an end', () => {
  test.each(rows)('%s', (_name, [a, aDecimals], [b, bDecimals], kind, expected) => {
    const range = (value: number, decimals: number | undefined) =>
      factInterval({ value, ...(decimals !== undefined && { decimals }) }, kind)
    expect(mayBeSame(range(a, aDecimals), range(b, bDecimals))).toBe(expected)
    expect(mayBeSame(range(b, bDecimals), range(a, aDecimals))).toBe(expected)
  })
})

// A figure with a bound (98%以上, 20以内) allows every value on its open side.
// prettier-ignore
const bounded: Array<[string, [number, string | undefined], [number, string | undefined], boolean]> = [
  ['an exact value above an at-least bound', [98, 'at-least'], [99.2, undefined], true],
  ['an exact value below an at-least bound', [98, 'at-least'], [97.4, undefined], false],
  ['an exact value that rounds to the bound', [98, 'at-least'], [97.6, undefined], true],
  ['an exact value below an at-most bound', [20, 'at-most'], [17.4, undefined], true],
  ['an exact value above an at-most bound', [20, 'at-most'], [21, undefined], false],
  ['two at-least bounds', [98, 'at-least'], [99, 'at-least'], true],
  ['bounds that meet', [98, 'at-least'], [98, 'at-most'], true],
  ['bounds that leave no value between them', [99, 'at-least'], [97, 'at-most'], false],
  ['about is no bound', [98, 'about'], [99.2, undefined], false]
]

describe('a bound allows every value on its open side', () => {
  test.each(bounded)('%s', (_name, [a, aBound], [b, bBound], expected) => {
    const range = (value: number, bound: string | undefined) =>
      allowedInterval(
        { value, decimals: Number.isInteger(value) ? 0 : 1, ...(bound !== undefined && { bound }) },
        'ratio'
      )
    expect(mayBeSame(range(a, aBound), range(b, bBound))).toBe(expected)
    expect(mayBeSame(range(b, bBound), range(a, aBound))).toBe(expected)
  })
})

const registry = { path: 'metrics.yaml', text: readFileSync(new URL('fixtures/metrics.yaml', import.meta.url), 'utf8') }
const report = (slug: string, period: string, body: string, published?: string) => ({
  path: `${slug}.md`,
  text: `---\ntitle: 测试市${period}年报告\nissuer: 测试局\nentity: 测试市\nperiod: "${period}"\nlanguage: zh-CN\nslug: ${slug}\n${published === undefined ? '' : `published: ${published}\n`}---\n\n${body}\n`
})
const earlier = report('report-2024', '2024', '优良率:fact[98.6%]{metric=air.good_days_ratio}。')

const compileAll = (reports: ReadonlyArray<ReturnType<typeof report>>) =>
  compileSources({ reports, registry, checkUnusedMetrics: false })
const messagesOf = (diagnostics: ReturnType<typeof compileAll>['diagnostics']) =>
  diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`)

describe('restatement-conflict', () => {
  test('a level restated one unit apart in its last digit is a conflict', () => {
    const later = report('report-2025', '2025', '上年优良率为:fact[98.7%]{metric=air.good_days_ratio period=2024}。')
    const { diagnostics } = compileAll([earlier, later])
    expect(messagesOf(diagnostics)).toEqual([
      'report-2025.md:10:7 restatement-conflict air.good_days_ratio for 2024 is "98.7%" here but "98.6%" in report-2024 (report-2024.md:10:4); if report-2025 corrects it, say so with revises=report-2024'
    ])
  })

  // A summary of 2024 with no date came out before a summary of 2025 dated 2026-02-10: the one of
  // 2025 restates the figure of 2024 and is told how to say it corrects it; the other way round, a
  // revises= on the summary of 2024 names a report that came out after it.
  test('a report with no date whose period is over before a dated one starts came out first', () => {
    const summary = report('summary-2024', '2024', '优良率:fact[98.6%]{metric=air.good_days_ratio}。')
    const next = report(
      'summary-2025',
      '2025',
      '上年优良率为:fact[98.7%]{metric=air.good_days_ratio period=2024}。',
      '2026-02-10'
    )
    const { diagnostics } = compileAll([summary, next])
    expect(messagesOf(diagnostics)).toEqual([
      'summary-2025.md:11:7 restatement-conflict air.good_days_ratio for 2024 is "98.7%" here but "98.6%" in summary-2024 (summary-2024.md:10:4); if summary-2025 corrects it, say so with revises=summary-2024'
    ])
    const backwards = report(
      'summary-2024',
      '2024',
      '优良率:fact[98.6%]{metric=air.good_days_ratio revises=summary-2025}。'
    )
    const told = compileAll([backwards, next]).diagnostics
    expect(told.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual([
      'summary-2024.md:10:4 revises-unmatched',
      'summary-2025.md:11:7 restatement-conflict'
    ])
  })

  // A brief that says 98%以上 and 20以内 of a year a summary puts at 99.2% and 17.4 says nothing else.
  test('a level printed with a bound agrees with an exact one within it, and the exact one stands in the series', () => {
    const brief = report('brief-2024', '2024', '优良率:fact[98%以上]{metric=air.good_days_ratio}。', '2025-01-05')
    const summary = report('summary-2024', '2024', '优良率:fact[98.6%]{metric=air.good_days_ratio}。', '2025-02-18')
    const { diagnostics, collection } = compileSources({
      reports: [brief, { ...summary, text: summary.text.replace('年报告', '年工作总结') }],
      registry,
      checkUnusedMetrics: false
    })
    expect(diagnostics).toEqual([])
    const points = collection?.series.find((one) => one.metric.id === 'air.good_days_ratio')?.points
    expect(points?.map((point) => [point.period, point.value, point.report])).toEqual([['2024', 98.6, 'summary-2024']])
  })

  test('a level outside the bound another report printed is a conflict', () => {
    const brief = report('brief-2024', '2024', '优良率:fact[98%以上]{metric=air.good_days_ratio}。', '2025-01-05')
    const summary = report('summary-2024', '2024', '优良率:fact[97.4%]{metric=air.good_days_ratio}。', '2025-02-18')
    const { diagnostics } = compileSources({
      reports: [brief, { ...summary, text: summary.text.replace('年报告', '年工作总结') }],
      registry,
      checkUnusedMetrics: false
    })
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual([
      'summary-2024.md:11:4 restatement-conflict'
    ])
  })

  test('within one report, a bound and an exact value within it are no inconsistent duplicate', () => {
    const text = '优良率:fact[98%以上]{metric=air.good_days_ratio}，全年为:fact[98.6%]{metric=air.good_days_ratio}。'
    const { diagnostics } = compileSources({
      reports: [report('r-2024', '2024', text)],
      registry,
      checkUnusedMetrics: false
    })
    expect(diagnostics).toEqual([])
  })

  // A date that is no date keeps the report from being published, not from being read: its levels
  // are levels some report publishes, and a contradiction with them is told.
  test('a report whose date is wrong is checked against the others all the same', () => {
    const later = report(
      'report-2025',
      '2025',
      '上年优良率为:fact[98.7%]{metric=air.good_days_ratio period=2024}。',
      '2026-02-31'
    )
    const { diagnostics, reports } = compileAll([earlier, later])
    expect(messagesOf(diagnostics)).toEqual([
      'report-2025.md:8:12 front-matter-invalid Front matter: published "2026-02-31" is not a day of the calendar: 2026-02 has 28 days',
      'report-2025.md:11:7 restatement-conflict air.good_days_ratio for 2024 is "98.7%" here but "98.6%" in report-2024 (report-2024.md:10:4); if report-2025 corrects it, say so with revises=report-2024'
    ])
    expect(reports.map((compiled) => compiled.frontMatter.slug)).toEqual(['report-2024'])
  })

  // A summary of 2024 with no date beside a fact sheet of 2024 dated 2025-02-18: which came out
  // first is not known, and the message does not say which of them corrects the other.
  test.each([
    [
      'the other is dated',
      undefined,
      '2025-02-18',
      'sheet-2024.md:11:7 restatement-conflict air.good_days_ratio for 2024 is "98.7%" here but "98.6%" in summary-2024 (summary-2024.md:10:4); correct the one that is wrong, or say revises= on the one that corrects the other: which came out first is not known, as summary-2024 gives no date of publication (published: in its front matter)'
    ],
    [
      'neither is dated',
      undefined,
      undefined,
      'summary-2024.md:10:4 restatement-conflict air.good_days_ratio for 2024 is "98.6%" here but "98.7%" in sheet-2024 (sheet-2024.md:10:7); correct the one that is wrong, or say revises= on the one that corrects the other: which came out first is not known, as sheet-2024 and summary-2024 give no date of publication (published: in their front matter), and their periods end together'
    ],
    [
      'both are dated',
      '2025-01-20',
      '2025-02-18',
      'sheet-2024.md:11:7 restatement-conflict air.good_days_ratio for 2024 is "98.7%" here but "98.6%" in summary-2024 (summary-2024.md:11:4); if sheet-2024 corrects it, say so with revises=summary-2024'
    ],
    [
      'both are dated the same day',
      '2025-02-18',
      '2025-02-18',
      'summary-2024.md:11:4 restatement-conflict air.good_days_ratio for 2024 is "98.6%" here but "98.7%" in sheet-2024 (sheet-2024.md:11:7); correct the one that is wrong, or say revises= on the one that corrects the other: which came out first is not known, as sheet-2024 and summary-2024 are both dated 2025-02-18'
    ]
  ])('of two reports of one period, which came out first: %s', (_name, summaryDate, sheetDate, message) => {
    const summary = report('summary-2024', '2024', '优良率:fact[98.6%]{metric=air.good_days_ratio}。', summaryDate)
    const { path, text } = report(
      'sheet-2024',
      '2024',
      '上年优良率为:fact[98.7%]{metric=air.good_days_ratio}。',
      sheetDate
    )
    const sheet = { path, text: text.replace('年报告', '年数据表') }
    const { diagnostics } = compileAll([summary, sheet])
    expect(messagesOf(diagnostics)).toEqual([message])
  })

  test('a level restated at a finer precision within the range printed agrees', () => {
    const later = report('report-2025', '2025', '上年优良率为:fact[98.62%]{metric=air.good_days_ratio period=2024}。')
    const { diagnostics } = compileAll([earlier, later])
    expect(diagnostics).toEqual([])
  })

  test('a period started one unit apart from the level before it is a conflict', () => {
    const later = report(
      'report-2025',
      '2025',
      '优良率由:fact[98.7%]{metric=air.good_days_ratio aspect=start}升至:fact[99.1%]{metric=air.good_days_ratio}。'
    )
    const { diagnostics } = compileAll([earlier, later])
    expect(messagesOf(diagnostics)).toEqual([
      'report-2025.md:10:5 restatement-conflict air.good_days_ratio starts 2025 from "98.7%", but report-2024 publishes "98.6%" for 2024 (report-2024.md:10:4)'
    ])
  })
})

// A count's change in percent is a rounded percentage, not a count: only exact quotients passed.
describe('a change in percent of a count is checked at the precision printed', () => {
  const counts = report('report-2024', '2024', '立案:fact[92件]{metric=enforcement.cases}。')
  const messages = (body: string, reports = [counts]) =>
    compileAll([...reports, report('report-2025', '2025', body)])
      .diagnostics.filter((d) => d.severity !== 'info')
      .map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`)

  test.each([
    ['7.6%', '(85 − 92) / 92 = −7.6087%'],
    ['7.61%', ''],
    ['8%', '']
  ])('92件 to 85件, stated down %s, agrees with the levels of two reports', (stated) => {
    expect(
      messages(
        `立案:fact[85件]{metric=enforcement.cases},同比下降:fact[${stated}]{metric=enforcement.cases aspect=decrease base=2024}。`
      )
    ).toEqual([])
  })

  test('92件 to 85件, stated down 7.4%, disagrees with them', () => {
    expect(
      messages(
        '立案:fact[85件]{metric=enforcement.cases},同比下降:fact[7.4%]{metric=enforcement.cases aspect=decrease base=2024}。'
      )
    ).toEqual([
      'report-2025.md:10:44 change-contradicts-levels The change "7.4%" of enforcement.cases from 2024 to 2025 disagrees with the levels "92件" (report-2024) and "85件" (report-2025): (85 − 92) / 92 = −7.6087%, stated −7.4%'
    ])
  })

  test('within one report: from 92件 to 85件, down 7.6%', () => {
    expect(
      messages(
        '立案由:fact[92件]{metric=enforcement.cases aspect=start}降至:fact[85件]{metric=enforcement.cases},下降:fact[7.6%]{metric=enforcement.cases aspect=decrease base=2024}。',
        []
      )
    ).toEqual([])
  })

  test('an absolute change of a count stays exact: 92件 to 85件 is down 7, not 6', () => {
    expect(
      messages(
        '立案由:fact[92件]{metric=enforcement.cases aspect=start}降至:fact[85件]{metric=enforcement.cases},减少:fact[6件]{metric=enforcement.cases aspect=decrease}。',
        []
      )
    ).toEqual([
      'report-2025.md:10:94 change-inconsistent The change "6件" of enforcement.cases disagrees with its start "92件" (10:4) and level "85件" (10:55): 85 − 92 = −7'
    ])
  })
})

describe('a check of a change says what the levels as printed allow where the printed values alone do not show it', () => {
  const checksOf = (changeText: string) => {
    const reports = [
      report('report-2024', '2024', 'PM2.5浓度为:fact[17.6微克/立方米]{metric=air.pm25}。'),
      report(
        'report-2025',
        '2025',
        `PM2.5浓度为:fact[16.4微克/立方米]{metric=air.pm25},同比下降:fact[${changeText}]{metric=air.pm25 aspect=decrease base=2024}。`
      )
    ]
    const { collection } = compileAll(reports)
    return collection?.series.flatMap((entry) => entry.checks.map((check) => `${check.detail} → ${check.holds}`))
  }

  test.each([
    ['6.8%', '(16.4 − 17.6) / 17.6 = −6.8182%;报告为下降6.8%,在印刷精度内相符 → true'],
    ['6.3%', '(16.4 − 17.6) / 17.6 = −6.8182%;报告为下降6.3%,两值按印刷精度可得−7.37%至−6.26%,相符 → true'],
    ['8%', '(16.4 − 17.6) / 17.6 = −6.8182%;报告为下降8%,不符(两值按印刷精度可得−7.4%至−6.2%) → false']
  ])('17.6 → 16.4, stated down %s', (stated, detail) => {
    expect(checksOf(stated)).toEqual([detail])
  })
})
