import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { toHtml } from 'hast-util-to-html'
import type { Root } from 'mdast'
import { toHast } from 'mdast-util-to-hast'
import { toString } from 'mdast-util-to-string'
import remarkDirective from 'remark-directive'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import ts from 'typescript'
import { unified, type PluggableList } from 'unified'
import { visit } from 'unist-util-visit'
import { VFile } from 'vfile'
import { describe, expect, test } from 'vitest'
import remarkFact, { factHandler, readRegistry, type Registry, type RemarkFactOptions } from '../src/remark/index.js'
import { compileSources } from '../src/compile/compile-sources.js'

const defaults = { period: '2025', entity: '厦门市' }

/** Run a plain pipeline on a text: the tree after the plugin, and the file with its facts and messages. */
function run(
  markdown: string,
  options: RemarkFactOptions = { defaults },
  plugins: PluggableList = []
): { tree: Root; file: VFile } {
  const processor = unified().use(remarkParse).use(plugins).use(remarkFact, options)
  const file = new VFile({ path: 'report.md', value: markdown })
  const tree = processor.runSync(processor.parse(file), file)
  return { tree, file }
}

const messages = (file: VFile) =>
  file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.reason}`)

const registry: Registry = {
  metrics: new Map([
    [
      'air.pm25',
      {
        label: { zh: 'PM2.5年均浓度', en: 'PM2.5' },
        kind: 'quantity',
        unit: 'ug/m3',
        better: 'lower',
        range: { min: 0, max: 500 }
      }
    ],
    ['waste.total', { label: { zh: '固体废物总量', en: 'Solid waste' }, kind: 'quantity', unit: 't', better: 'lower' }]
  ]),
  calculations: []
}

describe('remarkFact in a plain unified pipeline', () => {
  test('puts the facts on file.data, read from label and attributes', () => {
    const { file } = run(
      'PM2.5浓度为:fact[17.4]{metric=air.pm25 unit=微克/立方米},下降:fact[5.4%]{metric=air.pm25 aspect=decrease}。'
    )
    expect(messages(file)).toEqual([])
    expect(
      file.data.facts?.map(({ id, value, unit, aspect, text, period, entity }) => ({
        id,
        value,
        unit,
        aspect,
        text,
        period,
        entity
      }))
    ).toEqual([
      {
        id: 'air.pm25@2025',
        value: 17.4,
        unit: 'ug/m3',
        aspect: 'level',
        text: '17.4',
        period: '2025',
        entity: '厦门市'
      },
      {
        id: 'air.pm25@2025:relative-change',
        value: -5.4,
        unit: '%',
        aspect: 'relative-change',
        text: '5.4%',
        period: '2025',
        entity: '厦门市'
      }
    ])
    expect(file.data.facts?.[0]?.source).toEqual({
      file: 'report.md',
      line: 1,
      column: 9,
      offset: 8,
      endLine: 1,
      endColumn: 49,
      endOffset: 48
    })
  })

  test('marks each annotation with its fact', () => {
    const { tree, file } = run('值:fact[1159万吨]{metric=waste.total}')
    const marked: unknown[] = []
    visit(tree, 'textDirective', (node) => {
      marked.push(node.data?.fact)
    })
    expect(marked).toEqual(file.data.facts)
  })

  test('without a registry, a metric is what its figures say, and its facts must agree', () => {
    const { file } = run(
      ':fact[1159万吨]{metric=waste.total}、:fact[3吨]{metric=waste.total site=甲}、:fact[50%]{metric=waste.total period=2024}'
    )
    expect(file.data.facts?.map((fact) => [fact.value, fact.unit, fact.dimensions])).toEqual([
      [11590000, 't', {}],
      [3, 't', { site: '甲' }]
    ])
    expect(messages(file)).toEqual(['1:78 unit-incompatible: "50%" is a percentage, but waste.total is a quantity (t)'])
  })

  test('with a registry, metrics are checked and values converted to their unit', () => {
    const { file } = run(
      ':fact[0.5万吨]{metric=waste.total}、:fact[17.4]{metric=air.pm2.5}、:fact[600微克/立方米]{metric=air.pm25}',
      { registry, defaults }
    )
    expect(file.data.facts?.map((fact) => [fact.metric, fact.value, fact.unit])).toEqual([
      ['waste.total', 5000, 't'],
      ['air.pm25', 600, 'ug/m3']
    ])
    expect(file.messages.map((message) => message.ruleId)).toEqual(['unknown-metric', 'value-out-of-range'])
    expect(messages(file)[0]).toBe('1:53 unknown-metric: Unknown metric "air.pm2.5", did you mean "air.pm25"?')
  })

  // prettier-ignore
  test.each([
    ['a later year', '{metric=a aspect=increase base=2032}', [
      '1:50 period-invalid: base=2032 does not come before 2025, the period of this change: a change is measured from an earlier period (同比: base=2024)'
    ]],
    ['its own year', '{metric=a aspect=increase base=2025}', [
      '1:50 period-invalid: base=2025 does not come before 2025, the period of this change (the report\'s, from its front matter: is that the year it reports on?): a change is measured from an earlier period (同比: base=2024)'
    ]],
    ['a month of its own year', '{metric=a aspect=increase base=2025-06}', [
      '1:50 period-invalid: base=2025-06 does not come before 2025, the period of this change (the report\'s, from its front matter: is that the year it reports on?): a change is measured from an earlier period (同比: base=2024)'
    ]],
    ['a year before a period of months', '{metric=a aspect=increase period=2025-01/2025-06 base=2025}', [
      '1:73 period-invalid: base=2025 does not come before 2025-01/2025-06, the period of this change: a change is measured from an earlier period'
    ]],
    ['years that hold its own', '{metric=a aspect=increase base=2021/2025}', [
      '1:50 period-invalid: base=2021/2025 does not come before 2025, the period of this change: a change is measured from an earlier period (同比: base=2024)'
    ]],
    ['the year before', '{metric=a aspect=increase base=2024}', []],
    ['the years of the plan before', '{metric=a aspect=increase period=2021/2025 base=2016/2020}', []],
    ['a year before its years', '{metric=a aspect=increase period=2021/2025 base=2020}', []],
    ['the months of the year before', '{metric=a aspect=increase period=2025-01/2025-06 base=2024-01/2024-06}', []]
  ])('a change measured from %s', (_name, attributes, expected) => {
    const { file } = run(`同比提升:fact[2.1个百分点]${attributes}`)
    expect(messages(file)).toEqual(expected)
    expect(file.data.facts).toHaveLength(expected.length === 0 ? 1 : 0)
  })

  test('a misspelt aspect is said once, not as the figure being no level too', () => {
    const { file } = run(':fact[4位]{metric=a aspect=incrase base=2024}')
    expect(messages(file)).toEqual([
      '1:27 attribute-invalid: aspect="incrase" is not one of level, start, target, change, increase, decrease, improve, worsen, did you mean "increase"?'
    ])
  })

  test('a quoted value may end in a comma', () => {
    const { file } = run('办理:fact[92件]{metric=a entity="厦门市,"}。')
    expect(messages(file)).toEqual([])
    expect(file.data.facts?.map((fact) => fact.entity)).toEqual(['厦门市,'])
  })

  test('an id that a comma between attributes ran into is named as such', () => {
    const { file } = run(':fact[17.4]{metric=air.pm25, period=2024}', { registry, defaults })
    expect(messages(file)).toEqual([
      '1:20 unknown-metric: Unknown metric "air.pm25,": the comma after air.pm25 is read as part of it; part attributes with spaces alone (metric=air.pm25 period=…)'
    ])
  })

  test('reports problems as messages with rule ids, places and fixes', () => {
    const { file } = run(
      '值:fact[17.4]{unit=微克/立方米}\n\n值:fact[2]{metric=a unit=斤斤}\n\n值:Fact[3]{metric=a}\n\n值：fact[4]{metric=a}\n\n`:Fact[5]{metric=a}`'
    )
    expect(messages(file)).toEqual([
      '7:2 annotation-hazard: The full-width "：" in this annotation is not ":", so the annotation is not read as written; type ":"',
      '5:2 fact-typo: ":Fact" is not an annotation factmark knows, so this stays text; did you mean ":fact"?',
      '1:2 missing-metric: The fact "17.4" has no metric: add metric=<id> from the registry',
      '3:25 unit-unknown: Unknown unit "斤斤"'
    ])
    const first = file.messages[2]
    expect(first?.source).toBe('factmark')
    expect(first?.fatal).toBe(true)
    expect(first?.url).toMatch(/#missing-metric$/)
    expect(first?.place).toEqual({ start: { line: 1, column: 2, offset: 1 }, end: { line: 1, column: 26, offset: 25 } })
  })

  test('without defaults, a fact takes its period and entity from its attributes or is reported', () => {
    const { file } = run(':fact[1]{metric=a period=2024 entity=甲市}、:fact[2]{metric=a}', {})
    expect(file.data.facts?.map((fact) => [fact.id, fact.period, fact.entity])).toEqual([
      ['a@2024:entity=甲市', '2024', '甲市']
    ])
    expect(messages(file)).toEqual([
      '1:42 period-invalid: The fact has no period and entity: add period=… entity=… to the annotation, or give remarkFact a default period and entity'
    ])
  })
})

describe('an annotation not written to its end says what is missing', () => {
  // prettier-ignore
  const cases: Array<[string, string, string[]]> = [
    ['a label whose "[" is not closed', '办理:fact[92件{metric=a}。', [
      '1:8 label-unparseable: The "[" of this label is not closed before the paragraph ends, so this is no annotation, and neither its figure nor its attributes are read: end the figure with "]"'
    ]],
    ['one that is not closed before the next line', '办理:fact[92件\n共计。', [
      '1:8 label-unparseable: The "[" of this label is not closed before the paragraph ends, so this is no annotation, and neither its figure nor its attributes are read: end the figure with "]"'
    ]],
    ['a bare :fact', '办理:fact 92件。', [
      '1:3 label-unparseable: ":fact" has no label: write the figure as printed between brackets right after it, then its metric, as :fact[17.4]{metric=air.pm25}'
    ]],
    ['empty brackets and no attributes', '办理:fact[]92件。', [
      '1:3 label-unparseable: The label of this annotation is empty: write the figure as printed between its brackets, then its metric, as :fact[17.4]{metric=air.pm25}'
    ]],
    ['a label and no attributes', '办理:fact[92件]。', [
      '1:3 missing-metric: The fact "92件" has no metric: add metric=<id> from the registry'
    ]],
    ['"metric" without "=" before the id', '办理:fact[92件]{metric petitions.handled}。', [
      '1:3 missing-metric: The fact "92件" has no metric: "metric" has no "=" before petitions.handled, so both are read as attributes of no value: write metric=petitions.handled'
    ]],
    ['braces parted from the label by a space', '办理:fact[92件] {metric=a}。', [
      '1:3 missing-metric: The fact "92件" has no metric: the braces after its label are parted from it by a space, so they are read as text: remove the space, as :fact[17.4]{metric=air.pm25}'
    ]],
    ['"metric:" for "metric="', '办理:fact[92件]{metric:petitions.handled}。', [
      '1:3 missing-metric: The fact "92件" has no metric: "metric:petitions.handled" is one attribute name: write metric=petitions.handled'
    ]],
    ['"metric" misspelt', '办理:fact[92件]{metirc=petitions.handled}。', [
      '1:3 missing-metric: The fact "92件" has no metric: "metirc" is no attribute factmark reads: write metric=petitions.handled'
    ]],
    ['"Metric" capitalized', '办理:fact[92件]{Metric=petitions.handled}。', [
      '1:3 missing-metric: The fact "92件" has no metric: "Metric" is no attribute factmark reads: write metric=petitions.handled'
    ]],
    ['attributes in full-width parentheses', '办理:fact[92件]（metric=petitions.handled）。', [
      '1:3 missing-metric: The fact "92件" has no metric: its attributes are written in brackets, which are read as text: write them in braces, as :fact[17.4]{metric=air.pm25}'
    ]],
    ['a label followed by a space and text', '办理:fact[92件] 共计{3}。', [
      '1:3 missing-metric: The fact "92件" has no metric: add metric=<id> from the registry'
    ]],
    ['a comma after a value, which takes it', '办理:fact[92件]{metric=a aspect=increase, base=2024}。', [
      '1:38 attribute-invalid: The comma after aspect=increase is read as part of its value: part attributes with spaces alone (aspect=increase base=…)'
    ]],
    ['a full-width comma after the last value', '办理:fact[92件]{metric=a entity=厦门市，}。', [
      '1:33 attribute-invalid: The comma after entity=厦门市 is read as part of its value: remove it'
    ]],
    ['braces that are not closed', '办理:fact[92件]{metric=a。', [
      '1:13 attribute-invalid: These braces are not closed before the paragraph ends, so none of the attributes in these braces is read: end them with "}"'
    ]]
  ]
  test.each(cases)('%s', (_name, markdown, expected) => {
    const { file } = run(markdown)
    expect(messages(file)).toEqual(expected)
    expect(file.data.facts).toEqual([])
  })

  test('coverage counts the figures annotations tag: a bare one or one whose label is not closed tags none', () => {
    const text =
      '---\ntitle: 测\nissuer: 局\nentity: 市\nperiod: "2025"\nlanguage: zh-CN\nslug: t\n---\n\n' +
      '办理:fact[92件]{metric=enforcement.cases}，:fact 15批，共:fact[30件{metric=enforcement.cases}。\n'
    const result = compileSources({
      reports: [{ path: 'source/t.md', text }],
      registry: {
        path: 'metrics.yaml',
        text: readFileSync(new URL('fixtures/metrics.yaml', import.meta.url), 'utf8')
      },
      checkUnusedMetrics: false
    })
    // 15批 is untagged, and so is 30件, in a broken annotation: its error is told, not an untagged-figure warning.
    expect(result.coverage).toEqual([{ path: 'source/t.md', tagged: 1, untagged: 2 }])
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}`)).toEqual([
      '10:40 label-unparseable',
      '10:46 untagged-figure',
      '10:56 label-unparseable'
    ])
  })

  test('a label not closed is a broken annotation to the end of its paragraph, whose figures are not called untagged', () => {
    const { file } = run('办理:fact[92件{metric=a}。')
    expect(file.data.brokenAnnotations).toEqual([[2, 22]])
  })

  // `base=2024,period=2025` stays text when the block is not read: its years are no figures of the report.
  test.each([
    [
      'a comma between attributes',
      '办理:fact[92件]{metric=a base=2024,period=2025}，结案:fact[3件]{metric=a}。',
      [[12, 44]]
    ],
    ['a value that needs quotes', '办理:fact[92件]{metric=a note=2024年<}。', [[12, 34]]],
    ['braces that run into the next annotation', '办理:fact[92件]{metric=a base=2024 结案:fact[3件]{metric=a}。', []],
    [
      'braces that run to the end of the paragraph',
      '办理:fact[92件]{metric=a base=2024。\n\n共:fact[3件]{metric=a}。',
      []
    ],
    ['braces that read', '办理:fact[92件]{metric=a base=2024}。', []]
  ])('attributes not read, %s: their braces are broken too', (_name, markdown, spans) => {
    const { file } = run(markdown)
    expect(file.data.brokenAnnotations).toEqual(spans)
    for (const [start, end] of spans) expect(markdown.slice(start, end)).toMatch(/^\{.*\}$/)
  })
})

