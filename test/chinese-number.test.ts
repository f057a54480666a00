import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  convertValue,
  fromDecimal,
  fromNumber,
  isUcumUnit,
  parseChineseNumeral,
  readFigure,
  readUnit,
  toDecimal,
  type Figure,
  type UnitReading
} from '../src/chinese-number/index.js'
import { BIG_PLACES, DIGITS, PLACES, isDigitChar, isNumeralChar, opensNumeral } from '../src/chinese-number/numerals.js'
import { RANGE_SEPARATORS } from '../src/chinese-number/range.js'
import { INFIX_BOUNDS, PREFIX_BOUNDS, SUFFIX_BOUNDS } from '../src/chinese-number/bounds.js'
import { SCALES } from '../src/chinese-number/scales.js'
import { UNITS } from '../src/chinese-number/units.js'
import { CLASS_CLASSIFIERS, COUNT_CLASSIFIERS } from '../src/chinese-number/classifiers.js'
import { RANK_PREFIXES } from '../src/chinese-number/rank.js'

/** A count as a measure word gives it: 205个. */
const count = (value: number, classifier: string): Figure => ({
  kind: 'count',
  value,
  decimals: 0,
  unit: '1',
  displayUnit: classifier,
  classifier
})

const percent = (value: number, decimals: number): Figure => ({
  kind: 'percent',
  value,
  decimals,
  unit: '%',
  displayUnit: '%'
})

const number = (value: number, decimals: number): Figure => ({
  kind: 'number',
  value,
  decimals,
  unit: '1',
  displayUnit: ''
})

