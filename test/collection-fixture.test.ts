import { describe, expect, test } from 'vitest'
import { compileSources } from '../src/compile/compile-sources.js'
import type { Series } from '../src/model/schema-types.js'
import { collectionRegistry, collectionReports } from './helpers/collection.js'

// The bureau's documents of 2023, 2024 and 2025 read together: every statement that one of them
// makes about another is checked, and each holds.
const result = compileSources({ reports: collectionReports, registry: collectionRegistry })
const series = new Map((result.collection?.series ?? []).map((entry) => [entry.metric.id, entry]))
const seriesOf = (id: string): Series => {
  const found = series.get(id)
  if (!found) throw new Error(`no series of ${id}`)
  return found
}
const line = (id: string) =>
  seriesOf(id).points.map(
    (point) => `${point.period} ${point.text} ${point.status} ${point.report}:${point.source.line}`
  )

test('the collection compiles without errors or warnings', () => {
  expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([])
  expect(result.reports.map((report) => report.frontMatter.slug)).toEqual([
    'xiamen-2023-fact-sheet',
    'xiamen-2024-fact-sheet',
    'xiamen-2024-targets',
    'xiamen-2025'
  ])
})

test('a report with an error is not published, and what it states is checked against the others all the same', () => {
  const reports = collectionReports.map((report) => ({
    ...report,
    text: report.text.replace('{metric=air.good_days_provincial_rank}', '{metric=air.good_day_provincial_rank}')
  }))
  const broken = compileSources({ reports, registry: collectionRegistry })
  const shown = (d: { file: string; line: number; ruleId: string }) => `${d.file}:${d.line} ${d.ruleId}`
  // Its error, and the metric it meant, now used by no report, are the only messages more than the
  // collection's own: no level it prints reads as published by no report.
  expect(result.diagnostics.map(shown)).toEqual([
    'source/xiamen-2023-fact-sheet.md:28 change-base-unpublished',
    'source/xiamen-2023-fact-sheet.md:46 change-base-unpublished',
    'source/xiamen-2024-fact-sheet.md:30 change-base-unpublished',
    'source/xiamen-2024-targets.md:31 target-pending',
    'source/xiamen-2025.md:79 change-base-unpublished',
    'source/xiamen-2025.md:105 target-pending'
  ])
  expect(broken.diagnostics.map(shown)).toEqual([
    'source/metrics.yaml:76 metric-unused',
    'source/xiamen-2023-fact-sheet.md:28 change-base-unpublished',
    'source/xiamen-2023-fact-sheet.md:46 change-base-unpublished',
    'source/xiamen-2024-fact-sheet.md:29 unknown-metric',
    'source/xiamen-2024-fact-sheet.md:30 change-base-unpublished',
    'source/xiamen-2024-targets.md:31 target-pending',
    'source/xiamen-2025.md:79 change-base-unpublished',
    'source/xiamen-2025.md:105 target-pending'
  ])
  expect(broken.reports.map((report) => report.frontMatter.slug)).toEqual([
    'xiamen-2023-fact-sheet',
    'xiamen-2024-targets',
    'xiamen-2025'
  ])
  // The levels it prints still stand in the series, and the changes of 2025 are checked against them.
  const points = (broken.collection?.series ?? [])
    .find((entry) => entry.metric.id === 'sea.good_quality_area_ratio')
    ?.points.map((point) => `${point.period} ${point.text} ${point.status} ${point.report}`)
  expect(points).toContain('2024 91.7% published xiamen-2024-fact-sheet')
})

