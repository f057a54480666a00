import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readFigure } from '../src/chinese-number/index.js'
import * as findApi from '../src/suggest/find-figures.js'
import { findFigures, type FindOptions } from '../src/suggest/find-figures.js'
import { NOT_FIGURES } from '../src/suggest/label-rules.js'
import * as namesApi from '../src/suggest/names.js'
import { BUILT_IN_NAMES, nameSpans } from '../src/suggest/names.js'

/** A sentence and the figures expected in it, as [label, start offset]. */
type Row = [sentence: string, expected: Array<[string, number]>]

const found = (sentence: string, options?: FindOptions) =>
  findFigures(sentence, options).map((figure): [string, number] => [figure.text, figure.start])

describe('suggest scanner API', () => {
  it('exports exactly the documented functions and tables', () => {
    expect(Object.keys(findApi).sort()).toEqual(['findFigures'])
    expect(Object.keys(namesApi).sort()).toEqual(['BUILT_IN_NAMES', 'nameSpans'])
  })
})

/** What an editor wraps: the figure as printed, without the words around it. */
// prettier-ignore
const figureRows: Row[] = [
  // Ranks and ordinals
  ['在全国168个重点城市中排名第8', [['168个', 3], ['第8', 14]]],
  // A ranking goal is a plan's target, in quotes or not.
  ['在全国排名“保十争先”,优良率不低于99.2%', [['保十争先', 6], ['99.2%', 18]]],
  ['全省排名保五争三', [['保五争三', 4]]],
  // A percentage in quotes is a figure the report states, as it would be without them.
  ['水质达标率保持“四个100%”', [['四个', 8], ['100%', 10]]],
  ['达标率保持“100%”', [['100%', 6]]],
  ['空气质量保持全省第一', [['第一', 8]]],
  ['位居市直政府部门前4', [['前4', 8]]],
  ['成效排名全省第一,低值', [['第一', 6]]],
  ['认真配合第三轮省生态环保督察', [['第三轮', 4]]],
  ['入选第二批推广事项', [['第二批', 2]]],
  ['在第20届固体废物会议上', [['第20届', 1]]],
  ['参加第七次联席会议', [['第七次', 2]]],
  ['厦门市第二届“鹭岛好公仆”', [['第二届', 3]]],
  ['精心谋划第二批5项改革清单', [['第二批', 4], ['5项', 7]]],
  // Dates
  ['2025年,我局', [['2025年', 0]]],
  ['于2025年11月完成', [['2025年11月', 1]]],
  ['2024年度市绩效评估', [['2024年度', 0]]],
  ['为2021—2024年度突出集体', [['2021—2024年度', 1]]],
  ['开展11-12月攻坚行动', [['11-12月', 2]]],
  ['入选2025年第二季度优秀作品', [['2025年第二季度', 2]]],
  ['2025年前完成', [['2025年', 0]]],
  ['完成2025年行动计划', [['2025年', 2]]],
  ['二〇二五年十一月', [['二〇二五年十一月', 0]]],
  ['２０２５年', [['２０２５年', 0]]],
  // Counts
  ['高效组织12批197项调阅资料', [['12批', 4], ['197项', 7]]],
  ['分办信访件15批92件', [['15批', 5], ['92件', 8]]],
  ['指导194家次企业', [['194家次', 2]]],
  ['围绕4个方面', [['4个方面', 2]]],
  ['五地市签署备忘录', [['五地市', 0]]],
  ['召开两场专题会', [['两场', 2]]],
  ['组织开展三轮行动', [['三轮', 4]]],
  ['拓展四项任务', [['四项', 2]]],
  ['9家企业1159万吨配额', [['9家', 0], ['1159万吨', 4]]],
  ['3个三星级低碳试点', [['3个', 0], ['三星级', 2]]],
  ['1人获评', [['1人', 0]]],
  ['全年完成6期检查', [['6期', 4]]],
  ['共1,234个点位', [['1,234个', 1]]],
  // Durations
  ['相关案例连续六年展示', [['六年', 6]]],
  ['连续7年获评优秀', [['7年', 2]]],
  ['完成分区管控5年评估', [['5年', 6]]],
  ['规范“八小时之外”,坚持八小时值守', [['八小时', 12]]],
  // Classes and grades
  ['水质稳定保持Ⅱ类', [['Ⅱ类', 6]]],
  ['优质水(Ⅰ~Ⅱ类)比例', [['Ⅰ~Ⅱ类', 4]]],
  ['消除劣Ⅴ类水体', [['劣Ⅴ类', 2]]],
  ['无劣V类水体', [['劣V类', 1]]],
  ['达到IV类标准', [['IV类', 2]]],
  ['获二等奖', [['二等奖', 1]]],
  ['省两级碳市场', [['两级', 1]]],
  // Units, money, percentages
  ['PM2.5、PM10浓度分别为17.4、30.7微克/立方米', [['17.4', 15], ['30.7微克/立方米', 20]]],
  ['提前下达2.5亿元', [['2.5亿元', 4]]],
  ['共4675亩果林', [['4675亩', 1]]],
  ['密度39.53平方米/公里', [['39.53平方米/公里', 2]]],
  ['同比提升2.1个百分点', [['2.1个百分点', 4]]],
  ['占比64.62%', [['64.62%', 2]]],
  ['由50%提升至66.7%', [['50%', 1], ['66.7%', 7]]],
  ['获批倾倒量2592万立方米', [['2592万立方米', 5]]],
  ['减免金额282.56万元', [['282.56万元', 4]]],
  ['推动4家企业减排新污染物21.4吨', [['4家', 2], ['21.4吨', 12]]],
  ['投资三千万元', [['三千万元', 2]]],
  ['百分之十五的企业', [['百分之十五', 0]]],
  // Bare Arabic numbers are figures
  ['综合指数2.43、在全国', [['2.43', 4]]],
  ['分别为17,30个', [['17', 3], ['30个', 6]]],
  ['第1.5', [['1.5', 1]]],
  // Bounds written inside or right after the figure belong to it; words before it do not
  ['建成100余个站点', [['100余个', 2]]],
  ['达到50%以上', [['50%以上', 2]]],
  ['约50%的断面', [['50%', 1]]],
  ['近3年', [['3年', 1]]],
  ['省市县三级上下联动', [['三级', 3]]],
  // Ranges
  ['每年3-5个', [['3-5个', 2]]],
  ['2025年1-6月', [['2025年1-6月', 0]]]
]