/** Every figure of the 2025 Xiamen report (seeds/000_52b3bb5bf1f528cf.txt), in reading order. */
// prettier-ignore
const seedFigures: [string, Figure][] = [
  ['2.43', number(2.43, 2)],
  ['168个', count(168, '个')],
  ['第8', { kind: 'rank', value: 8, decimals: 0, unit: '1', displayUnit: '' }],
  ['99.2%', percent(99.2, 1)],
  ['第2', { kind: 'rank', value: 2, decimals: 0, unit: '1', displayUnit: '' }],
  ['17.4', number(17.4, 1)],
  ['30.7', number(30.7, 1)],
  ['100%', percent(100, 0)],
  ['Ⅱ类', { kind: 'class', value: 2, decimals: 0, unit: '1', displayUnit: '类', classifier: '类' }],
  ['Ⅰ~Ⅱ类', { kind: 'class', value: 1, upper: 2, decimals: 0, unit: '1', displayUnit: '类', classifier: '类' }],
  ['50%', percent(50, 0)],
  ['66.7%', percent(66.7, 1)],
  ['80%', percent(80, 0)],
  ['93.8%', percent(93.8, 1)],
  ['2.1个百分点', { kind: 'percentage-point', value: 2.1, decimals: 1, unit: '%', displayUnit: '个百分点' }],
  ['39.53平方米/公里', { kind: 'quantity', value: 39.53, decimals: 2, unit: 'm2/km', displayUnit: '平方米/公里' }],
  ['96.8%', percent(96.8, 1)],
  ['88.8%', percent(88.8, 1)],
  ['50项', count(50, '项')],
  ['3个', count(3, '个')],
  ['三星级', { kind: 'class', value: 3, decimals: 0, unit: '1', displayUnit: '星级', classifier: '星级' }],
  ['2025年', { kind: 'date', value: 2025, decimals: 0, unit: '1', displayUnit: '年', period: '2025' }],
  ['三轮', count(3, '轮')],
  ['11-12月', { kind: 'date', value: 11, upper: 12, decimals: 0, unit: '1', displayUnit: '月', period: '--11/--12' }],
  ['2.5亿元', { kind: 'money', value: 250000000, decimals: -7, unit: 'CNY', displayUnit: '亿元' }],
  ['一期', count(1, '期')],
  ['5个', count(5, '个')],
  ['205个', count(205, '个')],
  ['一级', { kind: 'class', value: 1, decimals: 0, unit: '1', displayUnit: '级', classifier: '级' }],
  ['54项', count(54, '项')],
  ['3项', count(3, '项')],
  ['6期', count(6, '期')],
  ['191个', count(191, '个')],
  ['6家', count(6, '家')],
  ['457家', count(457, '家')],
  ['4家', count(4, '家')],
  ['21.4吨', { kind: 'quantity', value: 21.4, decimals: 1, unit: 't', displayUnit: '吨' }],
  ['第三轮', { kind: 'rank', value: 3, decimals: 0, unit: '1', displayUnit: '轮', classifier: '轮' }],
  ['6场', count(6, '场')],
  ['12批', count(12, '批')],
  ['197项', count(197, '项')],
  ['15批', count(15, '批')],
  ['92件', count(92, '件')],
  ['2025年11月', { kind: 'date', value: 2025, decimals: 0, unit: '1', displayUnit: '月', period: '2025-11' }],
  ['4675亩', { kind: 'quantity', value: 3116666.66666667, decimals: -3, unit: 'm2', displayUnit: '亩' }],
  ['1156亩', { kind: 'quantity', value: 770666.666666667, decimals: -3, unit: 'm2', displayUnit: '亩' }],
  ['6项', count(6, '项')],
  ['17项', count(17, '项')],
  ['10项', count(10, '项')],
  ['1项', count(1, '项')],
  ['7项', count(7, '项')],
  ['8项', count(8, '项')],
  ['9项', count(9, '项')],
  ['517件', count(517, '件')],
  ['512件', count(512, '件')],
  ['4件', count(4, '件')],
  ['1件', count(1, '件')],
  ['76件', count(76, '件')],
  ['16件', count(16, '件')],
  ['70件', count(70, '件')],
  ['12份', count(12, '份')],
  ['7个', count(7, '个')],
  ['第二批', { kind: 'rank', value: 2, decimals: 0, unit: '1', displayUnit: '批', classifier: '批' }],
  ['9个', count(9, '个')],
  ['两级', { kind: 'class', value: 2, decimals: 0, unit: '1', displayUnit: '级', classifier: '级' }],
  ['9家', count(9, '家')],
  ['1159万吨', { kind: 'quantity', value: 11590000, decimals: -4, unit: 't', displayUnit: '万吨' }],
  ['第一', { kind: 'rank', value: 1, decimals: 0, unit: '1', displayUnit: '' }],
  ['第20届', { kind: 'rank', value: 20, decimals: 0, unit: '1', displayUnit: '届', classifier: '届' }],
  ['2个', count(2, '个')],
  ['四项', count(4, '项')],
  ['5年', { kind: 'quantity', value: 5, decimals: 0, unit: 'a', displayUnit: '年' }],
  ['409个', count(409, '个')],
  ['132亿元', { kind: 'money', value: 13200000000, decimals: -8, unit: 'CNY', displayUnit: '亿元' }],
  ['21家', count(21, '家')],
  ['40项', count(40, '项')],
  ['5项', count(5, '项')],
  ['1名', count(1, '名')],
  ['4项', count(4, '项')],
  ['第三批', { kind: 'rank', value: 3, decimals: 0, unit: '1', displayUnit: '批', classifier: '批' }],
  ['21个', count(21, '个')],
  ['2025年度', { kind: 'date', value: 2025, decimals: 0, unit: '1', displayUnit: '年度', period: '2025' }],
  ['二等奖', { kind: 'class', value: 2, decimals: 0, unit: '1', displayUnit: '等奖', classifier: '等奖' }],
  ['第一批', { kind: 'rank', value: 1, decimals: 0, unit: '1', displayUnit: '批', classifier: '批' }],
  ['六年', { kind: 'quantity', value: 6, decimals: 0, unit: 'a', displayUnit: '年' }],
  ['第二季度', { kind: 'rank', value: 2, decimals: 0, unit: '1', displayUnit: '季度', classifier: '季度' }],
  ['三等奖', { kind: 'class', value: 3, decimals: 0, unit: '1', displayUnit: '等奖', classifier: '等奖' }],
  ['一等奖', { kind: 'class', value: 1, decimals: 0, unit: '1', displayUnit: '等奖', classifier: '等奖' }],
  ['277个', count(277, '个')],
  ['64.62%', percent(64.62, 2)],
  ['30个', count(30, '个')],
  ['5.86个百分点', { kind: 'percentage-point', value: 5.86, decimals: 2, unit: '%', displayUnit: '个百分点' }],
  ['2592万立方米', { kind: 'quantity', value: 25920000, decimals: -4, unit: 'm3', displayUnit: '万立方米' }],
  ['167个', count(167, '个')],
  ['688万元', { kind: 'money', value: 6880000, decimals: -4, unit: 'CNY', displayUnit: '万元' }],
  ['1.21亿元', { kind: 'money', value: 121000000, decimals: -6, unit: 'CNY', displayUnit: '亿元' }],
  ['18条', count(18, '条')],
  ['77家', count(77, '家')],
  ['282.56万元', { kind: 'money', value: 2825600, decimals: -2, unit: 'CNY', displayUnit: '万元' }],
  ['194家次', count(194, '家次')],
  ['6次', count(6, '次')],
  ['三年', { kind: 'quantity', value: 3, decimals: 0, unit: 'a', displayUnit: '年' }],
  ['438家', count(438, '家')],
  ['1095个', count(1095, '个')],
  ['四张', count(4, '张')],
  ['15处', count(15, '处')],
  ['第七次', { kind: 'rank', value: 7, decimals: 0, unit: '1', displayUnit: '次', classifier: '次' }],
  ['五地市', count(5, '地市')],
  ['第30届', { kind: 'rank', value: 30, decimals: 0, unit: '1', displayUnit: '届', classifier: '届' }],
  ['4个方面', count(4, '个方面')],
  ['15项', count(15, '项')],
  ['26项', count(26, '项')],
  ['7年', { kind: 'quantity', value: 7, decimals: 0, unit: 'a', displayUnit: '年' }],
  ['20个', count(20, '个')],
  ['4名', count(4, '名')],
  ['5名', count(5, '名')],
  ['14名', count(14, '名')],
  ['34名', count(34, '名')],
  ['7名', count(7, '名')],
  ['15名', count(15, '名')],
  ['43名', count(43, '名')],
  ['1人', count(1, '人')],
  ['第二届', { kind: 'rank', value: 2, decimals: 0, unit: '1', displayUnit: '届', classifier: '届' }],
  ['2021—2024年', { kind: 'date', value: 2021, upper: 2024, decimals: 0, unit: '1', displayUnit: '年', period: '2021/2024' }],
  ['2024年', { kind: 'date', value: 2024, decimals: 0, unit: '1', displayUnit: '年', period: '2024' }],
  ['八小时', { kind: 'quantity', value: 8, decimals: 0, unit: 'h', displayUnit: '小时' }],
  ['2024年度', { kind: 'date', value: 2024, decimals: 0, unit: '1', displayUnit: '年度', period: '2024' }],
  ['前4', { kind: 'rank', value: 4, decimals: 0, unit: '1', displayUnit: '', bound: 'at-most' }],
  ['两场', count(2, '场')],
  ['四种', count(4, '种')],
  ['第一种', { kind: 'rank', value: 1, decimals: 0, unit: '1', displayUnit: '种', classifier: '种' }],
  ['19人', count(19, '人')],
  ['四个', count(4, '个')],
  ['2026年', { kind: 'date', value: 2026, decimals: 0, unit: '1', displayUnit: '年', period: '2026' }]
]

