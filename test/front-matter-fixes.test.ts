import { expect, test } from 'vitest'
import { compileSources } from '../src/compile/compile-sources.js'
import { frontMatterFixes } from '../src/diagnostics/front-matter-fixes.js'

const registry = { path: 'source/metrics.yaml', text: 'metrics: {}\n' }
const front = (lines: string) => `---\n${lines}\n---\n\n正文。\n`
const valid = 'title: 测试市2025年报告\nissuer: 测试局\nentity: 测试市\nperiod: "2025"\nlanguage: zh-CN\nslug: report'

// [what is wrong, the report's text, the fix each front-matter-invalid message carries]
test.each<[string, string, Array<keyof typeof frontMatterFixes>]>([
  ['no front matter', '正文。\n', ['missing']],
  ['not closed', '---\ntitle: 测试\n\n正文。\n', ['notClosed']],
  ['a key indented', front(valid.replace('issuer:', ' issuer:')), ['yaml']],
  ['a key missing', front(valid.replace('issuer: 测试局\n', '')), ['schema']],
  ['a period as a number', front(valid.replace('"2025"', '2025')), ['value']],
  ['an unknown key', front(valid.replace('slug: report', 'slug: report\nauthor: 测试')), ['schema']],
  ['a reserved slug', front(valid.replace('slug: report', 'slug: series')), ['slugReserved']]
])('%s', (_why, text, fixes) => {
  const { diagnostics } = compileSources({ reports: [{ path: 'source/report.md', text }], registry })
  const told = diagnostics.filter((diagnostic) => diagnostic.ruleId === 'front-matter-invalid')
  expect(told.map((diagnostic) => diagnostic.fix)).toEqual(fixes.map((fix) => frontMatterFixes[fix]))
})

test('a report whose slug another keeps is told to take its own', () => {
  const reports = ['source/report.md', 'source/report-copy.md'].map((path) => ({ path, text: front(valid) }))
  const { diagnostics } = compileSources({ reports, registry })
  const told = diagnostics.filter((diagnostic) => diagnostic.ruleId === 'front-matter-invalid')
  expect(told.map(({ file, fix }) => [file, fix])).toEqual([['source/report-copy.md', frontMatterFixes.slugTaken]])
})

// [the report's text, where the message about the missing closing line points]
test.each<[string, string]>([
  ['---\ntitle: 测试\nslug: a\n\n# 测试市报告\n\n正文。\n', '4:1'],
  ['---\ntitle: 测试\nignore:\n  - 2025年,\n正文。\n', '5:1'],
  ['---\n正文。\n', '2:1'],
  // A front matter that ends the file: its end, never a line the file does not have.
  ['---\ntitle: 测试', '2:10'],
  ['---\n\u0000{% if %}', '2:10']
])('a front matter not closed is told where its closing line belongs: %j', (text, place) => {
  const { diagnostics } = compileSources({ reports: [{ path: 'source/report.md', text }], registry })
  const told = diagnostics.find((diagnostic) => diagnostic.ruleId === 'front-matter-invalid')
  expect(told && `${told.line}:${told.column}`).toBe(place)
})
