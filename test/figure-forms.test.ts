import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readFigure, type Figure } from '../src/chinese-number/index.js'
import { findFigures } from '../src/suggest/find-figures.js'
import { LOOK_ALIKES, lookAlikeSpans } from '../src/suggest/look-alikes.js'

// The forms of figures that provincial work reports use and the Xiamen seed does not, each with what
// it means. Every row is written by hand: the meaning first, then the exact reading that says it.

const percent = (value: number, decimals: number, displayUnit: string, bound?: Figure['bound']): Figure => ({
  kind: 'percent',
  value,
  decimals,
  unit: '%',
  displayUnit,
  ...(bound && { bound })
})

const count = (value: number, decimals: number, displayUnit: string, classifier: string, bound?: Figure['bound']) =>
  ({
    kind: 'count',
    value,
    decimals,
    unit: '1',
    displayUnit,
    classifier,
    ...(bound && { bound })
  }) satisfies Figure

const ratioNumber = (value: number, decimals: number, displayUnit: string): Figure => ({
  kind: 'number',
  value,
  decimals,
  unit: '1',
  displayUnit
})

type Form = [label: string, meaning: string, expected: Figure]

// prettier-ignore
const forms: Form[] = [
  // Fraction words: 成 is a tenth of the whole, known to the tenth (decimals -1 in %).
  ['三成', 'three tenths: 30%, to the nearest 10%', percent(30, -1, '成')],
  ['3成', 'the same with a digit', percent(30, -1, '成')],
  ['近八成', 'nearly eight tenths: about 80%', percent(80, -1, '成', 'about')],
  ['两成多', 'more than two tenths: at least 20% (多 follows a ratio word)', percent(20, -1, '成', 'at-least')],
  ['六成以上', 'six tenths or more: at least 60%', percent(60, -1, '成', 'at-least')],
  ['不足三成', 'under three tenths: at most 30%', percent(30, -1, '成', 'at-most')],
  ['三至五成', 'three to five tenths: 30% to 50%', { ...percent(30, -1, '成'), upper: 50 }],
  ['九成五', 'nine tenths and five hundredths: 95%, to the percent', percent(95, 0, '成')],
  ['两成五以上', 'two tenths and a half or more: at least 25%', percent(25, 0, '成', 'at-least')],
  // 点 writes the point of a Chinese numeral, its fraction digit by digit.
  ['百分之九十九点五', 'ninety-nine point five percent: 99.5%, to the tenth', percent(99.5, 1, '百分之')],
  ['百分之零点五', 'half a percent', percent(0.5, 1, '百分之')],
  ['百分之百', 'a hundred percent: the whole', percent(100, 0, '百分之')],
  ['不低于百分之九十九点五', 'a target with its bound', percent(99.5, 1, '百分之', 'at-least')],
  ['二点三一', 'two point three one: 2.31, an index with no unit', ratioNumber(2.31, 2, '')],
  ['零点零五', 'five hundredths', ratioNumber(0.05, 2, '')],
  ['零点五微克/立方米', 'half a microgram per cubic metre', { kind: 'quantity', value: 0.5, decimals: 1, unit: 'ug/m3', displayUnit: '微克/立方米' }],
  ['三点五亿元', '350 million yuan: the scale after the fraction, as after digits (3.5亿元)', { kind: 'money', value: 350000000, decimals: -7, unit: 'CNY', displayUnit: '亿元' }],
  ['一百二十三点四五万吨', '1,234,500 tonnes, to the hundred', { kind: 'quantity', value: 1234500, decimals: -2, unit: 't', displayUnit: '万吨' }],
  ['三千点五克', 'the whole numeral before the point is the whole part: 3000.5 g, not 3 千点五克', { kind: 'quantity', value: 3000.5, decimals: 1, unit: 'g', displayUnit: '克' }],
  ['三点五至四点五万吨', 'a range of numerals with fractions', { kind: 'quantity', value: 35000, decimals: -3, unit: 't', displayUnit: '万吨', upper: 45000 }],
  // N分之M: M parts of N, exact, so every place of the value kept is its precision.
  ['五分之一', 'one fifth: exactly 20%', percent(20, 0, '五分之')],
  ['四分之三以上', 'three quarters or more: at least 75%', percent(75, 0, '四分之', 'at-least')],
  ['近三分之一', 'nearly a third: about 33.3…%, kept to 15 digits', percent(33.3333333333333, 13, '三分之', 'about')],
  ['三分之二', 'two thirds: 66.6…%, rounded once, at the 15th digit', percent(66.6666666666667, 13, '三分之')],
  ['千分之五', 'five per mille: 0.5%', percent(0.5, 1, '千分之')],
  ['万分之三', 'three per ten thousand: 0.03%', percent(0.03, 2, '万分之')],
  ['二百分之一', 'one part in two hundred: 0.5%', percent(0.5, 1, '二百分之')],
  // Approximate counts: a scale with a word that says how near stands for its round number.
  ['近万场', 'nearly ten thousand sessions: about 10,000, to the 万', count(10000, -4, '万场', '场', 'about')],
  ['超1.5万批次', 'more than 15,000 batches (超 is 超过): at least 15,000, to the thousand', count(15000, -3, '万批次', '批次', 'at-least')],
  ['上千家', 'upwards of a thousand firms: at least 1,000', count(1000, -3, '千家', '家', 'at-least')],
  ['上万人', 'upwards of ten thousand people: at least 10,000', count(10000, -4, '万人', '人', 'at-least')],
  ['万余人', 'ten thousand and more people: at least 10,000', count(10000, -4, '万人', '人', 'at-least')],
  ['千余家', 'a thousand and more firms: at least 1,000', count(1000, -3, '千家', '家', 'at-least')],
  ['百余个', 'a hundred and more: at least 100', count(100, -2, '百个', '个', 'at-least')],
  ['逾万人', 'over ten thousand people: at least 10,000', count(10000, -4, '万人', '人', 'at-least')],
  ['近十个', 'nearly ten: 十 is a numeral already, about 10', count(10, 0, '个', '个', 'about')],
  ['上亿元', 'upwards of a hundred million yuan', { kind: 'money', value: 100000000, decimals: -8, unit: 'CNY', displayUnit: '亿元', bound: 'at-least' }],
  ['超百亿元', 'more than ten billion yuan', { kind: 'money', value: 10000000000, decimals: -10, unit: 'CNY', displayUnit: '百亿元', bound: 'at-least' }],
  ['近百万吨', 'nearly a million tonnes', { kind: 'quantity', value: 1000000, decimals: -6, unit: 't', displayUnit: '百万吨', bound: 'about' }],
  // Counted categories: 大类 is a measure word, "major category".
  ['五大类', 'five major categories: a count of 5', count(5, 0, '大类', '大类')],
  // Multiples: N倍 is N × 100%. The verb decides the aspect: 增长5.4倍 (aspect=increase) is +540%,
  // to 6.4 times the base, as 增长N倍 means in Chinese; 是上年的2倍 is a level of 200% of the base.
  ['5.4倍', '5.4 times: 540%, known to the tenth of a time (decimals -1)', percent(540, -1, '倍')],
  ['2倍', 'twice: 200%, to the whole time', percent(200, -2, '倍')],
  ['两倍', 'twice, in words', percent(200, -2, '倍')],
  ['0.5倍', 'half as much again (增长0.5倍) or half (是…的0.5倍): 50%', percent(50, -1, '倍')],
  ['一倍多', 'more than once again: at least 100%', percent(100, -2, '倍', 'at-least')],
  // Ages: years, unit a.
  ['65岁以上', 'aged 65 and over: at least 65 years', { kind: 'quantity', value: 65, decimals: 0, unit: 'a', displayUnit: '岁', bound: 'at-least' }],
  ['80岁及以上', 'aged 80 and over (及以上 is 以上)', { kind: 'quantity', value: 80, decimals: 0, unit: 'a', displayUnit: '岁', bound: 'at-least' }],
  ['18周岁', '18 full years of age', { kind: 'quantity', value: 18, decimals: 0, unit: 'a', displayUnit: '周岁' }],
  // Proportions a：b are the number a/b, exact.
  ['2：1', 'two to one: 2', ratioNumber(2, 0, '：1')],
  ['2:1', 'the same with an ASCII colon', ratioNumber(2, 0, ':1')],
  ['3:2', 'three to two: 1.5', ratioNumber(1.5, 1, ':2')],
  ['１：２０００', 'a map scale of one to two thousand, full width: 0.0005', ratioNumber(0.0005, 4, '：２０００')],
  // Full-width digits and punctuation throughout.
  ['１２．５％', '12.5%, full-width digits, point and percent', percent(12.5, 1, '％')],
  ['＋１２．５％', 'a rise of 12.5%, full-width plus', percent(12.5, 1, '％')],
  ['－３．２％', 'a fall of 3.2%, full-width minus', percent(-3.2, 1, '％')],
  ['１，２３４．５万元', '12,345,000 yuan, full-width comma grouping thousands', { kind: 'money', value: 12345000, decimals: -3, unit: 'CNY', displayUnit: '万元' }],
  ['１２．５～１５．８％', 'from 12.5% to 15.8%, full-width tilde', { ...percent(12.5, 1, '％'), upper: 15.8 }],
  ['17.4微克／立方米', '17.4 µg/m³ with a full-width slash, kept as written', { kind: 'quantity', value: 17.4, decimals: 1, unit: 'ug/m3', displayUnit: '微克／立方米' }],
  // Editions: an ordinal, read as a rank; whether to tag it is the editor's (it belongs to the name of the event).
  ['第六届', 'the sixth session: rank 6 of 届', { kind: 'rank', value: 6, decimals: 0, unit: '1', displayUnit: '届', classifier: '届' }]
]

