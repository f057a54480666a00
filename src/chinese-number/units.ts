import { COUNT_CLASSIFIERS } from './classifiers.js'
import { scalesAtStart, type Scale } from './scales.js'
import { CURRENCY } from './ucum.js'
import type { UnitReading } from './types.js'

/** A unit as Chinese text writes it, and the UCUM code it means. */
export interface UnitEntry {
  text: string
  /** UCUM code, or CNY for money. */
  unit: string
  /** Multiply a number written in `text` by `factor` to get `unit`. */
  factor: number
  kind: UnitReading['kind']
  /** Whether a scale may precede it: 万吨 yes; 万% and 万分贝 (a logarithm) no. */
  scalable: boolean
  classifier?: string
  /** 多 or 余 may follow it (两成多, 一倍多), where other units take it before (3万余吨). */
  boundAfter?: boolean
}

/** 1 亩 = 1/15 公顷 = 2000/3 m² (市制); not UCUM, so declared here with its conversion. */
const MU_IN_SQUARE_METRES = 2000 / 3

const quantity = (text: string, unit: string, factor = 1): UnitEntry => ({
  text,
  unit,
  factor,
  kind: 'quantity',
  scalable: true
})

const level = (text: string, unit: string): UnitEntry => ({
  text,
  unit,
  factor: 1,
  kind: 'quantity',
  scalable: false
})

/**
 * Not listed: 度, which is a kilowatt-hour on an electricity bill, a degree
 * of angle and a degree Celsius in weather text; the label cannot say which.
 */
// prettier-ignore
export const UNITS: readonly UnitEntry[] = [
  { text: '%', unit: '%', factor: 1, kind: 'percent', scalable: false },
  { text: '％', unit: '%', factor: 1, kind: 'percent', scalable: false },
  { text: '个百分点', unit: '%', factor: 1, kind: 'percentage-point', scalable: false },
  { text: '百分点', unit: '%', factor: 1, kind: 'percentage-point', scalable: false },
  // Ratio words: 三成 is three tenths (30%, known to the 成), 5.4倍 is 5.4 times (540%). Read as
  // percentages, the words before them decide: 增长5.4倍 (aspect=increase) is +540%, to 6.4 times
  // what it was, as 增长N倍 means in Chinese; 是上年的2倍 is a level of 200% of the year before.
  { text: '成', unit: '%', factor: 10, kind: 'percent', scalable: false, boundAfter: true },
  { text: '倍', unit: '%', factor: 100, kind: 'percent', scalable: false, boundAfter: true },
  quantity('微克/立方米', 'ug/m3'),
  quantity('毫克/立方米', 'mg/m3'),
  quantity('毫克/升', 'mg/L'),
  quantity('微克/升', 'ug/L'),
  quantity('平方米/公里', 'm2/km'),
  quantity('平方米/千米', 'm2/km'),
  quantity('吨', 't'),
  quantity('千克', 'kg'),
  quantity('公斤', 'kg'),
  quantity('克', 'g'),
  quantity('立方米', 'm3'),
  quantity('升', 'L'),
  quantity('平方米', 'm2'),
  quantity('平方公里', 'km2'),
  quantity('平方千米', 'km2'),
  quantity('公顷', 'har'),
  quantity('亩', 'm2', MU_IN_SQUARE_METRES),
  quantity('公里', 'km'),
  quantity('千米', 'km'),
  quantity('米', 'm'),
  quantity('厘米', 'cm'),
  quantity('毫米', 'mm'),
  quantity('吨/日', 't/d'),
  quantity('吨/年', 't/a'),
  quantity('立方米/日', 'm3/d'),
  quantity('千瓦时', 'kW.h'),
  quantity('千瓦', 'kW'),
  quantity('兆瓦', 'MW'),
  quantity('年', 'a'),
  quantity('个月', 'mo'),
  quantity('周', 'wk'),
  quantity('天', 'd'),
  quantity('日', 'd'),
  quantity('小时', 'h'),
  quantity('个小时', 'h'),
  quantity('分钟', 'min'),
  quantity('秒', 's'),
  // Ages: 65岁以上, 年满18周岁.
  quantity('岁', 'a'),
  quantity('周岁', 'a'),
  level('分贝', 'dB'),
  level('℃', 'Cel'),
  level('摄氏度', 'Cel'),
  { text: '元', unit: CURRENCY, factor: 1, kind: 'money', scalable: true },
  ...COUNT_CLASSIFIERS.map(
    (classifier): UnitEntry => ({
      text: classifier,
      unit: '1',
      factor: 1,
      kind: 'count',
      scalable: true,
      classifier
    })
  )
]

/** 微克／立方米: the full-width slash of texts set in full-width punctuation throughout. */
const FULL_WIDTH_SLASH = '／'

const UNIT_BY_TEXT = new Map(
  UNITS.flatMap((entry): Array<[string, UnitEntry]> => {
    const fullWidth = entry.text.replaceAll('/', FULL_WIDTH_SLASH)
    const both: Array<[string, UnitEntry]> = [
      [entry.text, entry],
      [fullWidth, { ...entry, text: fullWidth }]
    ]
    return fullWidth === entry.text ? [[entry.text, entry]] : both
  })
)

export interface UnitMatch {
  entry: UnitEntry
  scale?: Scale
}

/** A unit written exactly as in the table, or after a scale: 吨, 万吨, 亿元. */
export function lookupUnit(text: string): UnitMatch | undefined {
  const entry = UNIT_BY_TEXT.get(text)
  if (entry) return { entry }
  for (const scale of scalesAtStart(text)) {
    const scaled = UNIT_BY_TEXT.get(text.slice(scale.text.length))
    if (scaled?.scalable) return { entry: scaled, scale }
  }
  return undefined
}

/** A unit with no scale in front, as an exact table entry: 千克 but not 万吨. */
export function lookupPlainUnit(text: string): UnitEntry | undefined {
  return UNIT_BY_TEXT.get(text)
}

/** '万吨' → t × 10000; '亩' → m2 × 2000/3; '个' → a count of 个. */
export function readUnit(text: string): UnitReading | undefined {
  const display = text.trim()
  const match = lookupUnit(display)
  if (!match) return undefined
  const { entry, scale } = match
  const reading: UnitReading = {
    unit: entry.unit,
    factor: scale ? entry.factor * 10 ** scale.power : entry.factor,
    display,
    kind: entry.kind
  }
  if (entry.classifier !== undefined) reading.classifier = entry.classifier
  return reading
}
