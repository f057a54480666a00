import { describe, expect, test } from 'vitest'
import { formatValue, type ShownValue } from '../src/emit/html/display.js'
import type { Metric } from '../src/model/schema-types.js'

const value = (aspect: ShownValue['aspect'], number: number, unit: string, text = ''): ShownValue => ({
  value: number,
  aspect,
  unit,
  decimals: 1,
  text
})

describe('formatValue: what the facts table, the tooltips and the key figures print', () => {
  // prettier-ignore
  const cases: Array<[string, ShownValue, Metric['kind'] | undefined, string]> = [
    ['a percentage', value('level', 93.8, '%'), 'percent', '93.8%'],
    ['the change of a percentage is in points (同比提升2.1个百分点)', value('change', 2.1, '%'), 'percent', '+2.1 个百分点'],
    ['a fall in points has a real minus sign', value('change', -0.5, '%'), 'percent', '−0.5 个百分点'],
    ['the change of a percentage with no metric at hand (a key figure) is in points too', value('change', 2.1, '%'), undefined, '+2.1 个百分点'],
    ['a relative change is a percentage (同比改善10.3%)', value('relative-change', -10.3, '%'), 'quantity', '−10.3%'],
    ['a relative change of a percentage is a percentage as well', value('relative-change', 4.2, '%'), 'percent', '+4.2%'],
    ['the level of a metric that measures a gap in points (城乡差距3.5个百分点)', value('level', 3.5, '%'), 'percentage-point', '3.5 个百分点'],
    ['the target of such a metric (差距缩小到3个百分点以内)', value('target', 3, '%'), 'percentage-point', '3.0 个百分点'],
    ['the start of such a metric', value('start', 4.1, '%'), 'percentage-point', '4.1 个百分点'],
    ['a quantity keeps its unit', value('level', 17.4, 'ug/m3'), 'quantity', '17.4 μg/m³'],
    ['a rank as printed', value('level', 3, '1', '第3'), 'rank', '第3'],
    ['a rank that rises 4 places (上升4位 is −4)', { ...value('change', -4, '1', '4位'), decimals: 0 }, 'rank', '上升4位'],
    ['a rank that falls 2 places', { ...value('change', 2, '1', '2位'), decimals: 0 }, 'rank', '下降2位'],
    ['a rank that holds its place', { ...value('change', 0, '1', '持平'), decimals: undefined }, 'rank', '名次不变'],
    ['a change of rank with no metric at hand is a number', { ...value('change', -4, '1', '4位'), decimals: 0 }, undefined, '−4']
  ]
  test.each(cases)('%s', (_name, shown, kind, expected) => {
    expect(formatValue(shown, kind === undefined ? undefined : { kind })).toBe(expected)
  })
})