type NotFigure = [label: string, why: string, reason: string]

const unknownUnit = (label: string, unit: string) =>
  `unknown unit or classifier "${unit}" in "${label}": use a unit from the unit table or move the text out of the label`
const vague = (label: string) =>
  `"${label}" is a vague count (数百, 几十, 成千上万: "some hundreds") with no value to publish: tag a figure written with a number, or leave it untagged`

// prettier-ignore
const notFigures: NotFigure[] = [
  ['数百个', 'several hundred: a vague count, no value to publish', vague('数百个')],
  ['几十家', 'some tens: vague', vague('几十家')],
  ['数十万', 'several hundred thousand: vague', vague('数十万')],
  ['成千上万', 'thousands upon thousands: vague', vague('成千上万')],
  ['万场', 'a scale with no word saying how near is no number (万家灯火)', '"万场" has a scale word but no number: write how near it is (近万, 上万, 万余) or the number (1万)'],
  ['九市一区', 'nine cities and one district: the name of the set of jurisdictions a province is made of, not a count it reports', unknownUnit('九市一区', '市一区')],
  ['三大', 'the three major (产业带, 攻坚战): names a set listed by name, with no measure word beside the number', unknownUnit('三大', '大')],
  ['第十四个五年规划', 'the 14th five-year plan: a name, like 十四五', unknownUnit('第十四个五年规划', '个五年规划')],
  ['十四五', 'the 14th five-year plan, abbreviated', '"十四五" is not a Chinese numeral'],
  ['增长5.4倍', 'the verb is no part of the figure: tag 5.4倍 with aspect=increase', '"增长" before the number is not part of a figure in "增长5.4倍": move it out of the label'],
  ['3:2:1', 'a three-way proportion has no single value', unknownUnit('3:2:1', ':2:1')],
  ['1:0', 'a proportion to zero', '"1:0" divides by zero'],
  ['零分之一', 'a fraction of zero parts', '"零分之一" divides by zero'],
  ['五分之', 'a fraction with no numerator', '"五分之" is not a fraction: N分之M takes a whole number on each side (五分之一, 千分之五)'],
  ['3个多', '多 follows only a ratio word (两成多); 3个多月 is three months and more', unknownUnit('3个多', '个多')],
  ['三五点五', 'two digits side by side (三五个) are an estimate, so no whole part of a fraction', '"三五点五" is not a Chinese numeral'],
  ['九点五十分', 'ten to ten o\'clock: a time, whose 点 is no point', unknownUnit('九点五十分', '十分')],
  ['三点', 'three o\'clock: 点 with no digit after it', unknownUnit('三点', '点')],
  ['九成十', 'a hundredth is one digit: 九成十 is no figure', unknownUnit('九成十', '成十')]
]