/** Chinese numerals that are words: a bare numeral needs a classifier or unit, or 第/前 before it. */
// prettier-ignore
const wordRows: Row[] = [
  ['进一步加强一体化保洁', []],
  ['还存在一些问题', []],
  ['深化两岸融合发展', []],
  ['九龙江流域、五缘湾、九溪', []],
  ['鼓浪屿零碳岛', []],
  ['两三个', []],
  ['三千万', []],
  ['二氧化碳排放', []],
  ['空气质量保持全国前列', []],
  ['全国首个建成', []]
]

/** At least one sentence per built-in name; the name must be what drops the figure. */
const nameRows: Record<string, Row[]> = {
  quoted: [
    ['接续开展“四个对标年”活动', []],
    ['聚焦“9.3”“9.8”等重点时段', []],
    ['构建“1+3”规划体系', []],
    ['首创“三单”联动机制,增加到50项', [['50项', 14]]],
    ['落实“第一议题”制度', []],
    ['实现“九连优”', []]
  ],
  'book-title': [['入选《美丽中国建设的福建篇章》等5个案例', [['5个', 16]]]],
  'plan-period': [['确保十四五圆满收官,谋划十五五', []]],
  'party-congress': [['党的二十大和二十届历次全会精神', []]],
  'inspection-round': [
    ['中三督517件信访件', [['517件', 3]]],
    ['中二督6项整改任务', [['6项', 3]]],
    ['省三督交办92件', [['92件', 5]]]
  ],
  'latin-code': [
    ['在COP30边会、R1线厦门段、5G基站,NO2浓度', []],
    ['PM2.5低值浓度', []]
  ],
  'standard-number': [['执行GB 3838-2002标准', []]],
  'berth-number': [['翔安港区1#-5#集装箱泊位', []]],
  'numbered-identifier': [['地铁1号线', []]],
  'document-number': [['厦府〔2025〕12号', []]],
  'registration-number': [['闽公网安备 35020302032660-14号', []]],
  hotline: [
    ['畅通12369环保举报热线', []],
    ['办理12345热线工单300件', [['300件', 11]]]
  ],
  'cross-reference': [['详见附件1,数据见表2', []]],
  'dot-day': [['开展6·5环境日活动', []]],
  'phone-number': [['联系电话0592-5181111', []]],
  'numeric-date': [['于2025-11-05发布', []]],
  'time-of-day': [['10:30召开会议', []]],
  'heading-enumerator': [
    ['一、对标“作出示范”', []],
    ['(一)持续深入打好保卫战', []],
    ['1.加强管理', []]
  ],
  'enumerator-shi': [['一是空气质量,二是水环境', []]],
  'enumerator-ordinal': [['第一,加强领导;第二,压实责任', []]],
  'fixed-phrase': [
    ['扎实筑牢一张蓝图绘到底', []],
    ['第一时间成立党支部', []],
    ['中央八项规定精神', []],
    ['委托第三方检测', []],
    ['第一部分 工作回顾', []],
    ['开展新一轮督察', []],
    ['另一处记为18.3', [['18.3', 5]]],
    ['同一断面', []]
  ],
  'political-slogan': [['增强四个意识', []]],
  secondary: [['改造二次供水设施', []]],
  'campaign-name': [
    ['治本攻坚三年行动', []],
    ['三轮守护蓝天百日攻坚', [['三轮', 0]]]
  ],
  'top-list': [['入选十大案例', []]],
  'protection-grade': [['水源一级保护区', []]],
  'project-phase': [
    ['提升工程(一期)共5个项目', [['5个', 9]]],
    ['完成大气超级站二期项目', []]
  ],
  'numbered-organisation': [['与安能二局、中电建五局签订协议', []]],
  'emission-standard': [['淘汰国三及以下柴油货车', []]],
  'word-before-qian': [
    ['目前3家企业已完成', [['3家', 2]]],
    ['提前2天完成', [['2天', 2]]]
  ]
}

