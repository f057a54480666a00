import { describe, expect, test } from 'vitest'
import { renderArtifacts } from '../src/build/render-artifacts.js'
import { compileSources } from '../src/compile/compile-sources.js'
import { seedRegistry } from './helpers/seed.js'
import { textArtifacts } from './helpers/seed-build.js'

// One figure that states several metrics (断面水质优良率、小流域断面达标率均保持100%) is annotated once for each,
// one annotation in the label of the other: a fact of each metric, one figure tagged, one link and
// one tooltip on the page that says each, and the text as printed in report.md.
const report = (body: string) => ({
  path: 'source/shared.md',
  text: `---
title: 测试
issuer: 测试局
entity: 厦门市
period: "2025"
language: zh-CN
slug: shared
---

${body}
`
})
const two =
  '断面水质优良率、小流域断面达标率均保持:fact[:fact[100%]{metric=water.small_basin_compliance}]{metric=water.section_good_ratio}。'
const three =
  '三项均为:fact[:fact[:fact[100%]{metric=water.small_basin_compliance}]{metric=water.section_good_ratio}]{metric=water.function_zone_compliance}。'

const built = (body: string) => {
  const result = compileSources({ reports: [report(body)], registry: seedRegistry, checkUnusedMetrics: false })
  return { result, artifacts: textArtifacts(renderArtifacts(result)) }
}

describe('one figure, several metrics', () => {
  test('is a fact of each metric, read from the same figure, and one figure tagged', () => {
    const { result } = built(two)
    expect(result.diagnostics).toEqual([])
    const facts = result.reports[0]?.bundle.facts ?? []
    expect(
      facts.map((fact) => [fact.metric, fact.value, fact.text, fact.source.column, fact.source.endColumn])
    ).toEqual([
      ['water.section_good_ratio', 100, '100%', 20, 108],
      ['water.small_basin_compliance', 100, '100%', 26, 74]
    ])
    expect(result.coverage).toEqual([{ path: 'source/shared.md', tagged: 1, untagged: 0 }])
  })

  test('report.md gives back the text as printed', () => {
    expect(built(two).artifacts.get('shared/report.md')?.split('\n').at(-2)).toBe(
      '断面水质优良率、小流域断面达标率均保持100%。'
    )
    expect(built(three).artifacts.get('shared/report.md')?.split('\n').at(-2)).toBe('三项均为100%。')
  })

  test('the page links the figure once, and its one tooltip says each fact', () => {
    const page = built(three).artifacts.get('shared/index.html') ?? ''
    const figure = page.slice(page.indexOf('三项均为'), page.indexOf('。</p>', page.indexOf('三项均为')))
    expect(figure.match(/<data class="fact" id="[^"]+"/g)).toEqual([
      '<data class="fact" id="water.function_zone_compliance@2025"',
      '<data class="fact" id="water.section_good_ratio@2025"',
      '<data class="fact" id="water.small_basin_compliance@2025"'
    ])
    expect(figure.match(/<a [^>]*>/g)).toEqual([
      '<a href="#row%3Awater.small_basin_compliance%402025" aria-describedby="tip-1">'
    ])
    expect(figure.match(/role="tooltip"/g)).toHaveLength(1)
    const tooltip = /<span class="tip" id="tip-1" role="tooltip">([\s\S]*)<\/span><\/data>/.exec(figure)?.[1] ?? ''
    expect(tooltip.replace(/<span class="tip-definition">[^<]*<\/span>/g, '').split('<br>')).toEqual([
      '小流域省控断面达标率 · 100% · 2025 · 厦门市',
      '主要流域国省控断面水质优良比例 · 100% · 2025 · 厦门市',
      '水环境功能区达标率 · 100% · 2025 · 厦门市'
    ])
  })
})
