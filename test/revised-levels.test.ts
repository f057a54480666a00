import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { compileSources } from '../src/compile/compile-sources.js'
import { seriesEntry } from '../src/emit/series-json.js'

const registry = { path: 'metrics.yaml', text: readFileSync(new URL('fixtures/metrics.yaml', import.meta.url), 'utf8') }
const report = (slug: string, period: string, body: string) => ({
  path: `${slug}.md`,
  text: `---\ntitle: 测试市${period}年报告(${slug})\nissuer: 测试局\nentity: 测试市\nperiod: "${period}"\nlanguage: zh-CN\nslug: ${slug}\n---\n\n${body}\n`
})
const of2024 = report(
  'report-2024',
  '2024',
  'PM2.5浓度为:fact[17.4微克/立方米]{metric=air.pm25},同比下降:fact[5.4%]{metric=air.pm25 aspect=decrease base=2023}。'
)
const revising = report(
  'report-2025',
  '2025',
  '上年PM2.5浓度经复核为:fact[17.6微克/立方米]{metric=air.pm25 period=2024 revises=report-2024}。'
)
const of2023 = report('report-2023', '2023', 'PM2.5浓度为:fact[18.4微克/立方米]{metric=air.pm25}。')
const compiled = (reports: ReturnType<typeof report>[]) =>
  compileSources({ reports, registry, checkUnusedMetrics: false })
