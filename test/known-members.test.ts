import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { suggest as suggestFiles } from '../src/api.js'
import { loadRegistry } from '../src/load/registry.js'
import { annotatedIn, knownMembers } from '../src/suggest/known-members.js'
import { suggest } from '../src/suggest/suggest.js'

const registryText = `metrics:
  water.drinking_source_class:
    label: { zh: 饮用水水源地水质类别, en: Water quality class of drinking water sources }
    kind: class
    unit: "1"
    better: lower
    dimensions:
      site:
        label: { zh: 水源地, en: Water source }
  water.section_good_ratio:
    label: { zh: 断面水质优良率, en: Share of sections of good water }
    kind: percent
    unit: "%"
    better: higher
    aliases: [水质优良率]
    dimensions:
      site:
        label: { zh: 断面, en: Section }
  water.orchards_cleared:
    label: { zh: 水源保护区果林清退面积, en: Orchards cleared from source protection zones }
    kind: quantity
    unit: m2
    better: higher
    aliases: [果林清退]
    dimensions:
      site:
        label: { zh: 水源地, en: Water source }
  sea.measures:
    label: { zh: 综合治理措施数, en: Measures of the comprehensive cleanup }
    kind: count
    unit: "1"
    better: neutral
    aliases: [综合治理工作措施]
    dimensions:
      type:
        label: { zh: 类型, en: Type }
`
const registry = { path: 'source/metrics.yaml', text: registryText }
const loaded = loadRegistry(registry.path, registryText).registry
if (!loaded) throw new Error('the test registry does not load')

// A report of the collection that annotates the places (and the kinds of measure) a new report names.
const collection = {
  path: 'source/earlier.md',
  text: `---
title: 测试市2024年报告
issuer: 测试局
entity: 测试市
period: "2024"
language: zh-CN
slug: earlier
---

甲水库水质为:fact[Ⅱ类]{metric=water.drinking_source_class site=甲水库},乙水库水质为:fact[Ⅲ类]{metric=water.drinking_source_class site="乙水库"}。

:fact[10项]{metric=sea.measures type=工程措施}工程措施,:fact[2项]{metric=sea.measures type=工作任务}工作任务。
`
}

describe('knownMembers', () => {
  test('reads the members of declared dimensions from the annotations, quoted or not, once each', () => {
    const known = knownMembers(annotatedIn([collection, collection]), loaded)
    expect(Object.fromEntries(known)).toEqual({
      甲水库: [{ metric: 'water.drinking_source_class', dimension: 'site' }],
      乙水库: [{ metric: 'water.drinking_source_class', dimension: 'site' }],
      工程措施: [{ metric: 'sea.measures', dimension: 'type' }],
      工作任务: [{ metric: 'sea.measures', dimension: 'type' }]
    })
  })

  test('leaves out attributes no dimension of the metric declares, metrics the registry does not know, and members of one character', () => {
    const text =
      ':fact[1]{metric=water.section_good_ratio basin=九龙江} :fact[2]{metric=unknown.metric site=丙水库} :fact[3]{site=丁水库} :fact[4]{metric=water.section_good_ratio site=戊}'
    expect(knownMembers(annotatedIn([{ text }]), loaded).size).toBe(0)
  })

  test('knows the members a closed dimension lists before any report names them', () => {
    const closed = registryText.replace(
      '        label: { zh: 水源地, en: Water source }\n  water.section_good_ratio:',
      '        label: { zh: 水源地, en: Water source }\n        values: [丙水库, 甲水库]\n  water.section_good_ratio:'
    )
    const withValues = loadRegistry(registry.path, closed).registry
    if (!withValues) throw new Error('the registry with a closed dimension does not load')
    expect(Object.fromEntries(knownMembers(annotatedIn([collection]), withValues))).toEqual({
      甲水库: [{ metric: 'water.drinking_source_class', dimension: 'site' }],
      乙水库: [{ metric: 'water.drinking_source_class', dimension: 'site' }],
      丙水库: [{ metric: 'water.drinking_source_class', dimension: 'site' }],
      工程措施: [{ metric: 'sea.measures', dimension: 'type' }],
      工作任务: [{ metric: 'sea.measures', dimension: 'type' }]
    })
    const report = {
      path: 'source/later.md',
      text: `${collection.text.replace('slug: earlier', 'slug: later').split('---\n\n')[0] ?? ''}---\n\n丙水库水质稳定保持Ⅱ类。\n`
    }
    const [found] = suggest(
      { reports: [report], registry: { path: registry.path, text: closed } },
      { annotated: new Set() }
    )
    expect(found?.untagged.map((item) => item.proposal)).toEqual([
      ':fact[Ⅱ类]{metric=water.drinking_source_class site=丙水库}'
    ])
  })
})