/** The rest of the grammar: forms the report does not use but others do. */
// prettier-ignore
const grammarFigures: [string, Figure][] = [
  // Arabic digits, grouping, full width
  ['１７．４', number(17.4, 1)],
  ['1,234', number(1234, 0)],
  ['12，345.6', number(12345.6, 1)],
  ['0.5', number(0.5, 1)],
  ['0', number(0, 0)],
  ['1.0', number(1, 1)],
  ['  17.4  ', number(17.4, 1)],
  ['\u3000２０２５年\u3000', { kind: 'date', value: 2025, decimals: 0, unit: '1', displayUnit: '年', period: '2025' }],
  // Scales after Arabic digits
  ['1.2万', number(12000, -3)],
  ['3万亿', number(3000000000000, -12)],
  ['2千', number(2000, -3)],
  ['5百', number(500, -2)],
  ['4千万', number(40000000, -7)],
  ['1.5-2万', { kind: 'number', value: 15000, upper: 20000, decimals: -4, unit: '1', displayUnit: '' }],
  ['3万亿元', { kind: 'money', value: 3000000000000, decimals: -12, unit: 'CNY', displayUnit: '万亿元' }],
  ['1,234万元', { kind: 'money', value: 12340000, decimals: -4, unit: 'CNY', displayUnit: '万元' }],
  ['500元', { kind: 'money', value: 500, decimals: 0, unit: 'CNY', displayUnit: '元' }],
  ['3万个', { kind: 'count', value: 30000, decimals: -4, unit: '1', displayUnit: '万个', classifier: '个' }],
  ['1百万吨', { kind: 'quantity', value: 1000000, decimals: -6, unit: 't', displayUnit: '百万吨' }],
  // Chinese numerals
  ['二十', number(20, 0)],
  ['一百零五', number(105, 0)],
  ['十五', number(15, 0)],
  ['两', number(2, 0)],
  ['〇', number(0, 0)],
  ['零', number(0, 0)],
  ['一千零一', number(1001, 0)],
  ['三千五百万', number(35000000, -4)],
  ['三千万', number(30000000, -4)],
  ['一万二千', number(12000, 0)],
  ['两万', number(20000, -4)],
  ['一亿零五万', number(100050000, -4)],
  ['一万五', number(15000, 0)],
  ['壹佰零伍', number(105, 0)],
  ['叁仟', number(3000, 0)],
  ['玖拾', number(90, 0)],
  ['九个', count(9, '个')],
  ['三千万吨', { kind: 'quantity', value: 30000000, decimals: -4, unit: 't', displayUnit: '万吨' }],
  ['十万吨', { kind: 'quantity', value: 100000, decimals: -4, unit: 't', displayUnit: '万吨' }],
  ['三千克', { kind: 'quantity', value: 3, decimals: 0, unit: 'kg', displayUnit: '千克' }],
  // Percent and percentage points
  ['９９．２％', { kind: 'percent', value: 99.2, decimals: 1, unit: '%', displayUnit: '％' }],
  ['百分之十五', { kind: 'percent', value: 15, decimals: 0, unit: '%', displayUnit: '百分之' }],
  ['百分之2.5', { kind: 'percent', value: 2.5, decimals: 1, unit: '%', displayUnit: '百分之' }],
  ['-5%', percent(-5, 0)],
  ['+2.1个百分点', { kind: 'percentage-point', value: 2.1, decimals: 1, unit: '%', displayUnit: '个百分点' }],
  ['−3.5', number(-3.5, 1)],
  ['3百分点', { kind: 'percentage-point', value: 3, decimals: 0, unit: '%', displayUnit: '百分点' }],
  // Ranks
  ['排名第二', { kind: 'rank', value: 2, decimals: 0, unit: '1', displayUnit: '' }],
  ['前10名', { kind: 'rank', value: 10, decimals: 0, unit: '1', displayUnit: '名', classifier: '名', bound: 'at-most' }],
  ['排名前3', { kind: 'rank', value: 3, decimals: 0, unit: '1', displayUnit: '', bound: 'at-most' }],
  ['位居第5', { kind: 'rank', value: 5, decimals: 0, unit: '1', displayUnit: '' }],
  // Classes
  ['Ⅲ类', { kind: 'class', value: 3, decimals: 0, unit: '1', displayUnit: '类', classifier: '类' }],
  ['Ⅴ类', { kind: 'class', value: 5, decimals: 0, unit: '1', displayUnit: '类', classifier: '类' }],
  ['劣Ⅴ类', { kind: 'class', value: 6, decimals: 0, unit: '1', displayUnit: '类', classifier: '类' }],
  ['劣V类', { kind: 'class', value: 6, decimals: 0, unit: '1', displayUnit: '类', classifier: '类' }],
  ['IV类', { kind: 'class', value: 4, decimals: 0, unit: '1', displayUnit: '类', classifier: '类' }],
  ['II类', { kind: 'class', value: 2, decimals: 0, unit: '1', displayUnit: '类', classifier: '类' }],
  ['Ⅰ', { kind: 'class', value: 1, decimals: 0, unit: '1', displayUnit: '' }],
  ['Ⅰ类~Ⅱ类', { kind: 'class', value: 1, upper: 2, decimals: 0, unit: '1', displayUnit: '类', classifier: '类' }],
  ['Ⅲ-劣Ⅴ类', { kind: 'class', value: 3, upper: 6, decimals: 0, unit: '1', displayUnit: '类', classifier: '类' }],
  ['5星级', { kind: 'class', value: 5, decimals: 0, unit: '1', displayUnit: '星级', classifier: '星级' }],
  ['3类', count(3, '类')],
  // Ranges
  ['3-5个', { kind: 'count', value: 3, upper: 5, decimals: 0, unit: '1', displayUnit: '个', classifier: '个' }],
  ['三至五个', { kind: 'count', value: 3, upper: 5, decimals: 0, unit: '1', displayUnit: '个', classifier: '个' }],
  ['10～20%', { kind: 'percent', value: 10, upper: 20, decimals: 0, unit: '%', displayUnit: '%' }],
  ['10%-20%', { kind: 'percent', value: 10, upper: 20, decimals: 0, unit: '%', displayUnit: '%' }],
  ['10~20', { kind: 'number', value: 10, upper: 20, decimals: 0, unit: '1', displayUnit: '' }],
  ['1到2个百分点', { kind: 'percentage-point', value: 1, upper: 2, decimals: 0, unit: '%', displayUnit: '个百分点' }],
  ['3-5万吨', { kind: 'quantity', value: 30000, upper: 50000, decimals: -4, unit: 't', displayUnit: '万吨' }],
  ['2021——2024年', { kind: 'date', value: 2021, upper: 2024, decimals: 0, unit: '1', displayUnit: '年', period: '2021/2024' }],
  ['2021–2024年', { kind: 'date', value: 2021, upper: 2024, decimals: 0, unit: '1', displayUnit: '年', period: '2021/2024' }],
  ['2025年1-6月', { kind: 'date', value: 1, upper: 6, decimals: 0, unit: '1', displayUnit: '月', period: '2025-01/2025-06' }],
  ['2024年11月-2025年2月', { kind: 'date', value: 2024, upper: 2025, decimals: 0, unit: '1', displayUnit: '月', period: '2024-11/2025-02' }],
  // Dates
  ['2025年11月5日', { kind: 'date', value: 2025, decimals: 0, unit: '1', displayUnit: '日', period: '2025-11-05' }],
  ['2024年2月29日', { kind: 'date', value: 2024, decimals: 0, unit: '1', displayUnit: '日', period: '2024-02-29' }],
  ['二〇二五年', { kind: 'date', value: 2025, decimals: 0, unit: '1', displayUnit: '年', period: '2025' }],
  ['二〇二五年十一月', { kind: 'date', value: 2025, decimals: 0, unit: '1', displayUnit: '月', period: '2025-11' }],
  ['11月', { kind: 'date', value: 11, decimals: 0, unit: '1', displayUnit: '月', period: '--11' }],
  ['十一月', { kind: 'date', value: 11, decimals: 0, unit: '1', displayUnit: '月', period: '--11' }],
  ['11月5日', { kind: 'date', value: 11, decimals: 0, unit: '1', displayUnit: '日', period: '--11-05' }],
  // Quarters: a date when the year is written, a rank (第二季度, above) when not
  ['2025年第二季度', { kind: 'date', value: 2025, decimals: 0, unit: '1', displayUnit: '季度', period: '2025-04/2025-06' }],
  ['2025年第1季度', { kind: 'date', value: 2025, decimals: 0, unit: '1', displayUnit: '季度', period: '2025-01/2025-03' }],
  ['2024年三季度', { kind: 'date', value: 2024, decimals: 0, unit: '1', displayUnit: '季度', period: '2024-07/2024-09' }],
  ['二〇二五年第四季度', { kind: 'date', value: 2025, decimals: 0, unit: '1', displayUnit: '季度', period: '2025-10/2025-12' }],
  // Durations
  ['3个月', { kind: 'quantity', value: 3, decimals: 0, unit: 'mo', displayUnit: '个月' }],
  ['30天', { kind: 'quantity', value: 30, decimals: 0, unit: 'd', displayUnit: '天' }],
  ['30日', { kind: 'quantity', value: 30, decimals: 0, unit: 'd', displayUnit: '日' }],
  ['8小时', { kind: 'quantity', value: 8, decimals: 0, unit: 'h', displayUnit: '小时' }],
  ['2500年', { kind: 'quantity', value: 2500, decimals: 0, unit: 'a', displayUnit: '年' }],
  // Units
  ['17.4微克/立方米', { kind: 'quantity', value: 17.4, decimals: 1, unit: 'ug/m3', displayUnit: '微克/立方米' }],
  ['0.6毫克/立方米', { kind: 'quantity', value: 0.6, decimals: 1, unit: 'mg/m3', displayUnit: '毫克/立方米' }],
  ['2千克', { kind: 'quantity', value: 2, decimals: 0, unit: 'kg', displayUnit: '千克' }],
  ['50公斤', { kind: 'quantity', value: 50, decimals: 0, unit: 'kg', displayUnit: '公斤' }],
  ['1.5立方米', { kind: 'quantity', value: 1.5, decimals: 1, unit: 'm3', displayUnit: '立方米' }],
  ['120平方米', { kind: 'quantity', value: 120, decimals: 0, unit: 'm2', displayUnit: '平方米' }],
  ['1700.61平方公里', { kind: 'quantity', value: 1700.61, decimals: 2, unit: 'km2', displayUnit: '平方公里' }],
  ['3.5公顷', { kind: 'quantity', value: 3.5, decimals: 1, unit: 'har', displayUnit: '公顷' }],
  ['12公里', { kind: 'quantity', value: 12, decimals: 0, unit: 'km', displayUnit: '公里' }],
  ['3千米', { kind: 'quantity', value: 3, decimals: 0, unit: 'km', displayUnit: '千米' }],
  ['800米', { kind: 'quantity', value: 800, decimals: 0, unit: 'm', displayUnit: '米' }],
  ['55分贝', { kind: 'quantity', value: 55, decimals: 0, unit: 'dB', displayUnit: '分贝' }],
  ['300千瓦时', { kind: 'quantity', value: 300, decimals: 0, unit: 'kW.h', displayUnit: '千瓦时' }],
  ['1.2万千瓦时', { kind: 'quantity', value: 12000, decimals: -3, unit: 'kW.h', displayUnit: '万千瓦时' }],
  ['2万亩', { kind: 'quantity', value: 13333333.3333333, decimals: -7, unit: 'm2', displayUnit: '万亩' }],
  ['25℃', { kind: 'quantity', value: 25, decimals: 0, unit: 'Cel', displayUnit: '℃' }],
  // Bounds
  ['100余个', { ...count(100, '个'), bound: 'at-least' }],
  ['100多个', { ...count(100, '个'), bound: 'at-least' }],
  ['约50%', { ...percent(50, 0), bound: 'about' }],
  ['近50%', { ...percent(50, 0), bound: 'about' }],
  ['50%左右', { ...percent(50, 0), bound: 'about' }],
  ['约50%左右', { ...percent(50, 0), bound: 'about' }],
  ['超过30家', { ...count(30, '家'), bound: 'at-least' }],
  ['30家以上', { ...count(30, '家'), bound: 'at-least' }],
  ['不超过5%', { ...percent(5, 0), bound: 'at-most' }],
  ['5%以下', { ...percent(5, 0), bound: 'at-most' }],
  ['100多万吨', { kind: 'quantity', value: 1000000, decimals: -4, unit: 't', displayUnit: '万吨', bound: 'at-least' }],
  ['3万余吨', { kind: 'quantity', value: 30000, decimals: -4, unit: 't', displayUnit: '万吨', bound: 'at-least' }],
  ['十多个', { ...count(10, '个'), bound: 'at-least' }],
  // Targets of a plan: bounds, a ranking goal, a level to hold
  ['不低于99.2%', { ...percent(99.2, 1), bound: 'at-least' }],
  ['不高于2.5', { kind: 'number', value: 2.5, decimals: 1, unit: '1', displayUnit: '', bound: 'at-most' }],
  ['保十争先', { kind: 'rank', value: 10, decimals: 0, unit: '1', displayUnit: '', bound: 'at-most' }],
  ['保五争三', { kind: 'rank', value: 5, decimals: 0, unit: '1', displayUnit: '', bound: 'at-most' }],
  ['保10争5', { kind: 'rank', value: 10, decimals: 0, unit: '1', displayUnit: '', bound: 'at-most' }],
  ['保持100%', percent(100, 0)],
  ['维持100%', percent(100, 0)],
  ['保持不低于90%', { ...percent(90, 0), bound: 'at-least' }],
  // Changes: places in a ranking read as a count (the metric makes them a change of rank), 持平 as no change
  ['4位', count(4, '位')],
  ['3名', count(3, '名')],
  ['持平', { kind: 'unchanged', value: 0, decimals: 0, unit: '1', displayUnit: '' }],
  ['基本持平', { kind: 'unchanged', value: 0, decimals: 0, unit: '1', displayUnit: '', bound: 'about' }]
]

