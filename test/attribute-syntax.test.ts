import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { attributeSyntaxError } from '../src/remark/attribute-syntax.js'
import { compileSources } from '../src/compile/compile-sources.js'

const dropped = 'so none of the attributes in these braces is read'

// The braces after a label, the attribute at fault (as written) and what is said about it;
// undefined when the braces read.
// prettier-ignore
const rows: [string, string | undefined, string | undefined][] = [
  ['{metric=air.pm25 value=}', 'value=', `value= is empty, ${dropped}: give it a value (value="…") or remove it`],
  ['{metric=air.pm25 value= unit=吨}', 'value=', `value= is empty, ${dropped}: give it a value (value="…") or remove it`],
  ['{metric= unit=吨}', 'metric=', `metric= is empty, ${dropped}: give it a value (metric="…") or remove it`],
  ['{metric=air.pm25 value=\n}', 'value=', `value= is empty, ${dropped}: give it a value (value="…") or remove it`],
  ['{metric=a=b}', 'metric=a=', `The value of metric holds "=", ${dropped}: put the value in quotes (metric="…")`],
  ['{metric=air.good_days_ratio,period=2024}', ',', `A comma parts metric from period, ${dropped}: part attributes with spaces (metric=… period=…)`],
  ['{metric=air.pm25，period=2024 unit=微克}', '，', `A comma parts metric from period, ${dropped}: part attributes with spaces (metric=… period=…)`],
  ['{site=甲,乙=x}', 'site=甲,乙=', `The value of site holds "=", ${dropped}: put the value in quotes (site="…")`],
  ['{site=<b>}', 'site=<', `The value of site holds "<", ${dropped}: put the value in quotes (site="…")`],
  ['{site=a`b}', 'site=a`', `The value of site holds "\`", ${dropped}: put the value in quotes (site="…")`],
  ['{site="隘头潭}', 'site="', `The quoted value of site is not closed, ${dropped}: end it with the same quote`],
  ['{site="隘头潭"metric=x}', 'site="隘头潭"m', `The quoted value of site runs into the next character, ${dropped}: put a space after the closing quote`],
  ['{断面=x metric=y}', '断面', `"断面" is not an attribute name (ASCII letters, digits, -, ., : and _), ${dropped}`],
  ['{metric=y site断面=x}', '断面', `"site断面" is not an attribute name (ASCII letters, digits, -, ., : and _), ${dropped}`],
  ['{# metric=y}', '#', `"#" is not followed by a name, ${dropped}`],
  ['{#a=b metric=y}', '#a=', `The value of id holds "=", ${dropped}: put the value in quotes (id="…")`],
  ['{metric=y', '{', `These braces are not closed before the paragraph ends, ${dropped}: end them with "}"`],
  ['{metric=y\n\nnext paragraph}', '{', `These braces are not closed before the paragraph ends, ${dropped}: end them with "}"`],
  ['{metric=y，共:fact[30件]{metric=z}', '{', `These braces are not closed before the next annotation, ${dropped}: end them with "}"`],
  ['{metric=y 共:fact[30件]', '{', `These braces are not closed before the next annotation, ${dropped}: end them with "}"`],
  ['{metric=y}，共:fact[30件]{metric=z', undefined, undefined],
  ['{metric=a=b}，:fact[30件]{metric=z}', 'metric=a=', `The value of metric holds "=", ${dropped}: put the value in quotes (metric="…")`],
  ['{metric=air.pm25 unit=微克/立方米}', undefined, undefined],
  ['{metric="air.pm25" site=\'隘头 潭\' #id .class flag}', undefined, undefined],
  ['no braces', undefined, undefined]
]

describe('attributeSyntaxError', () => {
  test.each(rows)('%j', (braces, fault, message) => {
    const source = `:fact[17.4]${braces}`
    const error = attributeSyntaxError(source, ':fact[17.4]'.length)
    expect(error && { fault: source.slice(error.start, error.end), message: error.message }).toStrictEqual(
      fault === undefined ? undefined : { fault, message }
    )
  })
})

test('an empty value= is reported where it stands, not as a fact without a metric', () => {
  const registry = {
    path: 'metrics.yaml',
    text: readFileSync(new URL('fixtures/metrics.yaml', import.meta.url), 'utf8')
  }
  const text =
    '---\ntitle: 测试\nissuer: 测试局\nentity: 测试市\nperiod: "2025"\nlanguage: zh-CN\nslug: test\n---\n\nPM2.5浓度为:fact[17.4]{metric=air.pm25 unit=微克/立方米 value=}。\n'
  const result = compileSources({ reports: [{ path: 'report.md', text }], registry, checkUnusedMetrics: false })
  expect(
    result.diagnostics.map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.message} [${d.ruleId}]`)
  ).toEqual([`10:49-10:55 value= is empty, ${dropped}: give it a value (value="…") or remove it [attribute-invalid]`])
})
