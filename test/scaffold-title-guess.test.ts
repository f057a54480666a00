import { describe, expect, test } from 'vitest'
import { guessFromTitle, type TitleGuess } from '../src/scaffold/title-guess.js'

const workReportReason =
  'a government work report delivered in 2024 reviews 2023; its targets for 2024 take period=2024'

describe('front matter guessed from a title', () => {
  // prettier-ignore
  test.each<[string, TitleGuess, string]>([
    ['厦门市生态环境局2022年工作总结', { issuer: '厦门市生态环境局', entity: '厦门市', period: '2022' }, 'a bureau of a city and the year its work is summed up'],
    ['厦门市生态环境局2024年工作要点', { issuer: '厦门市生态环境局', entity: '厦门市', period: '2024' }, 'a plan is of the year it names'],
    ['福建省人民政府2024年政府工作报告', { issuer: '福建省人民政府', entity: '福建省', period: '2023', periodReason: workReportReason }, 'a work report reviews the year before it is delivered'],
    ['国务院2024年政府工作报告', { issuer: '国务院', period: '2023', periodReason: workReportReason }, 'a body named without a division: no entity'],
    ['深圳市龙岗区人民政府2023年工作报告', { issuer: '深圳市龙岗区人民政府', entity: '深圳市龙岗区', period: '2023' }, 'a district of a city'],
    ['新疆维吾尔自治区生态环境厅2023年工作总结', { issuer: '新疆维吾尔自治区生态环境厅', entity: '新疆维吾尔自治区', period: '2023' }, 'an autonomous region'],
    ['厦门市城市管理行政执法局2024年工作总结', { issuer: '厦门市城市管理行政执法局', entity: '厦门市', period: '2024' }, '城市 in a body’s name is not a city'],
    ['厦门市2023年国民经济和社会发展统计公报', { entity: '厦门市', period: '2023' }, 'a division alone publishes nothing: the issuer is asked for'],
    ['厦门市生态环境局2024年度工作总结', { issuer: '厦门市生态环境局', entity: '厦门市', period: '2024' }, '年度 as 年'],
    ['厦门市生态环境局二〇二四年工作要点', { issuer: '厦门市生态环境局', entity: '厦门市', period: '2024' }, 'a year in Chinese digits'],
    ['厦门市2021—2025年生态环境保护规划', { entity: '厦门市', period: '2021/2025' }, 'a span of years is an interval'],
    ['厦门市生态环境局工作总结', { issuer: '厦门市生态环境局', entity: '厦门市' }, 'no year: the period is asked for'],
    ['关于2024年工作的报告', { period: '2024' }, 'words before the year that name no body'],
    ['工作总结', {}, 'nothing to guess']
  ])('%s', (title, guess) => {
    expect(guessFromTitle(title)).toEqual(guess)
  })
})