/** Labels that are not figures, and the exact reason an editor reads. */
// prettier-ignore
const notFigures: [string, string][] = [
  ['', 'the label is empty: put the figure as printed between the brackets'],
  ['   ', 'the label is empty: put the figure as printed between the brackets'],
  ['水质', 'no number found in "水质"'],
  ['PM2.5', '"PM" before the number is not part of a figure in "PM2.5": move it out of the label'],
  ['1.2.3', '"1.2.3" is not a number'],
  ['1,23', '"1,23" is not a number'],
  ['Ⅵ类', '"Ⅵ类" is not a water-quality class: classes run from Ⅰ to Ⅴ, and worse than Ⅴ is written 劣Ⅴ类'],
  ['VI类', '"VI类" is not a water-quality class: classes run from Ⅰ to Ⅴ, and worse than Ⅴ is written 劣Ⅴ类'],
  ['劣Ⅳ类', '"劣" only precedes Ⅴ (劣Ⅴ类), not "劣Ⅳ类"'],
  ['第', 'no number after "第" in "第"'],
  ['第0', 'a rank is a whole number from 1, not "第0"'],
  ['第1.5', 'a rank is a whole number from 1, not "第1.5"'],
  ['个百分点', 'no number found in "个百分点"'],
  ['%', 'no number found in "%"'],
  ['abc', 'no number found in "abc"'],
  ['约', 'no number found in "约"'],
  ['1\u00a0000', '"1\u00a0000" has a space (U+00A0) inside the figure: figures are written without spaces'],
  ['1\u3000000', '"1\u3000000" has a space (U+3000) inside the figure: figures are written without spaces'],
  ['十四五', '"十四五" is not a Chinese numeral'],
  ['两十', '"两十" is not a Chinese numeral'],
  [
    '九连优',
    'unknown unit or classifier "连优" in "九连优": use a unit from the unit table or move the text out of the label'
  ],
  ['3度', 'unknown unit or classifier "度" in "3度": use a unit from the unit table or move the text out of the label'],
  ['3万%', 'unknown unit or classifier "万%" in "3万%": use a unit from the unit table or move the text out of the label'],
  ['2025年13月', '"2025年13月" has month 13: months run from 1 to 12'],
  ['2月30日', '"2月30日" has day 30, which that month does not have'],
  ['2025年2月29日', '"2025年2月29日" has day 29, which that month does not have'],
  ['3年2月', '"3年2月" is not a date: a year is written with four digits, from 1900 to 2100'],
  ['2025年第五季度', '"2025年第五季度" has quarter 5: quarters run from 1 to 4'],
  ['25年第二季度', '"25年第二季度" is not a date: a year is written with four digits, from 1900 to 2100'],
  [
    '2025年第一季度-2025年第三季度',
    'the range "2025年第一季度-2025年第三季度" joins periods that are already intervals: write its first and last month (2025年1-9月)'
  ],
  ['5-3个', 'the range "5-3个" runs backwards: write the lower end first'],
  ['10-', 'the range "10-" has no upper end'],
  ['3个-5吨', 'the ends of the range "3个-5吨" do not match: "3个" reads as a count but "5吨" as a quantity in t'],
  ['2025-11-05', '"2025-11-05" has more than one range separator'],
  ['约100余个', '"约100余个" states two bounds: keep one of 约, 超过, 以上, 余 …'],
  ['-5个', 'a count cannot carry a sign, as "-5个" does'],
  ['保三争五', '"保三争五" is not a ranking goal: 保X争Y holds place X and strives for a better place Y (保十争先, 保五争三)'],
  ['保零争先', '"保零争先" is not a ranking goal: 保X争Y holds place X and strives for a better place Y (保十争先, 保五争三)'],
  ['保十争优', 'no number found in "保十争优"'],
  ['上升4位', '"上升" before the number is not part of a figure in "上升4位": move it out of the label'],
  ['持平持平', 'no number found in "持平持平"'],
  ['保持', 'no number found in "保持"'],
  [`1${'0'.repeat(400)}`, `"1${'0'.repeat(400)}" is too large to be a figure`]
]