describe('only :fact is syntax', () => {
  // prettier-ignore
  test.each([
    ['a time', '上午10:30开会'],
    ['a ratio', '比例为1:2'],
    ['a note', '注:note见附表'],
    ['a directive with a label and attributes', '见:ref[附表1]{#t1}'],
    ['a leaf directive', '::note[提示]{.big}'],
    ['a longer name', ':factor[1]{metric=a} :fact_x[2]']
  ])('%s stays the text it was', (_name, markdown) => {
    const { tree, file } = run(markdown)
    expect(toString(tree)).toBe(markdown)
    expect(file.data.facts).toEqual([])
    expect(file.messages).toEqual([])
  })

  test('a pipeline that also uses remark-directive keeps its own directives', () => {
    const { tree, file } = run('见:abbr[PM]{title=颗粒物}:fact[17.4微克/立方米]{metric=air.pm25}', { defaults }, [
      remarkDirective
    ])
    const names: string[] = []
    visit(tree, 'textDirective', (node) => {
      names.push(node.name)
    })
    expect(names).toEqual(['abbr', 'fact'])
    expect(file.data.facts).toHaveLength(1)
  })
})

describe('factHandler', () => {
  test('renders a fact as its <data> element, and an annotation with errors as its label', () => {
    const { tree } = run('PM2.5为:fact[17.4微克/立方米]{metric=air.pm25},:fact[好]{metric=air.pm25}。', {
      registry,
      defaults
    })
    expect(toHtml(toHast(tree, { handlers: { textDirective: factHandler } }))).toBe(
      '<p>PM2.5为<data class="fact" id="air.pm25@2025" value="17.4" data-metric="air.pm25" data-unit="ug/m3" data-period="2025" data-entity="厦门市" data-aspect="level" data-decimals="1">17.4微克/立方米<span class="tip" id="tip-1" role="tooltip">PM2.5年均浓度 · 17.4 μg/m³ · 2025 · 厦门市</span></data>,好。</p>'
    )
  })
})

