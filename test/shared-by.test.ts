import { expect, test } from 'vitest'
import { sharedBy } from '../src/extract/shared-figure.js'

// [text before the figure, the things it is said of]; the figure follows the text.
test.each<[string, string[] | undefined]>([
  ['危险废物处置率、医疗废物处置率均为', ['危险废物处置率', '医疗废物处置率']],
  [
    '全年,主要流域国省考断面水质优良比例、小流域省控及“以奖促治”断面水质达标率均保持',
    ['主要流域国省考断面水质优良比例', '小流域省控及“以奖促治”断面水质达标率']
  ],
  ['昼间和夜间达标率均达到', ['昼间', '夜间达标率']],
  ['甲、乙、丙三个断面均', ['甲', '乙', '丙三个断面']],
  // One thing named, none, or 均 not right before the figure.
  ['各项指标均为', undefined],
  ['水质均为优,达标率为', undefined],
  ['达标率为', undefined],
  // A clause with markup in it is not read.
  [':fact[92件]{metric=enforcement.cases}、其余均为', undefined]
])('%s', (before, expected) => {
  expect(sharedBy(`${before}100%`, before.length)).toEqual(expected)
})
