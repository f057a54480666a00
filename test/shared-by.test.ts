import { expect, test } from 'vitest'
import { placesOf, sharedBy } from '../src/extract/shared-figure.js'

// [text before the figure, the things it is said of]; the figure follows the text.
test.each<[string, string[] | undefined]>([
  ['坂头-石兜水库、汀溪水库水质类别双双首次提升为', ['坂头-石兜水库', '汀溪水库水质类别']],
  ['甲断面和乙断面都稳定达到', ['甲断面', '乙断面']],
  ['危险废物、医疗废物处置率均已达到', ['危险废物', '医疗废物处置率']],
  // 都 that ends a name (首都, 成都) says nothing of each; nor do three adverbs, or a verb not listed.
  ['北京、首都', undefined],
  ['重庆、成都', undefined],
  ['甲断面、乙断面均首次持续稳定提升为', undefined],
  ['甲断面、乙断面均下降至', undefined],
  ['危险废物处置率、医疗废物处置率均为', ['危险废物处置率', '医疗废物处置率']],
  [
    '全年,主要流域国省考断面水质优良比例、小流域省控及“以奖促治”断面水质达标率均保持',
    ['主要流域国省考断面水质优良比例', '小流域省控', '“以奖促治”断面水质达标率']
  ],
  ['甲断面以及乙断面均达到', ['甲断面', '乙断面']],
  // A count of the figures says each too, when it counts the things named.
  [
    '饮用水水源地、主要流域国省控断面、小流域省考及“以奖促治”断面水质达标率保持“四个',
    ['饮用水水源地', '主要流域国省控断面', '小流域省考', '“以奖促治”断面水质达标率']
  ],
  ['甲断面、乙断面均保持两个', ['甲断面', '乙断面']],
  ['甲断面、乙断面保持“三个', undefined],
  // 及 inside a word joins nothing.
  ['涉及甲、乙两个断面的达标率均为', ['涉及甲', '乙两个断面的达标率']],
  ['及时处置率、办结率均为', ['及时处置率', '办结率']],
  ['昼间和夜间达标率均达到', ['昼间', '夜间达标率']],
  ['甲、乙、丙三个断面均', ['甲', '乙', '丙三个断面']],
  // One thing named, none, or 均 not right before the figure.
  ['各项指标均为', undefined],
  ['水质均为优,达标率为', undefined],
  ['达标率为', undefined],
  // A clause with markup in it is not read.
  [':fact[92件]{metric=enforcement.cases}、其余均为', undefined]
])('%s', (before, expected) => {
  expect(sharedBy(`${before}100%`, before.length)?.names).toEqual(expected)
})

test.each<[string, string]>([
  ['甲断面、乙断面均为', '均'],
  ['甲水库、乙水库双双提升为', '双双'],
  ['甲和乙都是', '都'],
  ['甲、乙、丙保持“三个', '三个']
])('%s says each by %s', (before, word) => {
  expect(sharedBy(`${before}Ⅱ类`, before.length)?.word).toBe(word)
})

// [the things named, the places and the metric's words after the last]
test.each<[string[], { places: string[]; words: string } | undefined]>([
  [['坂头-石兜水库', '汀溪水库水质类别'], { places: ['坂头-石兜水库', '汀溪水库'], words: '水质类别' }],
  [['甲断面', '乙断面', '丙断面水质'], { places: ['甲断面', '乙断面', '丙断面'], words: '水质' }],
  // Names of metrics: the last ends as the others do, with nothing after.
  [['危险废物处置率', '医疗废物处置率'], undefined],
  // The others end differently, or the first is too short to have an ending of its own.
  [['主要流域国省考断面水质优良比例', '小流域断面水质达标率'], undefined],
  [['甲断面', '乙水库水质'], undefined],
  [['昼间', '夜间达标率'], undefined]
])('%j', (names, expected) => {
  expect(placesOf(names)).toEqual(expected)
})
