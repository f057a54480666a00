import { describe, expect, test } from 'vitest'
import { compileSources } from '../src/compile/compile-sources.js'
import type { Fact } from '../src/model/schema-types.js'
import { notesOf, seedNotes, seedRegistry, seedReport } from './helpers/seed.js'

const { path, text } = seedReport
const result = compileSources({ reports: [seedReport], registry: seedRegistry })
const facts = result.reports[0]?.bundle.facts ?? []

// The overview runs from 生态环境质量稳定向好 to 夜间等效声级达标率为88.8%.
const overviewStart = text.indexOf('生态环境质量稳定向好')
const overviewEnd = text.indexOf('88.8%', overviewStart)
const overviewLine = text.slice(0, overviewStart).split('\n').length
const overview = facts.filter((fact) => fact.source.offset > overviewStart && fact.source.offset < overviewEnd)

type Row = [
  id: string,
  metric: string,
  aspect: Fact['aspect'],
  value: number,
  unit: string,
  decimals: number,
  text: string,
  displayUnit: string,
  dimensions: Record<string, string>,
  column: number
]

// Values and units read by hand from the report; columns are UTF-16 columns on the overview's line.
// prettier-ignore
const expected: Row[] = [
  ['air.aqi_composite@2025', 'air.aqi_composite', 'level', 2.43, '1', 2, '2.43', '', {}, 541],
  ['air.ranked_cities@2025', 'air.ranked_cities', 'level', 168, '1', 0, '168个', '个', {}, 582],
  ['air.aqi_rank@2025', 'air.aqi_rank', 'level', 8, '1', 0, '第8', '', {}, 626],
  ['air.good_days_ratio@2025', 'air.good_days_ratio', 'level', 99.2, '%', 1, '99.2%', '%', {}, 660],
  ['air.good_days_rank@2025', 'air.good_days_rank', 'level', 2, '1', 0, '第2', '', {}, 705],
  ['air.pm25@2025', 'air.pm25', 'level', 17.4, 'ug/m3', 1, '17.4', '微克/立方米', {}, 757],
  ['air.pm10@2025', 'air.pm10', 'level', 30.7, 'ug/m3', 1, '30.7微克/立方米', '微克/立方米', {}, 798],
  ['water.function_zone_compliance@2025', 'water.function_zone_compliance', 'level', 100, '%', 0, '100%', '%', {}, 853],
  ['water.drinking_source_class@2025:site=坂头-石兜水库、汀溪水库', 'water.drinking_source_class', 'level', 2, '1', 0, 'Ⅱ类', '类', { site: '坂头-石兜水库、汀溪水库' }, 928],
  ['water.section_good_ratio@2025', 'water.section_good_ratio', 'level', 100, '%', 0, '100%', '%', {}, 1008],
  ['water.section_excellent_ratio@2025:start', 'water.section_excellent_ratio', 'start', 50, '%', 0, '50%', '%', {}, 1065],
  ['water.section_excellent_ratio@2025', 'water.section_excellent_ratio', 'level', 66.7, '%', 1, '66.7%', '%', {}, 1129],
  ['water.section_class@2025:site=隘头潭国控断面', 'water.section_class', 'level', 2, '1', 0, 'Ⅱ类', '类', { site: '隘头潭国控断面' }, 1194],
  ['water.small_basin_compliance@2025', 'water.small_basin_compliance', 'level', 100, '%', 0, '100%', '%', {}, 1257],
  ['water.provincial_assessed_good_ratio@2025', 'water.provincial_assessed_good_ratio', 'level', 80, '%', 0, '80%', '%', {}, 1315],
  ['sea.good_quality_area_ratio@2025', 'sea.good_quality_area_ratio', 'level', 93.8, '%', 1, '93.8%', '%', {}, 1387],
  ['sea.good_quality_area_ratio@2025:change', 'sea.good_quality_area_ratio', 'change', 2.1, '%', 1, '2.1个百分点', '个百分点', {}, 1440],
  ['sea.floating_litter_density@2025', 'sea.floating_litter_density', 'level', 39.53, 'm2/km', 2, '39.53平方米/公里', '平方米/公里', {}, 1525],
  ['noise.day_compliance@2025', 'noise.day_compliance', 'level', 96.8, '%', 1, '96.8%', '%', {}, 1610],
  ['noise.night_compliance@2025', 'noise.night_compliance', 'level', 88.8, '%', 1, '88.8%', '%', {}, 1662]
]

describe('the overview paragraph', () => {
  test('compiles without diagnostics', () => {
    expect(notesOf(result.diagnostics)).toEqual(seedNotes)
  })

  test('yields exactly the expected facts, in order', () => {
    expect(overview.map((fact) => fact.id)).toEqual(expected.map((row) => row[0]))
  })

  test.each(expected)('%s', (id, metric, aspect, value, unit, decimals, label, displayUnit, dimensions, column) => {
    const fact = overview.find((candidate) => candidate.id === id)
    expect(fact).toBeDefined()
    if (!fact) return
    const classifier = /[个类]$/.test(displayUnit) ? { classifier: displayUnit } : {}
    expect({ ...fact, source: undefined }).toEqual({
      id,
      metric,
      aspect,
      value,
      unit,
      decimals,
      text: label,
      displayUnit,
      ...classifier,
      period: '2025',
      ...(aspect === 'change' && { basePeriod: '2024' }),
      entity: '厦门市',
      dimensions,
      section: [],
      source: undefined
    })
    expect(fact.source.file).toBe(path)
    expect(fact.source.line).toBe(overviewLine)
    expect(fact.source.column).toBe(column)
    expect(fact.source.endLine).toBe(overviewLine)
    // The position cites the annotation itself, as written.
    const lineStart =
      text
        .split('\n')
        .slice(0, overviewLine - 1)
        .join('\n').length + 1
    expect(fact.source.offset).toBe(lineStart + column - 1)
    const cited = text.slice(fact.source.offset, fact.source.endOffset)
    expect(cited.startsWith(`:fact[${label}]{metric=${metric}`)).toBe(true)
    expect(cited.endsWith('}')).toBe(true)
    expect(fact.source.endColumn - fact.source.column).toBe(cited.length)
  })
})