describe('readFigure', () => {
  it('has one row per label', () => {
    const labels = [...seedFigures, ...grammarFigures].map(([label]) => label)
    expect(new Set(labels).size).toBe(labels.length)
  })

  it.each(seedFigures)('reads the seed figure %j', (label, expected) => {
    expect(readFigure(label)).toStrictEqual({ ok: true, value: expected })
  })

  it.each(grammarFigures)('reads %j', (label, expected) => {
    expect(readFigure(label)).toStrictEqual({ ok: true, value: expected })
  })

  it.each(notFigures)('refuses %j with a reason', (label, reason) => {
    expect(readFigure(label)).toStrictEqual({ ok: false, error: { reason } })
  })
})

/** Characters of the number grammar, so that random strings come close to figures. */
const grammarChars = [
  ...'0123456789０１２３４５６７８９.．,，%％+-−－~～—–至到第前类劣ⅠⅡⅢⅣⅤⅥIVX年月日度余多约近 \u00a0\u3000',
  ...Object.keys(DIGITS),
  ...Object.keys(PLACES),
  ...Object.keys(BIG_PLACES),
  ...SCALES.map((scale) => scale.text),
  ...RANGE_SEPARATORS,
  ...PREFIX_BOUNDS.map((word) => word.text),
  ...SUFFIX_BOUNDS.map((word) => word.text),
  ...INFIX_BOUNDS.map((word) => word.text),
  ...RANK_PREFIXES.map((prefix) => prefix.text),
  ...UNITS.map((entry) => entry.text),
  ...CLASS_CLASSIFIERS,
  '百分之'
]

