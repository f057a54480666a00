import { expect, test } from 'vitest'
import { targetValue } from '../src/emit/html/series-display.js'
import type { SeriesMetric, SeriesTarget } from '../src/model/schema-types.js'

const metric = (kind: SeriesMetric['kind'], unit: string): SeriesMetric => ({
  id: 'm',
  label: { zh: '指标', en: 'Metric' },
  kind,
  unit,
  better: kind === 'rank' ? 'lower' : 'higher'
})
const target = (value: number, bound?: SeriesTarget['bound']): SeriesTarget => ({
  period: '2024',
  entity: '厦门市',
  dimensions: {},
  value,
  unit: '1',
  text: String(value),
  ...(bound && { bound }),
  report: 'plan',
  fact: 'f',
  source: { file: 'a.md', line: 1, column: 1 },
  evaluation: { status: 'pending' }
})

test.each([
  ['不低于99.2%', target(99.2, 'at-least'), metric('percent', '%'), '不低于99.2%'],
  ['不高于18 μg/m³', target(18, 'at-most'), metric('quantity', 'ug/m3'), '不高于18 μg/m³'],
  ['保持100%', target(100), metric('percent', '%'), '达到100%'],
  ['保十争先: a place to stay within, not a worse place', target(10, 'at-most'), metric('rank', '1'), '前10名以内'],
  ['a rank to reach', target(3), metric('rank', '1'), '达到第3']
])('%s', (_name, given, of, shown) => {
  expect(targetValue(given, of)).toBe(shown)
})
