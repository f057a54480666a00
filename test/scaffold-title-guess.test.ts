import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { frontMatterText } from '../src/scaffold/front-matter-text.js'
import { guessFromTitle, type TitleGuess } from '../src/scaffold/title-guess.js'
import { loadReport } from '../src/load/front-matter.js'

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

describe('the front matter written from any title', () => {
  const title = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc
      .tuple(
        fc.constantFrom('厦门市', '福建省', '深圳市龙岗区', '国务院', 'X: ', '"', "'", '#', '- ', '', '　'),
        fc.constantFrom('生态环境局', '人民政府', '', ': yes', '[a]'),
        fc.constantFrom('2024年', '二〇二四年', '2021—2025年', '9999年', '0000年', '年', ''),
        fc.constantFrom('工作总结', '政府工作报告', '工作要点', '', ' #x')
      )
      .map((parts) => parts.join(''))
  )

  test('reads back as the fields it was written from; a field not guessed fails with front-matter-invalid', () => {
    fc.assert(
      fc.property(title, (printed) => {
        const guess = guessFromTitle(printed)
        const fields = { title: printed === '' ? undefined : printed, ...guess, slug: 'a-2024' }
        const loaded = loadReport('source/a.md', frontMatterText(fields))
        const missing = (['title', 'issuer', 'entity', 'period'] as const).filter((key) => fields[key] === undefined)
        const rules = loaded.file.messages.map((message) => `${message.line} ${message.ruleId}`)
        const line = { title: 2, issuer: 3, entity: 4, period: 5 }
        expect(rules).toEqual(missing.map((key) => `${line[key]} front-matter-invalid`))
        if (missing.length === 0)
          expect(loaded.frontMatter).toEqual({
            title: fields.title,
            issuer: fields.issuer,
            entity: fields.entity,
            period: fields.period,
            language: 'zh-CN',
            slug: 'a-2024'
          })
      }),
      { numRuns: 1000 }
    )
  })
})