const messages = (reports: ReturnType<typeof report>[]) =>
  compiled(reports).diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`)

// A change is measured from the figures its own report prints, whatever a later report revises.
describe('a change whose level a later report revises', () => {
  // A report of 2024 that states the change alone, and no level.
  const changeOnly = (change: string) =>
    report(
      'report-2024-brief',
      '2024',
      `PM2.5浓度同比下降:fact[${change}]{metric=air.pm25 aspect=decrease base=2023}。`
    )
  test('puts its base where the level its report printed puts it', () => {
    const series = compiled([of2024, revising]).collection?.series.find((entry) => entry.metric.id === 'air.pm25')
    expect(series?.points.map((point) => `${point.period} ${point.text} ${point.status} ${point.report}`)).toEqual([
      '2023 18.4微克/立方米 inferred report-2024',
      '2024 17.6微克/立方米 published report-2025'
    ])
    expect(series?.points[0]?.derivation?.expression).toBe('17.4 ÷ (1 + (−5.4)%) ≈ 18.4')
  })

  test('is checked against the level its report printed', () => {
    expect(messages([of2023, of2024, revising])).toEqual([])
  })

  test('leaves no report out of the series’ entry: the one revised, and the one that states the change alone', () => {
    const series = compiled([of2023, of2024, revising, changeOnly('4.3%')]).collection?.series.find(
      (entry) => entry.metric.id === 'air.pm25'
    )
    expect(series && seriesEntry(series).reports).toEqual([
      'report-2023',
      'report-2024',
      'report-2024-brief',
      'report-2025'
    ])
  })

  test('stated in a report that prints no level of its own, is checked against the level that stands', () => {
    expect(messages([of2023, of2024, revising, changeOnly('5.4%')])).toEqual([
      'report-2024-brief.md:10:12 change-contradicts-levels The change "5.4%" of air.pm25 from 2023 to 2024 disagrees with the levels "18.4微克/立方米" (report-2023) and "17.6微克/立方米" (report-2025): (17.6 − 18.4) / 18.4 = −4.3478%, stated −5.4%; the levels as printed allow −4.88% to −3.81%'
    ])
  })
})

// A brief copies 17.4 wrongly as 17.6 and says it revises nothing: restatement-conflict tells it.
describe('a change whose level two reports dispute', () => {
  const miscopied = report('report-2024-brief', '2024', 'PM2.5浓度为:fact[17.6微克/立方米]{metric=air.pm25}。')
  const sheet = report(
    'report-2024-sheet',
    '2024',
    'PM2.5浓度为:fact[17.4微克/立方米]{metric=air.pm25},同比下降:fact[5.4%]{metric=air.pm25 aspect=decrease base=2023}。'
  )
  const of2025 = (change: string) =>
    report(
      'report-2025',
      '2025',
      `PM2.5浓度为:fact[16.4微克/立方米]{metric=air.pm25},同比下降:fact[${change}]{metric=air.pm25 aspect=decrease base=2024}。`
    )
  const conflict =
    'report-2024-sheet.md:10:9 restatement-conflict air.pm25 for 2024 is "17.4微克/立方米" here but "17.6微克/立方米" in report-2024-brief (report-2024-brief.md:10:9); correct the one that is wrong, or say revises= on the one that corrects the other: which came out first is not known, as report-2024-brief and report-2024-sheet give no date of publication (published: in their front matter), and their periods end together'

  test('stated beside its own level, is measured from that level, whichever value stands', () => {
    // Neither is dated, so the brief comes first by its slug: its 17.6 stands, and 17.6 → 16.4 would be −4.35%.
    expect(messages([of2023, miscopied, sheet])).toEqual([conflict])
  })

  test('stated in another report, is told only when it agrees with neither value', () => {
    // 17.4 → 16.4 is −5.75%; 17.6 → 16.4 is −6.82%.
    expect(messages([of2023, miscopied, sheet, of2025('5.7%')])).toEqual([conflict])
    expect(messages([of2023, miscopied, sheet, of2025('6.8%')])).toEqual([conflict])
    expect(messages([of2023, miscopied, sheet, of2025('4.0%')])).toEqual([
      conflict,
      'report-2025.md:10:48 change-contradicts-levels The change "4.0%" of air.pm25 from 2024 to 2025 disagrees with the levels "17.6微克/立方米" (report-2024-brief) and "16.4微克/立方米" (report-2025): (16.4 − 17.6) / 17.6 = −6.8182%, stated −4%; the levels as printed allow −7.37% to −6.26%'
    ])
  })
})

// revises= that names a report of the collection that prints the figure, but not before the one
// that says it: the message says so, not that no report prints it.
describe('revises= naming a report that does not come first', () => {
  const dated = (slug: string, published: string, body: string) => {
    const { path, text } = report(slug, '2024', body)
    return { path, text: text.replace('slug: ', `published: "${published}"\nslug: `) }
  }
  const sheet = dated('sheet-2024', '2025-02-18', '优良率:fact[91.7%]{metric=air.good_days_ratio}。')
  const summary = (published: string, value: string, slug = 'summary-2024') =>
    dated(slug, published, `优良率:fact[${value}]{metric=air.good_days_ratio revises=sheet-2024}。`)

  test.each([
    [
      'after it',
      summary('2025-02-10', '91.7%'),
      'summary-2024.md:11:4 revises-unmatched revises=sheet-2024 names a report that prints air.good_days_ratio for 2024 ("91.7%") but came out after this one: a report revises only what came out before it; if sheet-2024 corrects this report, put revises=summary-2024 on its figure instead'
    ]
  ])('that came out %s', (_name, revising, message) => {
    expect(messages([sheet, revising])).toEqual([message])
  })

  // Of two reports of one day, publication order sorts by slug: brief-2024 first. It says it revises
  // sheet-2024, and so comes after it.
  test('of the same day, the one that says it revises the other is the later', () => {
    const brief = summary('2025-02-18', '91.5%', 'brief-2024')
    expect(messages([sheet, brief])).toEqual([])
    const series = compiled([sheet, brief]).collection?.series.find(
      (entry) => entry.metric.id === 'air.good_days_ratio'
    )
    expect(series?.points.map((point) => [point.text, point.report, point.revises?.map((ref) => ref.report)])).toEqual([
      ['91.5%', 'brief-2024', ['sheet-2024']]
    ])
  })

  test('with another value, in the restatement-conflict it meets', () => {
    expect(messages([sheet, summary('2025-02-10', '91.5%')])).toEqual([
      'sheet-2024.md:11:4 restatement-conflict air.good_days_ratio for 2024 is "91.7%" here but "91.5%" in summary-2024 (summary-2024.md:11:4); if sheet-2024 corrects it, say so with revises=summary-2024',
      'summary-2024.md:11:4 revises-unmatched revises=sheet-2024 names a report that prints air.good_days_ratio for 2024 ("91.7%") but came out after this one: a report revises only what came out before it; if sheet-2024 corrects this report, put revises=summary-2024 on its figure instead'
    ])
  })
})

// A later report may correct an earlier one's change as it may a level, and says so with revises=.
describe('a change a later report corrects', () => {
  const corrected = (revises: string) =>
    report(
      'report-2025',
      '2025',
      `上年PM2.5浓度经复核为:fact[17.5微克/立方米]{metric=air.pm25 period=2024 revises=report-2024},同比下降:fact[5.6%]{metric=air.pm25 aspect=decrease period=2024 base=2023${revises}}。`
    )
  const contradictions = (reports: ReturnType<typeof report>[]) =>
    messages(reports).filter((message) => message.includes('change-contradicts-change'))

  test('is not told when it says which report it corrects, and puts the period no report publishes where it says', () => {
    const reports = [of2024, corrected(' revises=report-2024')]
    expect(contradictions(reports)).toEqual([])
    const series = compiled(reports).collection?.series.find((entry) => entry.metric.id === 'air.pm25')
    expect(series?.points.map((point) => `${point.period} ${point.text} ${point.status} ${point.report}`)).toEqual([
      '2023 18.5微克/立方米 inferred report-2025',
      '2024 17.5微克/立方米 published report-2025'
    ])
  })

  test('that names a report stating no such change is told, as a level that does is', () => {
    const unmatched = (revises: string) =>
      messages([of2024, corrected(revises)]).filter((message) => message.includes('revises-unmatched'))
    expect(unmatched(' revises=report-2024')).toEqual([])
    expect(unmatched(' revises=report-2042')).toEqual([
      'report-2025.md:10:85 revises-unmatched revises=report-2042 names no earlier report of the collection that states the change of air.pm25 for 2024 against 2023, so nothing shows the value "5.6%" replaces; did you mean revises=report-2024?'
    ])
  })

  test('is told otherwise, with both levels it is measured from and what to write', () => {
    expect(contradictions([of2024, corrected('')])).toEqual([
      'report-2025.md:10:85 change-contradicts-change The change "5.6%" of air.pm25 puts 2023 at 18.5微克/立方米, but the change "5.4%" in report-2024 (report-2024.md:10:48) puts it at 18.4微克/立方米, from the levels "17.4微克/立方米" and "17.5微克/立方米", which may be one value at the precision printed: no report publishes 2023, and the two changes cannot both be right; if this one corrects that, say revises=report-2024 on it'
    ])
  })
})
