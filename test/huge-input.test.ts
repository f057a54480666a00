import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { compileSources } from '../src/compile/compile-sources.js'
import { formatText } from '../src/cli/format/text.js'

// The hostile inputs of the issue that asked for linear time, at their size: each either compiles or is refused
// with input-limit. Timings are for bench/hostile.mjs; here a return to quadratic time shows as a test timeout.
const registry = {
  path: 'metrics.yaml',
  text: readFileSync(new URL('fixtures/seed/metrics.yaml', import.meta.url), 'utf8')
}
const frontMatter =
  '---\ntitle: 测试\nissuer: 测试局\nentity: 厦门市\nperiod: "2025"\nlanguage: zh-CN\nslug: test\n---\n\n'
const compile = (body: string) =>
  compileSources({ reports: [{ path: 'report.md', text: frontMatter + body }], registry, checkUnusedMetrics: false })
const rulesOf = (result: ReturnType<typeof compile>) => {
  const counts: Record<string, number> = {}
  for (const d of result.diagnostics) counts[d.ruleId] = (counts[d.ruleId] ?? 0) + 1
  return counts
}

describe('hostile and huge reports', () => {
  // prettier-ignore
  test.each([
    ['a list nested 1,000 deep', () => Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- a\n`).join(''), '42:1 Block quotes and lists nest 33 deep here'],
    ['100,000 > markers', () => `${'>'.repeat(100_000)} x\n`, '10:1 Block quotes and lists nest 100000 deep here'],
    ['20,000 nested *_', () => `${'*_'.repeat(20_000)}x${'_*'.repeat(20_000)}\n`, '10:1002 This paragraph has more than 1000 runs of * or _ that could close emphasis'],
    ['nesting that only the tree shows', () => `${Array.from({ length: 120 }, (_, i) => `${i % 2 ? '_' : '*'}甲 `).join('')}深${Array.from({ length: 120 }, (_, i) => ` 乙${i % 2 ? '*' : '_'}`).join('')}\n`, '10:296 The text nests more than 100 levels deep here'],
    ['a report of 20 MB', () => '全年办理案件92件。\n\n'.repeat(700_000), '1:1 The report is 18.7 MB']
  ])('%s is refused at its place', (_name, make, start) => {
    const result = compile(make())
    expect(result.diagnostics).toHaveLength(1)
    const [d] = result.diagnostics
    expect(`${d?.line}:${d?.column} ${d?.message}`.startsWith(start), d?.message).toBe(true)
    expect(d?.ruleId).toBe('input-limit')
    expect(result.coverage).toEqual([{ path: 'report.md', tagged: 0, untagged: 0, read: false }])
  })

  test('a 1 MB line of untagged figures: every figure reported, and printed with a frame each', () => {
    const text = `${'今年完成12.5万吨,同比下降3.2个百分点,'.repeat(16_000)}\n`
    const result = compile(text)
    expect(rulesOf(result)).toEqual({ 'untagged-figure': 32_000 })
    const sources = new Map(result.files.map((file) => [file.path, String(file.value)]))
    const printed = formatText(result.diagnostics, sources, { verbose: true })
    expect(printed.split('\n').filter((line) => line.startsWith('  10 | '))).toHaveLength(32_000)
    // Without --verbose, the first stands for them all.
    const quiet = formatText(result.diagnostics, sources).split('\n')
    expect(quiet.filter((line) => line.startsWith('  10 | '))).toHaveLength(1)
    expect(quiet).toContain('… and 31999 more untagged-figure warnings in report.md (--verbose lists them)')
  })

  test('20,000 conflicting facts: one inconsistent-duplicate naming three places and how many more', () => {
    const text = `${Array.from({ length: 20_000 }, (_, i) => `:fact[${(i % 500) / 10}]{metric=air.pm25 unit=微克/立方米}`).join(',')}\n`
    const result = compile(text)
    expect(rulesOf(result)).toEqual({ 'inconsistent-duplicate': 1 })
    expect(result.diagnostics[0]?.message).toMatch(/and 19996 more; the values disagree at the precision written$/)
  })

  // prettier-ignore
  test.each([
    ['a word of 250,000 letters', 'a'.repeat(250_000), {}],
    // More digits than a value keeps exactly: not a figure to suggest.
    ['250,000 digits', '1'.repeat(250_000), {}],
    ['100,000 Chinese numerals', '十一'.repeat(50_000), {}],
    ['10,000 unclosed annotations on one line', ':fact['.repeat(10_000), { 'label-unparseable': 10_000 }]
  ])('%s compiles', (_name, body, rules) => {
    expect(rulesOf(compile(`${body}\n`))).toEqual(rules)
  })
})