function isWellFormed(result: ReturnType<typeof readFigure>): boolean {
  if (!result.ok) return typeof result.error.reason === 'string' && result.error.reason.length > 0
  const { value, decimals, upper } = result.value
  return (
    Number.isFinite(value) &&
    Number.isInteger(decimals) &&
    (upper === undefined || (Number.isFinite(upper) && upper >= value))
  )
}

describe('readFigure never throws', () => {
  it('on any string of Unicode code points', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (label) => isWellFormed(readFigure(label))),
      {
        numRuns: 1000
      }
    )
  })

  it('on any string of UTF-16 code units, lone surrogates included', () => {
    const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code))
    fc.assert(
      fc.property(fc.string({ unit: codeUnit, maxLength: 40 }), (label) => isWellFormed(readFigure(label))),
      {
        numRuns: 1000
      }
    )
  })

  it('on any printable string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (label) => isWellFormed(readFigure(label))))
  })

  it('on strings built from the number grammar', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...grammarChars), maxLength: 12 }), (label) =>
        isWellFormed(readFigure(label))
      ),
      { numRuns: 5000 }
    )
  })

  it('reads every Arabic integer before 万吨 as that many 万 tonnes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99999999 }), (n) => {
        const result = readFigure(`${n}万吨`)
        return result.ok && result.value.value === n * 10000 && result.value.decimals === -4
      })
    )
  })
})

// prettier-ignore
const chineseNumerals: [string, number | undefined][] = [
  ['一百零五', 105],
  ['十五', 15],
  ['二十', 20],
  ['十', 10],
  ['两', 2],
  ['〇', 0],
  ['零', 0],
  ['一千零一', 1001],
  ['三千五百万', 35000000],
  ['三千五百', 3500],
  ['一万二千', 12000],
  ['两万', 20000],
  ['两百', 200],
  ['一百一十', 110],
  ['一千零五十', 1050],
  ['一百五', 150],
  ['一万五', 15000],
  ['一亿零五万', 100050000],
  ['一亿二千万', 120000000],
  ['三万亿', 3000000000000],
  ['十万', 100000],
  ['二十三万四千五百六十七', 234567],
  ['一万零十五', 10015],
  ['二〇二五', 2025],
  ['一九九八', 1998],
  ['壹佰零伍', 105],
  ['贰拾', 20],
  ['叁仟肆佰', 3400],
  ['玖萬', 90000],
  ['', undefined],
  ['万', undefined],
  ['三五', undefined],
  ['十四五', undefined],
  ['两十', undefined],
  ['二十两', undefined],
  ['一百零五十', undefined],
  ['一十零五', undefined],
  ['一万五百', undefined],
  ['一百零', undefined],
  ['零五', undefined],
  ['一千零零五', undefined],
  ['三亿万', undefined],
  ['百', undefined],
  ['abc', undefined]
]