describe('suggest puts a figure in the series the collection annotates', () => {
  const front =
    '---\ntitle: 测试市2025年报告\nissuer: 测试局\nentity: 测试市\nperiod: "2025"\nlanguage: zh-CN\nslug: later\n---\n\n'
  // [the new report's sentence, the proposals with the collection, without it]
  test.each<[string, string[], string[]]>([
    // A place the collection annotates decides a metric the words do not name.
    [
      '甲水库水质稳定保持Ⅱ类。',
      [':fact[Ⅱ类]{metric=water.drinking_source_class site=甲水库}'],
      [':fact[Ⅱ类]{metric=?}']
    ],
    // Places named together each have the level, as after 均.
    [
      '饮用水水源地甲水库、乙水库水质稳定保持Ⅱ类。',
      [
        ':fact[:fact[Ⅱ类]{metric=water.drinking_source_class site=乙水库}]{metric=water.drinking_source_class site=甲水库}'
      ],
      [':fact[Ⅱ类]{metric=water.drinking_source_class}']
    ],
    // After 双双, the places decide the metric the last name's words only lean to.
    [
      '甲水库、乙水库水质类别双双提升为Ⅱ类。',
      [
        ':fact[:fact[Ⅱ类]{metric=water.drinking_source_class site=乙水库}]{metric=water.drinking_source_class site=甲水库}'
      ],
      [':fact[:fact[Ⅱ类]{metric=? site=乙水库}]{metric=? site=甲水库}']
    ],
    // What a count counts follows it; the kind the figure before counts is its own.
    [
      '实施综合治理工作措施12项工程措施和3项工作任务。',
      [':fact[12项]{metric=sea.measures type=工程措施}', ':fact[3项]{metric=sea.measures type=工作任务}'],
      [':fact[12项]{metric=sea.measures}', ':fact[3项]{metric=sea.measures}']
    ],
    // Each clause names its own place: the kind the figure before ends with its clause.
    [
      '甲水库水质为Ⅱ类，乙水库水质为Ⅲ类。',
      [
        ':fact[Ⅱ类]{metric=water.drinking_source_class site=甲水库}',
        ':fact[Ⅲ类]{metric=water.drinking_source_class site=乙水库}'
      ],
      [':fact[Ⅱ类]{metric=?}', ':fact[Ⅲ类]{metric=?}']
    ],
    // A place under another metric, which does not take the figure, adds nothing.
    [
      '甲水库水质优良率100%。',
      [':fact[100%]{metric=water.section_good_ratio}'],
      [':fact[100%]{metric=water.section_good_ratio}']
    ],
    // Places named before a quantity are its total, not each one's: the place is not proposed.
    [
      '甲水库、乙水库共完成果林清退4675亩。',
      [':fact[4675亩]{metric=water.orchards_cleared}'],
      [':fact[4675亩]{metric=water.orchards_cleared}']
    ]
  ])('%s', (sentence, withCollection, alone) => {
    const report = { path: 'source/later.md', text: front + sentence + '\n' }
    const proposals = (context: Parameters<typeof suggest>[1]) =>
      suggest({ reports: [report], registry }, context)[0]?.untagged.map((item) => item.proposal)
    expect(proposals({ annotated: annotatedIn([collection, report]) })).toEqual(withCollection)
    expect(proposals({})).toEqual(alone)
  })

  test('suggest on a file reads the annotations of the source folder it is given', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'factmark-known-'))
    mkdirSync(path.join(cwd, 'source'))
    writeFileSync(path.join(cwd, 'source/metrics.yaml'), registryText)
    writeFileSync(path.join(cwd, 'source/earlier.md'), collection.text)
    writeFileSync(path.join(cwd, 'later.txt'), '甲水库水质稳定保持Ⅱ类。\n')
    const [result] = await suggestFiles({ src: 'source', files: ['later.txt'], cwd })
    expect(result?.untagged.map((item) => item.proposal)).toEqual([
      ':fact[Ⅱ类]{metric=water.drinking_source_class site=甲水库}'
    ])
  })
})