describe('forms of real reports', () => {
  it('has one row per label', () => {
    const labels = [...forms, ...notFigures].map(([label]) => label)
    expect(new Set(labels).size).toBe(labels.length)
  })

  it.each(forms)('reads %j as %s', (label, _meaning, expected) => {
    expect(readFigure(label)).toStrictEqual({ ok: true, value: expected })
  })

  it.each(notFigures)('refuses %j: %s', (label, _why, reason) => {
    expect(readFigure(label)).toStrictEqual({ ok: false, error: { reason } })
  })
})

/** A sentence, the figures the scanner finds in it as [label, start offset], and why. */
type ScanRow = [sentence: string, expected: Array<[string, number]>, why: string]

// prettier-ignore
const scanRows: ScanRow[] = [
  ['全省三成以上企业完成改造', [['三成以上', 2]], 'a fraction word with its bound after it'],
  ['优良率达百分之九十九点五，优级率九成五', [['百分之九十九点五', 4], ['九成五', 16]], 'the fraction after 点 and the hundredth after 成 belong to the figure'],
  ['综合指数为二点三一。', [['二点三一', 5]], 'a bare numeral with a fraction that ends its words is a figure'],
  ['坚持一点一滴抓落实，两点一线，九点一刻开会', [], '一点一滴, 两点一线 and 九点一刻 go on as words'],
  ['水质达标率百分之百', [['百分之百', 5]], 'the whole, with no number written'],
  ['近八成断面水质达标', [['八成', 1]], 'as with 约50%, a bound word before the number stays out of the span'],
  ['占比两成多', [['两成多', 2]], '多 after a ratio word belongs to the figure'],
  ['约占全省五分之一', [['五分之一', 4]], 'a fraction'],
  ['排放量下降千分之五', [['千分之五', 5]], 'a fraction of a thousand'],
  ['开展执法近万场，抽检超1.5万批次', [['近万场', 4], ['1.5万批次', 11]], '近 is the number of 近万场; 超 before digits stays out, as 约 does'],
  ['帮扶上千家企业、万余人', [['上千家', 2], ['万余人', 8]], 'round numbers'],
  ['带动3万余吨减排', [['3万余吨', 2]], 'the 万 of 3万余 is no round number of its own'],
  ['涉及数百个项目', [], 'a vague count is not a figure'],
  ['千家万户、老百姓', [], 'a scale alone is a word'],
  ['九市一区全面推行河长制', [], 'an enumeration of places names the province'],
  ['6市1区同步推进', [], 'the same with digits'],
  ['分为五大类', [['五大类', 2]], 'a counted category'],
  ['打造三大先进制造业产业带', [], 'N大 names a set; the noun it counts is far from the number'],
  ['同比增长5.4倍', [['5.4倍', 4]], 'a multiple; 增长 gives aspect=increase'],
  ['是上年的2倍', [['2倍', 4]], 'a multiple as a level'],
  ['65岁以上老人', [['65岁以上', 0]], 'an age with its bound'],
  ['60周岁及以上人员', [['60周岁及以上', 0]], '及以上 is 以上'],
  ['男女比例为2：1', [['2：1', 5]], 'a proportion with a full-width colon'],
  ['配比为２：１，', [['２：１', 3]], 'full-width digits, colon and comma'],
  ['9:30召开会议', [], 'a time of day is no proportion'],
  ['占比１２．５％（同比提高２．１个百分点）', [['１２．５％', 2], ['２．１个百分点', 12]], 'full-width digits and brackets'],
  ['PM2.5浓度为17.4微克／立方米', [['17.4微克／立方米', 8]], 'a full-width slash in a unit'],
  ['第六届进博会', [['第六届', 0]], 'an edition reads as an ordinal, as 第20届 of the seed does'],
  ['第十四个五年规划纲要', [], 'the plan written out is a name'],
  ['“十四五”时期', [], 'the plan abbreviated is a name'],
  ['汽车零部件产业', [], 'a lone 零 is a word'],
  ['推进一体化、统一规划', [], 'numerals inside words'],
  ['万一发生、一些问题', [], 'numerals inside words'],
  ['研究表明（［24］）', [], 'a full-width footnote mark in brackets'],
  ['研究表明[24]。', [], 'an ASCII footnote mark'],
  ['见注①', [], 'a circled number is no digit'],
  ['统筹两个大局', [], 'a slogan'],
  ['成为一种常态', [], '一种 is an article'],
  ['做好三农工作', [], 'a slogan with no measure word'],
  ['统筹五位一体', [], 'a slogan'],
  ['共建一带一路', [], 'a slogan with no measure word'],
  ['实现双碳目标', [], 'no numeral at all'],
  ['坚持一成不变', [], 'a set phrase: "never changing", not 10%']
]

