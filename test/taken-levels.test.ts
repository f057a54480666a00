import { expect, test } from 'vitest'
import { suggest } from '../src/suggest/suggest.js'

// One rank metric only, as a new project's registry may have: the guess for any rank near 排名 is it.
const registry = {
  path: 'source/metrics.yaml',
  text: `metrics:
  air.aqi_rank:
    label: { zh: 空气质量综合指数全国排名, en: National rank by air quality composite index }
    definition: { zh: 在全国重点城市中的排名。, en: Rank among the key cities. }
    kind: rank
    unit: "1"
    better: lower
    aliases: [排名]
  air.good_days_ratio:
    label: { zh: 空气质量优良天数比例, en: Share of days of good air quality }
    definition: { zh: 优良天数占有效监测天数的百分比。, en: Good days as a percentage of the days monitored. }
    kind: percent
    unit: "%"
    better: higher
    aliases: [优良率]
`
}
const front =
  '---\ntitle: 测试市2023年报告\nissuer: 测试局\nentity: 测试市\nperiod: "2023"\nlanguage: zh-CN\nslug: report\n---\n\n'

// [the report's text, the proposals]
test.each<[string, string[]]>([
  // A second rank of another value would contradict the first: left to the editor.
  [
    '在全国168个重点城市中排名第7,优良率99.7%并列全国第一。',
    [
      ':fact[168个]{metric=?}',
      ':fact[第7]{metric=air.aqi_rank}',
      ':fact[99.7%]{metric=air.good_days_ratio}',
      ':fact[第一]{metric=?}'
    ]
  ],
  // The same, where the first is already annotated.
  [
    '排名:fact[第7]{metric=air.aqi_rank},优良率99.7%并列全国第一。',
    [':fact[99.7%]{metric=air.good_days_ratio}', ':fact[第一]{metric=?}']
  ],
  // The same value said again is no contradiction; another year's is another level.
  ['全国排名第7,继续保持全国排名第七。', [':fact[第7]{metric=air.aqi_rank}', ':fact[第七]{metric=air.aqi_rank}']],
  [
    '2022年全国排名第9。2023年全国排名第7。',
    [':fact[第9]{metric=air.aqi_rank period=2022}', ':fact[第7]{metric=air.aqi_rank}']
  ]
])('%s', (sentence, proposals) => {
  const [result] = suggest({ reports: [{ path: 'source/report.md', text: front + sentence + '\n' }], registry })
  expect(result?.untagged.filter((item) => !item.ignore).map((item) => item.proposal)).toEqual(proposals)
})
