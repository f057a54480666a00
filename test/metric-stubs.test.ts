import { expect, test } from 'vitest'
import { labelBefore } from '../src/suggest/metric-stubs.js'

// [the source line before the figure, the label of its draft metric]
test.each<[string, string | undefined]>([
  ['全年完成土壤污染状况调查', '全年完成土壤污染状况调查'],
  // Whole words, at most 16 characters, without the words that link the name to its figure.
  ['省对市党政领导生态环境保护目标责任书考核成绩连续', '生态环境保护目标责任书考核成绩'],
  ['重点建设用地安全利用率为', '重点建设用地安全利用率'],
  ['流域国省控断面优质水比例由50%提升至', '流域国省控断面优质水比例'],
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
