import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { compileSources } from '../src/compile/compile-sources.js'

// remark parses an image's description and then keeps only its text, so an annotation there used to
// vanish from the data without a word.
test('a fact in the description of an image is reported, not silently dropped', () => {
  const registry = {
    path: 'metrics.yaml',
    text: readFileSync(new URL('fixtures/metrics.yaml', import.meta.url), 'utf8')
  }
  // prettier-ignore
  const text = [
    '---\ntitle: 测试\nissuer: 测试局\nentity: 测试市\nperiod: "2025"\nlanguage: zh-CN\nslug: test\n---\n',
    '图片![案件:fact[3件]{metric=enforcement.cases}](chart.png)与引用式图片![:fact[4件]{metric=enforcement.cases}][chart]。',
    '',
    '[chart]: chart.png',
    ''
  ].join('\n')
  const result = compileSources({ reports: [{ path: 'report.md', text }], registry, checkUnusedMetrics: false })
  const message =
    'A fact inside the description of an image is not read: the description is plain text, for readers who cannot see the image; write the figure in the text beside it'
  expect(
    result.diagnostics.map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.message} [${d.ruleId}]`)
  ).toEqual([`10:7-10:42 ${message} [fact-not-inline]`, `10:62-10:97 ${message} [fact-not-inline]`])
})