describe('remark-stringify', () => {
  test('writes a document with facts back as it was', () => {
    // prettier-ignore
    const markdown = [
      '# 2025年工作总结',
      '',
      '## 一、空气',
      '',
      'PM2.5浓度为:fact[17.4]{metric=air.pm25 unit=微克/立方米},上午10:30发布,注:note见附表。',
      '',
      '- 优良率:fact[99.2%]{metric=air.good_days_ratio}',
      '- 提升:fact[2.1个百分点]{metric=sea.good_quality_area_ratio aspect=increase base=2024}',
      '',
      '断面:fact[Ⅱ类]{id=water.a metric=water.section_class site="隘头潭 国控断面"}',
      ''
    ].join('\n')
    const processor = unified().use(remarkParse).use(remarkFact, { defaults }).use(remarkStringify, { bullet: '-' })
    const file = processor.processSync(markdown)
    expect(String(file)).toBe(markdown)
    expect(processor.processSync(String(file)).data.facts).toEqual(file.data.facts)
  })
})

describe('readRegistry', () => {
  const yaml = [
    'metrics:',
    '  air.pm25:',
    '    label: { zh: PM2.5年均浓度, en: PM2.5 }',
    '    definition: { zh: 全年PM2.5日均浓度的平均值。, en: Annual mean of daily PM2.5. }',
    '    kind: quantity',
    '    unit: ug/m3',
    '    better: lower',
    ''
  ].join('\n')

  test('gives the registry of a metrics.yaml, for the plugin to check facts against', () => {
    const read = readRegistry(yaml)
    if (!read.ok) throw new Error(JSON.stringify(read.error))
    expect([...read.value.registry.metrics.keys()]).toEqual(['air.pm25'])
    expect(read.value.warnings).toEqual([])
    const { file } = run(':fact[17.4微克/立方米]{metric=air.pm25} :fact[3]{metric=air.pm10}', {
      defaults,
      registry: read.value.registry
    })
    expect(file.data.facts?.map((fact) => [fact.id, fact.value, fact.unit])).toEqual([['air.pm25@2025', 17.4, 'ug/m3']])
    expect(messages(file)).toEqual(['1:52 unknown-metric: Unknown metric "air.pm10", did you mean "air.pm25"?'])
  })

  test('gives a registry whose metric has no definition, with the warning beside it', () => {
    const read = readRegistry(yaml.replace(/^ {4}definition: .*\n/m, ''))
    if (!read.ok) throw new Error(JSON.stringify(read.error))
    expect([...read.value.registry.metrics.keys()]).toEqual(['air.pm25'])
    expect(read.value.warnings.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message} [${d.ruleId}]`)).toEqual([
      '2:3 warning The metric "air.pm25" has no definition: say what it measures, over what and how, in definition: { zh, en } [metric-definition-missing]'
    ])
  })

  test('gives every problem of a registry that is not valid, at its place in the text', () => {
    expect(readRegistry(yaml.replace('unit: ug/m3', 'unit: 微克'), 'metrics.yaml')).toEqual({
      ok: false,
      error: [
        {
          file: 'metrics.yaml',
          line: 6,
          column: 11,
          endLine: 6,
          endColumn: 13,
          severity: 'error',
          ruleId: 'registry-invalid',
          message: 'Metric "air.pm25" has unit "微克": it is not a UCUM code (e.g. ug/m3, t, m3, m2, dB)',
          fix: 'Correct the YAML, the key or the value at the position shown, as the message says: each metric takes label (zh and en), kind, unit and better, and may take range, dimensions and definition (schema/metrics.schema.json says what each holds, and the starter registry of factmark init shows every field).',
          url: 'docs/rules.md#registry-invalid'
        }
      ]
    })
  })
})

describe('docs/library.md', () => {
  const repo = path.resolve(new URL('..', import.meta.url).pathname)
  const library = readFileSync(path.join(repo, 'docs/library.md'), 'utf8')
  const section = library.slice(library.indexOf('## Use in your own remark pipeline'))
  const code = /```js\n([\s\S]*?)```/.exec(section)?.[1] ?? ''

  test('example of a remark pipeline runs and prints what it shows', async () => {
    const shown = /```text\n([\s\S]*?)```/.exec(section)?.[1] ?? ''
    expect(code).toContain("from 'factmark/remark'")
    // Imported by its package name, as a user would: the package refers to itself through its exports.
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', code], { cwd: repo })
    expect(stdout).toBe(shown)
  })

  test('example type-checks as TypeScript, strict, against the published types', () => {
    // As a file of a project that has factmark installed: 'factmark/remark' resolves through the package's exports
    // to lib/remark/index.d.ts, the types a user gets, not to src/.
    const file = path.join(repo, 'readme-example.ts')
    const options: ts.CompilerOptions = {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      noEmit: true,
      types: []
    }
    const base = ts.createCompilerHost(options)
    const host: ts.CompilerHost = {
      ...base,
      fileExists: (name) => name === file || base.fileExists(name),
      readFile: (name) => (name === file ? code : base.readFile(name)),
      getSourceFile: (name, language, ...rest) =>
        name === file ? ts.createSourceFile(name, code, language) : base.getSourceFile(name, language, ...rest)
    }
    const program = ts.createProgram([file], options, host)
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
    expect(problems).toEqual([])
  })
})