/** At least one sentence per label rule. */
const labelRuleRows: Record<string, Row[]> = {
  'bare-chinese-numeral': [['一些问题和进一步整改', []]],
  'bare-roman-numeral': [['Ⅱ期工程', []]],
  'chinese-zero': [['汽车零部件和零件产业实现零排放', []]],
  article: [['让生态保护成为一种常态', []]],
  'loose-bound': [['三级上下联动', [['三级', 0]]]]
}

const allRows: Row[] = [
  ...figureRows,
  ...wordRows,
  ...Object.values(nameRows).flat(),
  ...Object.values(labelRuleRows).flat()
]

describe('findFigures', () => {
  it('has at least 60 example sentences, each once', () => {
    expect(allRows.length).toBeGreaterThanOrEqual(60)
    expect(new Set(allRows.map(([sentence]) => sentence)).size).toBe(allRows.length)
  })

  it.each(figureRows)('finds the figures of %j', (sentence, expected) => {
    expect(found(sentence)).toEqual(expected)
  })

  it.each(wordRows)('reads no figure in the words of %j', (sentence, expected) => {
    expect(found(sentence)).toEqual(expected)
  })

  it.each(Object.values(labelRuleRows).flat())('applies the label rules to %j', (sentence, expected) => {
    expect(found(sentence)).toEqual(expected)
  })
})

describe('built-in names', () => {
  it('has an example for every name and every label rule', () => {
    expect(Object.keys(nameRows).sort()).toEqual(BUILT_IN_NAMES.map((name) => name.id).sort())
    expect(Object.keys(labelRuleRows).sort()).toEqual(NOT_FIGURES.map((rule) => rule.id).sort())
  })

  it('lists each id once, every pattern global, every description one line', () => {
    const ids = BUILT_IN_NAMES.map((name) => name.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const name of BUILT_IN_NAMES) {
      expect(name.pattern.global, name.id).toBe(true)
      expect(name.description, name.id).toMatch(/^[A-Z][^\n]+$/)
    }
  })

  const named = Object.entries(nameRows).flatMap(([id, rows]) =>
    rows.map(([sentence, expected]) => ({ id, sentence, expected }))
  )

  it.each(named)('$id covers a numeral of $sentence', ({ id, sentence, expected }) => {
    expect(nameSpans(sentence).map((span) => span.id)).toContain(id)
    expect(found(sentence)).toEqual(expected)
  })

  it('returns spans in text order with their ids', () => {
    expect(nameSpans('党的二十大和“四个对标年”,PM2.5')).toEqual([
      { start: 2, end: 5, id: 'party-congress' },
      { start: 6, end: 13, id: 'quoted' },
      { start: 14, end: 19, id: 'latin-code' }
    ])
  })
})

