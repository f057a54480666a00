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
const better = (kind: Metric['kind'], unit: string, direction: Metric['better']): Metric => ({
  ...metric(kind, unit),
  better: direction
})
const rank = better('rank', '1', 'lower')
const index = better('index', '1', 'lower')
const goodShare = better('percent', '%', 'higher')

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
  ['percentage points of a percentage are a change', '2.1个百分点', share, { aspect: 'increase' }, ok({ aspect: 'change', value: 2.1, unit: '%', decimals: 1, displayUnit: '个百分点' })],
  ['percentage points that say no way are refused, not published as a change', '70.8个百分点', share, {}, fail('unit-incompatible', 'label', '"70.8个百分点" is a change in percentage points, but no aspect= says which way m moved: a level of the percentage is written in % (70.8%); a change takes aspect=increase, decrease, improve or worsen (and base= the year it is measured from, 同比)')],
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
  ['points asked to be a level', '2.1个百分点', share, { aspect: 'level' }, fail('unit-incompatible', 'aspect', '"2.1个百分点" is a change in percentage points, but aspect=level asks for a level of the percentage m')],
  // A rank rises as its number falls: 同比上升4位 is 第7 → 第3.
  ['a rank that rises 4 places falls by 4', '4位', rank, { aspect: 'increase' }, ok({ aspect: 'change', value: -4, unit: '1', decimals: 0, displayUnit: '位', classifier: '位' })],
  ['a rank that drops 4 places grows by 4', '4位', rank, { aspect: 'decrease' }, ok({ aspect: 'change', value: 4, unit: '1', decimals: 0, displayUnit: '位', classifier: '位' })],
  ['名 counts places too', '3名', rank, { aspect: 'increase' }, ok({ aspect: 'change', value: -3, unit: '1', decimals: 0, displayUnit: '名', classifier: '名' })],
  ['a rank that improves by 4 places falls by 4', '4位', rank, { aspect: 'improve' }, ok({ aspect: 'change', value: -4, unit: '1', decimals: 0, displayUnit: '位', classifier: '位' })],
  ['aspect=change keeps the number as written', '4位', rank, { aspect: 'change' }, ok({ aspect: 'change', value: 4, unit: '1', decimals: 0, displayUnit: '位', classifier: '位' })],
  ['a bare number of a rising rank', '4', rank, { aspect: 'increase' }, ok({ aspect: 'change', value: -4, unit: '1', decimals: 0, displayUnit: '' })],
  ['places are no rank', '4位', rank, {}, fail('unit-incompatible', 'label', '"4位" is a number of places in a ranking, but aspect=level asks for a level of the rank m: a rank is written 第4; places moved are a change (aspect=increase, decrease, improve or worsen)')],
  ['places are no target rank', '4位', rank, { aspect: 'target' }, fail('unit-incompatible', 'label', '"4位" is a number of places in a ranking, but aspect=target asks for a target of the rank m: a rank is written 第4; places moved are a change (aspect=increase, decrease, improve or worsen)')],
  ['位 of a count metric is a count', '4位', cases, {}, ok({ aspect: 'level', value: 4, unit: '1', decimals: 0, displayUnit: '位', classifier: '位' })],
  // Better or worse, through the metric's direction: 同比改善10.3% of a lower-is-better index.
  ['an improvement of a lower-is-better index is negative', '10.3%', index, { aspect: 'improve' }, ok({ aspect: 'relative-change', value: -10.3, unit: '%', decimals: 1, displayUnit: '%' })],
  ['a worsening of a lower-is-better index is positive', '10.3%', index, { aspect: 'worsen' }, ok({ aspect: 'relative-change', value: 10.3, unit: '%', decimals: 1, displayUnit: '%' })],
  ['an improvement of a higher-is-better share is positive', '10.5个百分点', goodShare, { aspect: 'improve' }, ok({ aspect: 'change', value: 10.5, unit: '%', decimals: 1, displayUnit: '个百分点' })],
  ['a worsening of a higher-is-better share is negative', '0.3个百分点', goodShare, { aspect: 'worsen' }, ok({ aspect: 'change', value: -0.3, unit: '%', decimals: 1, displayUnit: '个百分点' })],
  ['a worsening of a lower-is-better quantity', '2.1', better('quantity', 'ug/m3', 'lower'), { aspect: 'worsen', unit: '微克/立方米' }, ok({ aspect: 'change', value: 2.1, unit: 'ug/m3', decimals: 1, displayUnit: '微克/立方米' })],
  ['a rank that worsens by 2 places grows by 2', '2位', rank, { aspect: 'worsen' }, ok({ aspect: 'change', value: 2, unit: '1', decimals: 0, displayUnit: '位', classifier: '位' })],
  ['improve of a neutral metric', '3%', cases, { aspect: 'improve' }, fail('attribute-invalid', 'aspect', 'aspect=improve needs to know which way m is better, but its registry entry says better: neutral: write aspect=increase or aspect=decrease, or give the metric a better direction')],
  ['worsen of a neutral metric', '5件', cases, { aspect: 'worsen' }, fail('attribute-invalid', 'aspect', 'aspect=worsen needs to know which way m is better, but its registry entry says better: neutral: write aspect=increase or aspect=decrease, or give the metric a better direction')],
  ['value= against an improvement reads the label unsigned', '10.3%', index, { aspect: 'improve', value: '10.4' }, fail('value-conflict', 'value', 'value="10.4" disagrees with the label "10.3%", which reads 10.3 %')],
  // 持平: a change of exactly zero, in the metric's unit; no decimals, as nothing was rounded.
  ['持平 of a percentage is a change of 0 points', '持平', goodShare, {}, ok({ aspect: 'change', value: 0, unit: '%', displayUnit: '' })],
  ['持平 of a quantity', '持平', pm25, { aspect: 'change' }, ok({ aspect: 'change', value: 0, unit: 'ug/m3', displayUnit: '' })],
  ['持平 of a rank', '持平', rank, { aspect: 'improve' }, ok({ aspect: 'change', value: 0, unit: '1', displayUnit: '' })],
  ['持平 with a decrease is still 0, not −0', '持平', pm25, { aspect: 'decrease' }, ok({ aspect: 'change', value: 0, unit: 'ug/m3', displayUnit: '' })],
  ['基本持平 is about 0', '基本持平', index, {}, ok({ aspect: 'change', value: 0, unit: '1', displayUnit: '', bound: 'about' })],
  ['持平 asked to be a level', '持平', pm25, { aspect: 'level' }, fail('attribute-invalid', 'aspect', '"持平" says that m did not change, but aspect=level asks for a level: leave aspect out, or write aspect=change')],
  ['持平 asked to be a target', '持平', pm25, { aspect: 'target' }, fail('attribute-invalid', 'aspect', '"持平" says that m did not change, but aspect=target asks for a target: leave aspect out, or write aspect=change')],
  ['持平 of a date', '持平', date, {}, fail('unit-incompatible', 'label', '"持平" is no change, but m is a date (1)')],
  // Targets with bounds: the plan's 主要指标.
  ['不低于 is a minimum', '不低于99.2%', goodShare, { aspect: 'target' }, ok({ aspect: 'target', value: 99.2, unit: '%', decimals: 1, displayUnit: '%', bound: 'at-least' })],
  ['不高于 is a maximum', '不高于2.5', index, { aspect: 'target' }, ok({ aspect: 'target', value: 2.5, unit: '1', decimals: 1, displayUnit: '', bound: 'at-most' })],
  ['保十争先 is a rank of at most 10', '保十争先', rank, { aspect: 'target' }, ok({ aspect: 'target', value: 10, unit: '1', decimals: 0, displayUnit: '', bound: 'at-most' })],
  ['保持100% holds at 100', '保持100%', goodShare, { aspect: 'target' }, ok({ aspect: 'target', value: 100, unit: '%', decimals: 0, displayUnit: '%' })],
  ['保持100% as a level is 100', '保持100%', goodShare, {}, ok({ aspect: 'level', value: 100, unit: '%', decimals: 0, displayUnit: '%' })]
]

describe('resolveValue', () => {
  test.each(rows)('%s', (_name, label, metric, attributes, expected) => {
    const { period = '2025', ...rest } = attributes
    expect(resolveValue({ text: label, figure: readFigure(label), metricId: 'm', metric, period, ...rest })).toEqual(
      expected
    )
  })
})