describe('the scanner on forms of real reports', () => {
  it.each(scanRows)('finds in %j the figures %j (%s)', (sentence, expected) => {
    expect(findFigures(sentence).map((figure): [string, number] => [figure.text, figure.start])).toEqual(expected)
  })

  it('has one row per sentence', () => {
    expect(new Set(scanRows.map(([sentence]) => sentence)).size).toBe(scanRows.length)
  })
})

/** At least one sentence per look-alike, and what it covers. */
const lookAlikeRows: Record<string, Array<[string, string]>> = {
  'footnote-mark': [
    ['研究表明（［24］）', '［24］'],
    ['见文献[3,5]', '[3,5]']
  ],
  'plan-name': [
    ['第十四个五年规划纲要', '第十四个五年规划'],
    ['编制五年规划', '五年规划']
  ],
  'place-enumeration': [
    ['九市一区', '九市一区'],
    ['6市1区', '6市1区']
  ],
  slogan: [
    ['统筹两个大局', '两个大局'],
    ['坚持一成不变', '一成不变']
  ]
}

describe('look-alikes', () => {
  it('has an example for every look-alike', () => {
    expect(Object.keys(lookAlikeRows).sort()).toEqual(LOOK_ALIKES.map((entry) => entry.id).sort())
  })

  it('lists each id once, every pattern global, every description one line', () => {
    expect(new Set(LOOK_ALIKES.map((entry) => entry.id)).size).toBe(LOOK_ALIKES.length)
    for (const entry of LOOK_ALIKES) {
      expect(entry.pattern.global, entry.id).toBe(true)
      expect(entry.description, entry.id).toMatch(/^[A-Z][^\n]+$/)
    }
  })

  const rows = Object.entries(lookAlikeRows).flatMap(([id, examples]) =>
    examples.map(([sentence, covered]) => ({ id, sentence, covered }))
  )

  it.each(rows)('$id covers $covered in $sentence', ({ id, sentence, covered }) => {
    const start = sentence.indexOf(covered)
    expect(lookAlikeSpans(sentence)).toContainEqual({ start, end: start + covered.length, id })
  })
})

