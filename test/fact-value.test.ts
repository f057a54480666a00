import { describe, expect, test } from 'vitest'
import { readFigure } from '../src/chinese-number/index.js'
import type { AspectAttribute } from '../src/extract/aspects.js'
import { resolveValue } from '../src/extract/fact-value.js'
import type { Metric } from '../src/model/schema-types.js'

type ValueOutcome = ReturnType<typeof resolveValue>

const metric = (kind: Metric['kind'], unit: string): Metric => ({
  label: { zh: '指标', en: 'Metric' },
  kind,
  unit,
  better: 'neutral'
})
const pm25 = metric('quantity', 'ug/m3')
const share = metric('percent', '%')
const cases = metric('count', '1')
const area = metric('quantity', 'm2')
const funds = metric('money', 'CNY')
const date = metric('date', '1')

type Row = [
  name: string,
  label: string,
  metric: Metric,
  attributes: { unit?: string; value?: string; aspect?: AspectAttribute; period?: string },
  expected: ValueOutcome
]

const ok = (fields: Record<string, unknown>): ValueOutcome => ({ ok: true, value: fields as never })
const fail = (ruleId: string, at: string, message: string): ValueOutcome => ({
  ok: false,
  error: { ruleId: ruleId as never, at: at as never, message }
})

// How a label, its attributes and its metric make a fact's value: the label is the truth, attributes add what it lacks.
// prettier-ignore
const rows: Row[] = [
  ['a bare number takes the unit= given', '17.4', pm25, { unit: '微克/立方米' }, ok({ aspect: 'level', value: 17.4, unit: 'ug/m3', decimals: 1, displayUnit: '微克/立方米' })],
  ['a bare number without unit= is in the metric unit', '17.4', pm25, {}, ok({ aspect: 'level', value: 17.4, unit: 'ug/m3', decimals: 1, displayUnit: '' })],
  ['a scaled unit= scales the number', '1159', metric('quantity', 't'), { unit: '万吨' }, ok({ aspect: 'level', value: 11590000, unit: 't', decimals: -4, displayUnit: '万吨' })],
  ['亩 is converted to square metres', '4675亩', area, {}, ok({ aspect: 'level', value: 3116666.66666667, unit: 'm2', decimals: -3, displayUnit: '亩' })],
  ['money in 亿元', '2.5亿元', funds, {}, ok({ aspect: 'level', value: 250000000, unit: 'CNY', decimals: -7, displayUnit: '亿元' })],
  ['a count keeps its classifier', '205个', cases, {}, ok({ aspect: 'level', value: 205, unit: '1', decimals: 0, displayUnit: '个', classifier: '个' })],
  ['percentage points of a percentage are a change', '2.1个百分点', share, {}, ok({ aspect: 'change', value: 2.1, unit: '%', decimals: 1, displayUnit: '个百分点' })],
  ['a decrease is negative', '2.1个百分点', share, { aspect: 'decrease' }, ok({ aspect: 'change', value: -2.1, unit: '%', decimals: 1, displayUnit: '个百分点' })],
  ['a percent change of a quantity is relative', '10%', pm25, { aspect: 'decrease' }, ok({ aspect: 'relative-change', value: -10, unit: '%', decimals: 0, displayUnit: '%' })],
  ['a percent change of a percentage is relative too', '3%', share, { aspect: 'increase' }, ok({ aspect: 'relative-change', value: 3, unit: '%', decimals: 0, displayUnit: '%' })],
  ['unit=个百分点 reads a printed % as points', '3%', share, { aspect: 'increase', unit: '个百分点' }, ok({ aspect: 'change', value: 3, unit: '%', decimals: 0, displayUnit: '%' })],
  ['a start value', '50%', share, { aspect: 'start' }, ok({ aspect: 'start', value: 50, unit: '%', decimals: 0, displayUnit: '%' })],
  ['前4 is at most 4', '前4', metric('rank', '1'), {}, ok({ aspect: 'level', value: 4, unit: '1', decimals: 0, displayUnit: '', bound: 'at-most' })],
  ['a date is its ISO form', '2025年11月', date, {}, ok({ aspect: 'level', value: '2025-11', unit: '1', displayUnit: '月' })],
  ['a date without its year takes the fact period year', '11-12月', date, { period: '2024' }, ok({ aspect: 'level', value: '2024-11/2024-12', unit: '1', displayUnit: '月' })],
  ['value= for a label that cannot carry one', '首次', cases, { value: '1' }, ok({ aspect: 'level', value: 1, unit: '1', decimals: 0, displayUnit: '' })],
  ['value= that agrees at the written precision', '2.5亿元', funds, { value: '251000000' }, ok({ aspect: 'level', value: 250000000, unit: 'CNY', decimals: -7, displayUnit: '亿元' })],
  ['value= that disagrees', '17.4', pm25, { value: '18' }, fail('value-conflict', 'value', 'value="18" disagrees with the label "17.4", which reads 17.4 ug/m3')],
  ['value= that is not a number', '17.4', pm25, { value: 'abc' }, fail('attribute-invalid', 'value', 'value="abc" is not a plain number (write it like 12 or 0.5)')],
  ['an unreadable label', '良好', pm25, {}, fail('label-unparseable', 'label', 'Cannot read a figure from "良好": no number found in "良好"')],
  ['a range is two facts', 'Ⅰ~Ⅱ类', metric('class', '1'), {}, fail('label-unparseable', 'label', '"Ⅰ~Ⅱ类" is a range, not one figure: annotate each end as a fact of its own')],
  ['an unknown unit=', '17.4', pm25, { unit: '斤' }, fail('unit-unknown', 'unit', 'Unknown unit "斤"')],
  ['a unit= against the label', '30.7微克/立方米', pm25, { unit: '立方米' }, fail('unit-conflict', 'unit', 'The label "30.7微克/立方米" already gives the unit 微克/立方米, which unit="立方米" contradicts')],
  ['a mass for a concentration', '1159万吨', pm25, {}, fail('unit-incompatible', 'label', '"1159万吨" is in 万吨 (t), which cannot be converted to the unit of m (ug/m3)')],
  ['a count for a percentage', '92件', share, {}, fail('unit-incompatible', 'label', '"92件" is a count, but m is a percentage (%)')],
  ['every digit of the label is kept', '17.4123456789012', pm25, { unit: '微克/立方米' }, ok({ aspect: 'level', value: 17.4123456789012, unit: 'ug/m3', decimals: 13, displayUnit: '微克/立方米' })],
  ['unit= scales exactly', '0.123456789012345', metric('quantity', 't'), { unit: '万吨' }, ok({ aspect: 'level', value: 1234.56789012345, unit: 't', decimals: 11, displayUnit: '万吨' })],
  ['a conversion is exact', '0.123456789012345', pm25, { unit: '毫克/立方米' }, ok({ aspect: 'level', value: 123.456789012345, unit: 'ug/m3', decimals: 12, displayUnit: '毫克/立方米' })],
  ['a decrease keeps every digit', '0.000000000000001个百分点', share, { aspect: 'decrease' }, ok({ aspect: 'change', value: -1e-15, unit: '%', decimals: 15, displayUnit: '个百分点' })],
  ['value= is exact too', '首次', cases, { value: '123456789012345' }, ok({ aspect: 'level', value: 123456789012345, unit: '1', decimals: 0, displayUnit: '' })],
  ['value= that agrees exactly at the half', '2.5亿元', funds, { value: '255000000' }, ok({ aspect: 'level', value: 250000000, unit: 'CNY', decimals: -7, displayUnit: '亿元' })],
  ['value= just past the half', '2.5亿元', funds, { value: '255000001' }, fail('value-conflict', 'value', 'value="255000001" disagrees with the label "2.5亿元", which reads 250000000 CNY')],
  ['value= against a decrease', '2.1个百分点', share, { aspect: 'decrease', value: '2.2' }, fail('value-conflict', 'value', 'value="2.2" disagrees with the label "2.1个百分点", which reads 2.1 %')],
  ['a label of 16 digits', '17.41234567890123', pm25, { unit: '微克/立方米' }, fail('value-too-precise', 'label', 'Cannot keep "17.41234567890123" exactly: the number 17.41234567890123 has 16 significant digits, more than the 15 a value keeps exactly (a double-precision number holds no more)')],
  ['a label of 16 digits, with value=', '17.41234567890123', pm25, { value: '17.4123456789012' }, fail('value-too-precise', 'label', 'Cannot keep "17.41234567890123" exactly: the number 17.41234567890123 has 16 significant digits, more than the 15 a value keeps exactly (a double-precision number holds no more)')],
  ['a value= of 16 digits', '首次', cases, { value: '1234567890123456' }, fail('value-too-precise', 'value', 'Cannot keep value="1234567890123456" exactly: it has 16 significant digits, more than the 15 a value keeps exactly (a double-precision number holds no more)')],
  ['a value= too close to zero', '首次', pm25, { value: `0.${'0'.repeat(400)}1` }, fail('value-too-precise', 'value', `Cannot keep value="0.${'0'.repeat(400)}1" exactly: it is too close to zero: a double-precision number reaches from about 1e-307 to 1e308`)],
  ['a conversion that needs more digits', '12345678901234.5吨/日', metric('quantity', 't/a'), {}, fail('value-too-precise', 'label', 'Cannot keep "12345678901234.5吨/日" exactly: in t/a, the unit of m, it is 4509259218675901.125, which has 19 significant digits, more than the 15 a value keeps exactly (a double-precision number holds no more)')],
  ['an empty value=', '17.4', pm25, { value: '' }, fail('attribute-invalid', 'value', 'value= is empty: give the value as a plain number (value=12), or remove the attribute')],
  ['points asked to be a level', '2.1个百分点', share, { aspect: 'level' }, fail('unit-incompatible', 'aspect', '"2.1个百分点" is a change in percentage points, but aspect=level asks for a level of the percentage m')]
]

describe('resolveValue', () => {
  test.each(rows)('%s', (_name, label, metric, attributes, expected) => {
    const { period = '2025', ...rest } = attributes
    expect(resolveValue({ text: label, figure: readFigure(label), metricId: 'm', metric, period, ...rest })).toEqual(
      expected
    )
  })
})