describe('series across the years', () => {
  test.each([
    [
      'air.aqi_composite',
      [
        '2023 2.61 published xiamen-2023-fact-sheet:27',
        '2024 2.34 published xiamen-2024-fact-sheet:26',
        '2025 2.43 published xiamen-2025:45'
      ]
    ],
    [
      'air.aqi_rank',
      [
        '2022 第9 inferred xiamen-2023-fact-sheet:28',
        '2023 第7 published xiamen-2023-fact-sheet:28',
        '2024 第3 published xiamen-2024-fact-sheet:27',
        '2025 第8 published xiamen-2025:45'
      ]
    ],
    [
      'air.good_days_ratio',
      [
        '2023 99.7% published xiamen-2023-fact-sheet:29',
        '2024 99.5% published xiamen-2024-fact-sheet:28',
        '2025 99.2% published xiamen-2025:45'
      ]
    ],
    [
      'sea.good_quality_area_ratio',
      [
        '2022 82.0% inferred xiamen-2023-fact-sheet:46',
        '2023 84.2% published xiamen-2023-fact-sheet:46',
        '2024 91.7% published xiamen-2024-fact-sheet:48',
        '2025 93.8% published xiamen-2025:45'
      ]
    ],
    [
      'sea.good_quality_point_ratio',
      ['2023 86.4% published xiamen-2023-fact-sheet:45', '2024 95.5% published xiamen-2024-fact-sheet:49']
    ],
    [
      'air.excellent_days_ratio',
      ['2023 60.3% inferred xiamen-2024-fact-sheet:30', '2024 70.8% published xiamen-2024-fact-sheet:30']
    ]
  ])('%s', (id, points) => {
    expect(line(id)).toEqual(points)
  })

  test('an inferred value carries its derivation and the facts it comes from', () => {
    const [inferred] = seriesOf('sea.good_quality_area_ratio').points
    expect(inferred?.derivation).toEqual({
      expression: '84.2 − 2.2 = 82',
      from: [
        {
          report: 'xiamen-2023-fact-sheet',
          fact: 'sea.good_quality_area_ratio@2023',
          text: '84.2%',
          value: 84.2,
          source: { file: 'source/xiamen-2023-fact-sheet.md', line: 46, column: 14 }
        },
        {
          report: 'xiamen-2023-fact-sheet',
          fact: 'sea.good_quality_area_ratio@2023:change',
          text: '2.2个百分点',
          value: 2.2,
          source: { file: 'source/xiamen-2023-fact-sheet.md', line: 46, column: 67 }
        }
      ]
    })
  })
})

test('every statement one document makes about another is checked, and holds', () => {
  const checks = [...series.values()].flatMap((entry) =>
    entry.checks.map(
      (check) =>
        `${entry.metric.id} ${check.kind} ${check.statement.report} ${check.statement.text}: ${check.detail} → ${check.holds}`
    )
  )
  expect(checks).toEqual([
    'air.aqi_composite change xiamen-2024-fact-sheet 10.3%: (2.34 − 2.61) / 2.61 = −10.3448%;报告为下降10.3%,在印刷精度内相符 → true',
    'air.aqi_rank change xiamen-2024-fact-sheet 4位: 3 − 7 = −4;报告为上升4位（名次数−4）,在印刷精度内相符 → true',
    'sea.good_quality_area_ratio change xiamen-2024-fact-sheet 7.5个百分点: 91.7 − 84.2 = 7.5;报告为上升7.5个百分点,在印刷精度内相符 → true',
    'sea.good_quality_area_ratio change xiamen-2025 2.1个百分点: 93.8 − 91.7 = 2.1;报告为上升2.1个百分点,在印刷精度内相符 → true',
    'sea.good_quality_point_ratio change xiamen-2024-fact-sheet 9.1个百分点: 95.5 − 86.4 = 9.1;报告为上升9.1个百分点,在印刷精度内相符 → true',
    'water.section_excellent_ratio start xiamen-2025 50%: 2025的期初值50%(xiamen-2025)与2024的50%(xiamen-2024-fact-sheet)相同 → true'
  ])
})

test('every target is evaluated against the outcome of its year', () => {
  const targets = [...series.values()].flatMap((entry) =>
    entry.targets.map(
      (target) =>
        `${entry.metric.id} ${target.period} ${target.text} → ${target.evaluation.status}${target.evaluation.outcome ? ` (${target.evaluation.outcome.text}, ${target.evaluation.outcome.report})` : ''}`
    )
  )
  expect(targets).toEqual([
    'air.aqi_rank 2024 保十争先 → met (第3, xiamen-2024-fact-sheet)',
    'air.good_days_ratio 2024 不低于99.2% → met (99.5%, xiamen-2024-fact-sheet)',
    'sea.good_quality_area_ratio 2024 不低于84.8% → met (91.7%, xiamen-2024-fact-sheet)',
    'sea.good_quality_point_ratio 2024 不低于86.7% → met (95.5%, xiamen-2024-fact-sheet)',
    'waste.hazardous_disposal_ratio 2024 100% → pending',
    'water.drinking_source_good_ratio 2024 100% → met (100%, xiamen-2024-fact-sheet)',
    'water.section_class 2026/2030 Ⅲ类 → pending',
    'water.section_good_ratio 2024 100% → met (100%, xiamen-2024-fact-sheet)',
    'water.small_basin_compliance 2024 100% → met (100%, xiamen-2024-fact-sheet)'
  ])
})

test('what cannot be checked is said, as information', () => {
  expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual([
    'source/xiamen-2023-fact-sheet.md:28:92 change-base-unpublished',
    'source/xiamen-2023-fact-sheet.md:46:67 change-base-unpublished',
    'source/xiamen-2024-fact-sheet.md:30:63 change-base-unpublished',
    'source/xiamen-2024-targets.md:31:15 target-pending',
    'source/xiamen-2025.md:79:246 change-base-unpublished',
    'source/xiamen-2025.md:105:287 target-pending'
  ])
})