describe('parseChineseNumeral', () => {
  it.each(chineseNumerals)('reads %j as %j', (text, expected) => {
    expect(parseChineseNumeral(text)).toBe(expected)
  })

  it('never throws', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...Object.keys(DIGITS), ...Object.keys(PLACES), ...Object.keys(BIG_PLACES))
        }),
        (text) => {
          const value = parseChineseNumeral(text)
          return value === undefined || (Number.isInteger(value) && value >= 0)
        }
      )
    )
  })
})

// prettier-ignore
const unitReadings: [string, UnitReading | undefined][] = [
  ['微克/立方米', { unit: 'ug/m3', factor: 1, display: '微克/立方米', kind: 'quantity' }],
  ['万吨', { unit: 't', factor: 10000, display: '万吨', kind: 'quantity' }],
  ['亩', { unit: 'm2', factor: 2000 / 3, display: '亩', kind: 'quantity' }],
  ['%', { unit: '%', factor: 1, display: '%', kind: 'percent' }],
  ['个百分点', { unit: '%', factor: 1, display: '个百分点', kind: 'percentage-point' }],
  ['亿元', { unit: 'CNY', factor: 100000000, display: '亿元', kind: 'money' }],
  ['万元', { unit: 'CNY', factor: 10000, display: '万元', kind: 'money' }],
  ['元', { unit: 'CNY', factor: 1, display: '元', kind: 'money' }],
  ['个', { unit: '1', factor: 1, display: '个', kind: 'count', classifier: '个' }],
  ['家次', { unit: '1', factor: 1, display: '家次', kind: 'count', classifier: '家次' }],
  ['千克', { unit: 'kg', factor: 1, display: '千克', kind: 'quantity' }],
  ['万千瓦时', { unit: 'kW.h', factor: 10000, display: '万千瓦时', kind: 'quantity' }],
  ['万立方米', { unit: 'm3', factor: 10000, display: '万立方米', kind: 'quantity' }],
  ['平方米/公里', { unit: 'm2/km', factor: 1, display: '平方米/公里', kind: 'quantity' }],
  ['年', { unit: 'a', factor: 1, display: '年', kind: 'quantity' }],
  [' 吨 ', { unit: 't', factor: 1, display: '吨', kind: 'quantity' }],
  ['度', undefined],
  ['万%', undefined],
  ['万分贝', undefined],
  ['星级', undefined],
  ['', undefined]
]

describe('readUnit', () => {
  it.each(unitReadings)('reads %j', (text, expected) => {
    expect(readUnit(text)).toStrictEqual(expected)
  })
})

describe('the unit table', () => {
  it.each(UNITS.filter((entry) => entry.unit !== 'CNY'))('uses a valid UCUM code for $text ($unit)', (entry) => {
    expect(isUcumUnit(entry.unit)).toBe(true)
  })

  it('writes money in CNY, which UCUM does not define', () => {
    expect(UNITS.filter((entry) => entry.kind === 'money').map((entry) => entry.unit)).toEqual(['CNY'])
    expect(isUcumUnit('CNY')).toBe(false)
  })

  it('lists each written form once', () => {
    const texts = UNITS.map((entry) => entry.text)
    expect(new Set(texts).size).toBe(texts.length)
    expect(new Set(COUNT_CLASSIFIERS).size).toBe(COUNT_CLASSIFIERS.length)
  })
})

// Values as exact decimals: a conversion is exact, and its result is a ratio until it is stored.
// prettier-ignore
const conversions: [string, number, string, string, { value: string; decimals: number } | undefined][] = [
  ['1', 0, 't', 'kg', { value: '1000', decimals: -3 }],
  ['11590000', -4, 't', 'kg', { value: '11590000000', decimals: -7 }],
  ['17.4', 1, 'ug/m3', 'mg/m3', { value: '0.0174', decimals: 4 }],
  ['0.0174', 4, 'mg/m3', 'ug/m3', { value: '17.4', decimals: 1 }],
  ['3116666.66666667', -3, 'm2', 'har', { value: '311.666666666667', decimals: 1 }],
  ['1', 0, 'km2', 'har', { value: '100', decimals: -2 }],
  ['2500', 0, 'm', 'km', { value: '2.5', decimals: 3 }],
  ['2', 0, 'h', 'min', { value: '120', decimals: -2 }],
  ['1', 0, 'a', 'd', { value: '365.25', decimals: -3 }],
  ['25', 0, 'Cel', 'K', { value: '298.15', decimals: 0 }],
  ['99.2', 1, '%', '1', { value: '0.992', decimals: 3 }],
  ['5', 0, 'CNY', 'CNY', { value: '5', decimals: 0 }],
  ['17.4', 1, 'ug/m3', 'ug/m3', { value: '17.4', decimals: 1 }],
  // Exact where doubles are not: 0.1 + 0.2 is 0.30000000000000004 in binary.
  ['0.0001', 4, 'kg', 'g', { value: '0.1', decimals: 1 }],
  ['12345678901234.5', 1, 't/d', 't/a', { value: '4509259218675901.125', decimals: -2 }],
  // A month is 1/12 of a year: no finite decimal, kept as the exact ratio until it is stored.
  ['1', 0, 'mo', 'a', { value: '0.0833333333333333', decimals: 1 }],
  ['1', 0, 't', 'm3', undefined],
  ['1', 0, 'CNY', 't', undefined],
  ['1', 0, 't', 'CNY', undefined],
  ['1', 0, 'xyz', 't', undefined],
  ['1', 0, '', 't', undefined]
]

