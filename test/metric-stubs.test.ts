import { expect, test } from 'vitest'
import { readFigure } from '../src/chinese-number/index.js'
import { labelBefore, stubLabel } from '../src/suggest/metric-stubs.js'

// [the source line before the figure, the label of its draft metric]
test.each<[string, string | undefined]>([
  ['全年完成土壤污染状况调查', '全年完成土壤污染状况调查'],
  // Whole words, at most 16 characters, without the words that link the name to its figure.
  ['省对市党政领导生态环境保护目标责任书考核成绩连续', '生态环境保护目标责任书考核成绩'],
  ['重点建设用地安全利用率为', '重点建设用地安全利用率'],
  ['流域国省控断面优质水比例由50%提升至', '流域国省控断面优质水比例'],
  // Words that say a change improved or worsened are no part of the name either.
  ['全县农村生活污水治理率同比改善', '全县农村生活污水治理率'],
  ['声环境质量同比恶化', '声环境质量'],
  // An earlier figure of the clause is no part of the name; a scope alone after it goes with the words before it.
  ['优良率99.7%并列全国', '优良率全国'],
  ['考核成绩连续四年全省', '考核成绩全省'],
  ['面积比84.2%、同比提升', undefined],
  // …as does one after the figure of the clause before, and one after the words that link a name to it.
  ['空气质量优良率99.5%、并列全省', '空气质量优良率全省'],
  ['公众对生态环境质量满意度保持全省', '公众对生态环境质量满意度全省'],
  // 等 ends a list of examples (回收利用等7项): the words before it name one of the things counted.
  ['入海排放口整治、低值废弃物回收利用等', '低值废弃物回收利用'],
  ['“山上戴帽、山下开发”等', undefined],
  // Markup is left out, and the clause starts after the last mark that ends one.
  ['空气质量**优良率**为', '空气质量优良率'],
  ['全市,', undefined]
])('%s → %s', (before, label) => {
  expect(labelBefore(before)).toBe(label)
})

const figureOf = (text: string) => {
  const read = readFigure(text)
  if (!read.ok) throw new Error(read.error.reason)
  return read.value
}

// [the words before the figure, the figure, the words after it, the label of its draft]
test.each<[string, string, string, string | undefined]>([
  // A count after a list closed by 等 counts what follows it, not the list's last item.
  ['入海排放口整治、低值废弃物回收利用等', '7项', '经验做法全国推广。', '经验做法全国推广'],
  // A count that opens its clause counts what follows it.
  ['', '3个', '案例入选全国优秀案例。', '案例入选全国优秀案例'],
  ['', '3个', '。', undefined],
  // Words after it that hold a figure of their own are another figure's.
  ['', '3个', '项目完成5项', undefined],
  // A number of years after 连续 counts the years what follows held.
  ['省对市党政领导生态环境保护目标责任书考核成绩连续', '四年', '全省第一。', '责任书考核成绩全省第一连续年数'],
  // Otherwise the words before it name it, whatever follows.
  ['重点建设用地安全利用率为', '93%', '以上。', '重点建设用地安全利用率'],
  ['全年完成', '205个', '入河排污口整治。', '全年']
])('%s[%s]%s → %s', (before, text, after, label) => {
  expect(stubLabel(before, after, figureOf(text))).toBe(label)
})