describe('the ignore option', () => {
  it('drops a figure inside an ignored phrase and keeps its other occurrences', () => {
    expect(found('实施三轮行动,完成三轮检查', { ignore: ['三轮行动'] })).toEqual([['三轮', 9]])
  })

  it('drops a figure in every occurrence of the phrase', () => {
    expect(found('2个案例、2个案例、3个案例', { ignore: ['2个案例'] })).toEqual([['3个', 10]])
  })

  it('keeps a figure that only partly overlaps the phrase', () => {
    expect(found('于2025年11月完成', { ignore: ['年11'] })).toEqual([['2025年11月', 1]])
  })

  it('skips empty phrases and phrases that are not in the text', () => {
    expect(found('召开两场会议', { ignore: ['', '不存在'] })).toEqual([['两场', 2]])
  })
})

describe('the seed report', () => {
  const lines = readFileSync(new URL('fixtures/seed/xiamen-2025.txt', import.meta.url), 'utf8').split('\n')
  const expected = readFileSync(new URL('fixtures/suggest/seed-figures.tsv', import.meta.url), 'utf8')
    .split('\n')
    .filter((row) => row !== '' && !row.startsWith('#'))
  // Every line is a paragraph; the footer line too.
  const hits = lines.flatMap((line, index) =>
    findFigures(line).map((figure) => `${index + 1}\t${figure.start + 1}\t${figure.text}`)
  )

  it('finds every figure listed by hand, at its line and column', () => {
    const missing = expected.filter((row) => !hits.includes(row))
    const recalled = expected.length - missing.length
    const correct = hits.filter((hit) => expected.includes(hit)).length
    console.log(
      `seed: recall ${((100 * recalled) / expected.length).toFixed(1)}% (${recalled}/${expected.length}), ` +
        `precision ${((100 * correct) / hits.length).toFixed(1)}% (${correct}/${hits.length})`
    )
    expect(missing).toEqual([])
  })

  it('finds nothing else, or at most 5% non-figures', () => {
    const extra = hits.filter((hit) => !expected.includes(hit))
    expect(extra).toEqual([])
    expect(extra.length / hits.length).toBeLessThanOrEqual(0.05)
  })
})

/** Characters of figures, names and the words around them, so that random strings come close to real text. */
const textChars = [
  ...'0123456789０１２３４５６７８９.．,，%％~～-—–至到第前劣ⅠⅡⅢⅣⅤIVX类年月日度季号余多约以上下左右',
  ...'〇零一二三四五六七八九十两百千万亿个家批件项轮场名人次届期级等奖星地市方面元吨亩米/',
  ...'“”《》()（）、。,;:：#+PMCOGR \n\u0000公网安备局督十大行动'
]

describe('findFigures never throws', () => {
  const wellFormed = (text: string) => {
    const figures = findFigures(text)
    let previousEnd = 0
    for (const figure of figures) {
      if (figure.start < previousEnd || figure.end <= figure.start) return false
      if (figure.text !== text.slice(figure.start, figure.end)) return false
      const reading = readFigure(figure.text)
      if (!reading.ok) return false
      expect(figure.figure).toStrictEqual(reading.value)
      previousEnd = figure.end
    }
    return true
  }

  it('on any string of UTF-16 code units', () => {
    const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code))
    fc.assert(fc.property(fc.string({ unit: codeUnit, maxLength: 80 }), wellFormed), { numRuns: 1000 })
  })

  it('on strings built from figures and names', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...textChars), maxLength: 60 }), wellFormed), {
      numRuns: 3000
    })
  })
})
