import fc from 'fast-check'
import { expect, test } from 'vitest'
import { lineKey, mainLine, seriesEntry } from '../src/emit/series-json.js'
import type { Series, SeriesPoint } from '../src/model/schema-types.js'

test.each([
  ['an entity alone', '厦门市', {}, '["厦门市",[]]'],
  ['a name to escape', '"甲"\\乙', {}, '["\\"甲\\"\\\\乙",[]]'],
  [
    'dimensions, sorted by name',
    '厦门市',
    { site: '隘头潭', depth: '表层' },
    '["厦门市",[["depth","表层"],["site","隘头潭"]]]'
  ]
])('the line of %s', (_case, entity, dimensions, key) => {
  expect(lineKey({ entity, dimensions })).toBe(key)
  expect(JSON.parse(key)).toEqual([entity, Object.entries(dimensions).sort(([a], [b]) => (a < b ? -1 : 1))])
})

const point = (entity: string, period: string, dimensions: Record<string, string> = {}) =>
  ({ entity, period, dimensions }) as SeriesPoint

test.each([
  [
    "the series' entity without dimensions",
    '乙区',
    [point('甲区', '2024'), point('甲区', '2025'), point('乙区', '2025')],
    [['乙区', '2025']]
  ],
  [
    'else the longest line without dimensions, the first of a tie',
    '全市',
    [point('甲区', '2024'), point('乙区', '2024'), point('乙区', '2025'), point('甲区', '2025'), point('丙区', '2025')],
    [
      ['甲区', '2024'],
      ['甲区', '2025']
    ]
  ],
  [
    'else the longest line of all',
    '全市',
    [point('甲区', '2024', { site: 'a' }), point('甲区', '2024', { site: 'b' }), point('甲区', '2025', { site: 'b' })],
    [
      ['甲区', '2024'],
      ['甲区', '2025']
    ]
  ],
  [
    'of lines as long, the one of fewest dimensions: the total before its parts',
    '全市',
    [
      point('甲区', '2025', { round: '中三督', status: '已办结' }),
      point('甲区', '2025', { round: '中三督' }),
      point('甲区', '2025', { round: '中三督', status: '阶段性办结' })
    ],
    [['甲区', '2025', { round: '中三督' }]]
  ],
  [
    'of its points, those of the length of period most have: an average of four years among single years is left out',
    '甲区',
    [point('甲区', '2021/2024'), point('甲区', '2023'), point('甲区', '2024'), point('甲区', '2025')],
    [
      ['甲区', '2023'],
      ['甲区', '2024'],
      ['甲区', '2025']
    ]
  ],
  [
    'of plans of five years, where most of its points are',
    '甲区',
    [point('甲区', '2016/2020'), point('甲区', '2021/2025'), point('甲区', '2024'), point('甲区', '2025-06')],
    [
      ['甲区', '2016/2020'],
      ['甲区', '2021/2025']
    ]
  ]
])('the main line: %s', (_case, entity, points, line) => {
  expect(
    mainLine({ entity, points }).map((item) =>
      Object.keys(item.dimensions).length > 0 && line[0]?.length === 3
        ? [item.entity, item.period, item.dimensions]
        : [item.entity, item.period]
    )
  ).toEqual(line)
})

// The main line as the lines' keys tell it (see lineKey), which mainLine tells from numbers alone.
const byKeys = ({ points, entity }: { points: SeriesPoint[]; entity: string }): SeriesPoint[] => {
  const lines = new Map<string, SeriesPoint[]>()
  for (const item of points) lines.set(lineKey(item), [...(lines.get(lineKey(item)) ?? []), item])
  const own = lines.get(lineKey({ entity, dimensions: {} }))
  if (own) return own
  const whole = [...lines.values()].filter((line) => Object.keys(line[0]?.dimensions ?? {}).length === 0)
  const pool = whole.length > 0 ? whole : [...lines.values()]
  const depth = (line: SeriesPoint[]) => Object.keys(line[0]?.dimensions ?? {}).length
  return pool.reduce<SeriesPoint[]>(
    (best, line) =>
      line.length > best.length || (line.length === best.length && depth(line) < depth(best)) ? line : best,
    []
  )
}

test('the main line is the one the keys of the lines tell, whatever the lines', () => {
  const entity = fc.constantFrom('甲区', '乙区', '丙区', '全市')
  const dimensions = fc.constantFrom<Record<string, string>>(
    {},
    { site: 'a' },
    { site: 'b' },
    { site: 'a', depth: '表层' },
    { depth: '表层', site: 'a' }
  )
  const points = fc.array(
    fc.tuple(entity, fc.constantFrom('2024', '2025'), dimensions).map(([of, period, dims]) => point(of, period, dims)),
    { maxLength: 12 }
  )
  fc.assert(
    fc.property(points, entity, (list, of) => {
      expect(mainLine({ entity: of, points: list })).toEqual(byKeys({ entity: of, points: list }))
    }),
    { numRuns: 500 }
  )
})

// A reader of series/index.json learns whose values it is given: with two entities in a collection,
// the values of one stood beside the periods of both.
test.each([
  ['an entity', [point('乙市', '2025'), point('甲市', '2024'), point('甲市', '2025')], { entity: '甲市' }],
  ['dimensions', [point('甲市', '2025', { site: 'a' })], { entity: '甲市', dimensions: { site: 'a' } }],
  ['no points', [], undefined]
])('the entry of series/index.json names the line of its values: %s', (_case, points, line) => {
  const metric = { id: 'air.pm25', label: { zh: 'PM2.5' }, kind: 'quantity', unit: 'ug/m3', better: 'lower' }
  const series = {
    metric,
    entity: '甲市',
    points,
    targets: [],
    changes: [],
    dates: [],
    checks: []
  } as unknown as Series
  const entry = seriesEntry(series)
  expect(entry.line).toEqual(line)
  expect(entry.values.map((value) => value.period)).toEqual(
    line ? points.filter((p) => p.entity === line.entity).map((p) => p.period) : []
  )
})