/** Characters of the new forms and of the words around them, so that random strings come close to them. */
const formChars = [
  ...'0123456789０１２３４５６７８９.．,，%％:：/／［］[]（）()①、。',
  ...'〇零一二三四五六七八九十两百千万亿成倍分之岁周余多近上超逾数几约以及下大类市区县个家人场批次元吨',
  ...'第五年规划计划不变部件种'
]

describe('never throws on the new forms', () => {
  it('readFigure on strings built from them', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...formChars), maxLength: 14 }), (label) => {
        const result = readFigure(label)
        if (!result.ok) return result.error.reason.length > 0
        const { value, decimals, upper } = result.value
        return Number.isFinite(value) && Number.isInteger(decimals) && (upper === undefined || upper >= value)
      }),
      { numRuns: 5000 }
    )
  })

  it('findFigures on strings built from them: spans in order, each read as readFigure reads it', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...formChars), maxLength: 60 }), (text) => {
        let previousEnd = 0
        for (const figure of findFigures(text)) {
          if (figure.start < previousEnd || figure.text !== text.slice(figure.start, figure.end)) return false
          expect(readFigure(figure.text)).toStrictEqual({ ok: true, value: figure.figure })
          previousEnd = figure.end
        }
        return true
      }),
      { numRuns: 3000 }
    )
  })
})

// A return to quadratic time shows as a timeout. The look-alike patterns run over whole paragraphs, so
// they are tried on a million characters; readFigure reads one label; the scanner reads at most 24
// characters from each place, so its work grows with the text by construction.
// prettier-ignore
const hostile: Array<[name: string, make: (length: number) => string]> = [
  ['an unclosed footnote mark', (n) => `[${'1,'.repeat(n / 2)}`],
  ['footnote openings', (n) => '［1'.repeat(n / 2)],
  ['round-number openings', (n) => '近万'.repeat(n / 2)],
  ['upwards', (n) => '上'.repeat(n)],
  ['proportions', (n) => '1:'.repeat(n / 2)],
  ['fractions', (n) => '五分之'.repeat(n / 3)],
  ['place enumerations', (n) => '九市'.repeat(n / 2)],
  ['plan names', (n) => '第十个'.repeat(n / 3)],
  ['ratio words', (n) => '两成多'.repeat(n / 3)]
]

describe('linear time on hostile runs of the new forms', () => {
  it.each(hostile)('look-alikes on a million characters: %s', (_name, make) => {
    expect(Array.isArray(lookAlikeSpans(make(1_000_000)))).toBe(true)
  })

  it.each(hostile)('readFigure on a label of 200,000 characters: %s', (_name, make) => {
    expect(readFigure(make(200_000)).ok).toBe(false)
  })

  it.each(hostile)('the scanner on 5,000 characters: %s', (_name, make) => {
    expect(Array.isArray(findFigures(make(5_000)))).toBe(true)
  })
})