describe('convertValue', () => {
  it.each(conversions)('converts %j (decimals %j) from %j to %j', (value, decimals, from, to, expected) => {
    const converted = convertValue(fromDecimal(value) ?? fromNumber(NaN), decimals, from, to)
    expect(converted && { value: toDecimal(converted.value, 15).text, decimals: converted.decimals }).toStrictEqual(
      expected
    )
  })
})

describe('isUcumUnit', () => {
  // prettier-ignore
  it.each([
    ['ug/m3', true],
    ['m2/km', true],
    ['kW.h', true],
    ['har', true],
    ['%', true],
    ['1', true],
    ['CNY', false],
    ['', false],
    ['吨', false]
  ] as const)('%j is %j', (code, valid) => {
    expect(isUcumUnit(code)).toBe(valid)
  })
})

// Every digit written is kept: the value is exactly the decimal written, scaled, or the figure is refused.
// prettier-ignore
const exactFigures: [string, Figure][] = [
  ['17.4123456789012', number(17.4123456789012, 13)],
  ['123456789012345', number(123456789012345, 0)],
  ['0.000000123', number(0.000000123, 9)],
  ['1000000000000000000000', number(1e21, 0)],
  ['9.99999999999999万亿', number(9999999999999.99, 2)],
  ['1.21亿', number(121000000, -6)],
  ['一千万亿', number(1e15, -12)],
  ['九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十', number(9999999999999990, 0)],
  ['1.5亩', { kind: 'quantity', value: 1000, decimals: -2, unit: 'm2', displayUnit: '亩' }],
  ['0.1亩', { kind: 'quantity', value: 66.6666666666667, decimals: -2, unit: 'm2', displayUnit: '亩' }]
]

const tooPrecise = (number: string, digits: number) =>
  `the number ${number} has ${digits} significant digits, more than the 15 a value keeps exactly (a double-precision number holds no more)`

// prettier-ignore
const tooPreciseFigures: [string, string][] = [
  ['17.41234567890123', tooPrecise('17.41234567890123', 16)],
  ['12345678901234567890个', tooPrecise('12345678901234567890', 19)],
  ['１２３４５６７８９０１２３４５６７吨', tooPrecise('１２３４５６７８９０１２３４５６７', 17)],
  ['1,234,567,890,123,456元', tooPrecise('1,234,567,890,123,456', 16)],
  ['0.1234567890123456789%', tooPrecise('0.1234567890123456789', 19)],
  ['九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九', tooPrecise('九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九', 16)],
  ['第12345678901234567', tooPrecise('12345678901234567', 17)],
  ['百分之12345678901234567', tooPrecise('12345678901234567', 17)],
  ['9'.repeat(400), tooPrecise('9'.repeat(400), 400)],
  [`0.${'0'.repeat(400)}1`, `"0.${'0'.repeat(400)}1" is too close to zero: a double-precision number reaches down to about 1e-307`]
]

describe('readFigure keeps every digit written', () => {
  it.each(exactFigures)('reads %j exactly', (label, expected) => {
    expect(readFigure(label)).toStrictEqual({ ok: true, value: expected })
  })

  it.each(tooPreciseFigures)('refuses %j, naming the limit', (label, reason) => {
    expect(readFigure(label)).toStrictEqual({ ok: false, error: { reason, code: 'too-precise' } })
  })

  it('reads every decimal of up to 15 significant digits back to the same digits', () => {
    const digits = fc
      .array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 15 })
      .map((list) => list.join(''))
    fc.assert(
      fc.property(digits, fc.integer({ min: 0, max: 15 }), (written, point) => {
        const label =
          point === 0 || point >= written.length ? written : `${written.slice(0, point)}.${written.slice(point)}`
        const result = readFigure(label)
        return (
          result.ok &&
          toDecimal(fromNumber(result.value.value), 15).text ===
            toDecimal(fromDecimal(label) ?? fromNumber(NaN), 15).text
        )
      }),
      { numRuns: 2000 }
    )
  })
})

describe('the characters of a numeral', () => {
  // The tables are the grammar: the sets of codes that answer for them must say what they say.
  const tables = [DIGITS, PLACES, BIG_PLACES]
  const inTables = (char: string) => tables.some((table) => char in table)
  const chars = fc.oneof(
    fc.constantFrom(...tables.flatMap((table) => Object.keys(table)), '', '十五', '5', 'a', '𠀀', '\uD800', '号'),
    fc.string({ maxLength: 2 }),
    fc.string({ unit: 'grapheme', maxLength: 1 })
  )

  it('isNumeralChar, isDigitChar and opensNumeral answer as the tables do', () => {
    fc.assert(
      fc.property(chars, (char) => {
        expect(isNumeralChar(char)).toBe(inTables(char))
        expect(isDigitChar(char)).toBe(char in DIGITS)
        expect(opensNumeral(char)).toBe(char in DIGITS || PLACES[char] === 1)
      }),
      { numRuns: 3000 }
    )
  })

  it.each([
    ['一', true, true, true],
    ['两', true, true, true],
    ['十', true, false, true],
    ['拾', true, false, true],
    ['百', true, false, false],
    ['万', true, false, false],
    ['億', true, false, false],
    ['号', false, false, false],
    ['一二', false, false, false],
    ['', false, false, false]
  ])('%s: numeral %s, digit %s, opens %s', (char, numeral, digit, opens) => {
    expect([isNumeralChar(char), isDigitChar(char), opensNumeral(char)]).toEqual([numeral, digit, opens])
  })
})
