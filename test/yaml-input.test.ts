import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { parseDocument } from 'yaml'
import { compileSources } from '../src/compile/compile-sources.js'
import { parseYaml } from '../src/load/yaml-source.js'
import { seedRegistry, seedReport } from './helpers/seed.js'

// Hostile and broken YAML, in front matter (test/fixtures/yaml/*.md) and in
// the registry (test/fixtures/yaml/registry/*.yaml): each gives exactly these
// diagnostics, and none makes the compiler throw.
const fixtures = new URL('fixtures/yaml/', import.meta.url)
const registry = { path: 'metrics.yaml', text: readFileSync(new URL('../metrics.yaml', fixtures)) }
const plain = 'factmark reads plain data (text, numbers, true and false, null, lists and maps); remove the tag'
const unclosedList =
  'The list opened here with "[" is not closed: end it with "]" (and indent its lines if it goes on over several)'
const unclosedMap =
  'The map opened here with "{" is not closed: end it with "}" (and indent its lines if it goes on over several)'
const bomb =
  'By this alias, aliases have expanded the YAML to more than 100,000 values, more than factmark reads: use fewer aliases, or aliases of smaller blocks'

function lines(result: ReturnType<typeof compileSources>): string[] {
  return result.diagnostics.map(
    (d) => `${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.message} [${d.ruleId}]`
  )
}

describe('front matter', () => {
  // prettier-ignore
  const cases: Array<[string, string[]]> = [
    ['alias-bomb.md', [`14:10-14:12 error Front matter YAML: ${bomb} [front-matter-invalid]`]],
    ['tag-js-function.md', [`3:9-3:22 error Front matter YAML: The tag !!js/function is not supported: ${plain} [front-matter-invalid]`]],
    ['tag-local.md', [`3:9-3:13 error Front matter YAML: The tag !foo is not supported: ${plain} [front-matter-invalid]`]],
    ['tag-binary.md', [`3:9-3:17 error Front matter YAML: The tag !!binary is not supported: ${plain} [front-matter-invalid]`]],
    ['tag-str.md', []],
    ['unclosed-list.md', [`2:8-2:9 error Front matter YAML: ${unclosedList} [front-matter-invalid]`]],
    ['unclosed-map.md', [`2:8-2:9 error Front matter YAML: ${unclosedMap} [front-matter-invalid]`]],
    ['unclosed-nested.md', [`2:8-2:9 error Front matter YAML: ${unclosedList} [front-matter-invalid]`, `2:12-2:13 error Front matter YAML: ${unclosedMap} [front-matter-invalid]`]],
    ['unclosed-quote.md', ['5:9-5:10 error Front matter YAML: The text opened here with " is not closed: end it with " [front-matter-invalid]']],
    ['escaped-nul.md', ['2:8-2:16 error Front matter: This value holds the control character U+0000 (NUL), written as an escape: remove it [control-character]']],
    ['escaped-esc.md', ['3:9-3:21 error Front matter: This value holds the control character U+001B (ESC), written as an escape: remove it [control-character]']],
    ['escaped-key.md', ['8:1-8:11 error Front matter: This value holds the control character U+0007 (BEL), written as an escape: remove it [control-character]']],
    ['slug-schema.md', ['7:7-7:13 error Front matter: the slug "schema" names the report\'s output folder, and cannot be that: the site publishes its JSON Schemas in schema/ [front-matter-invalid]']],
    ['slug-taxonomy.md', ['7:7-7:15 error Front matter: the slug "taxonomy" names the report\'s output folder, and cannot be that: the site publishes the XBRL taxonomy of the registry in taxonomy/ [front-matter-invalid]']],
    ['slug-con.md', ['7:7-7:10 error Front matter: the slug "con" names the report\'s output folder, and cannot be that: Windows reserves "con" for a device, so no folder can have that name there [front-matter-invalid]']],
    ['slug-lpt9.md', ['7:7-7:11 error Front matter: the slug "lpt9" names the report\'s output folder, and cannot be that: Windows reserves "lpt9" for a device, so no folder can have that name there [front-matter-invalid]']],
    ['slug-com10.md', []],
    // A key indented under the one before it, read as the rest of that one's value.
    ['key-under-value.md', ['5:3-5:17 error Front matter YAML: "period" starts at column 3, further than "entity" above it at column 1, so it is read as the rest of the value of "entity": start it at column 1 [front-matter-invalid]']],
    // The colon a Chinese keyboard types, and a colon with no space after it: YAML reads the line as text.
    ['key-full-width-colon.md', ['4:7-4:8 error Front matter YAML: "entity：" is written with the full-width colon "：", which YAML does not read as one: type ":" and a space (entity: …) [front-matter-invalid]']],
    ['key-no-space.md', ['4:7-4:8 error Front matter YAML: "entity:" needs a space after its colon, or YAML reads the line as text: entity: … [front-matter-invalid]']],
    // A phrase added under the others without its dash: the library's words are of a key without its value.
    // The first item without its dash: the library tells it at the end of the list, and a key made of the list.
    ['first-item-without-dash.md', ['9:3-9:13 error Front matter YAML: "局2025年工作总结" stands among the items of a list without the "- " of an item: write "- 局2025年工作总结" to make it one, or remove the line [front-matter-invalid]']],
    ['item-without-dash.md', ['11:3-11:11 error Front matter YAML: "2024年度考核" stands among the items of a list without the "- " of an item: write "- 2024年度考核" to make it one, or remove the line [front-matter-invalid]']],
    // A required key misspelt: one slip, told at the key written, not also as a key missing.
    ['key-misspelt.md', ['2:1-2:6 error Front matter: Unknown key "tilte": did you mean "title", which is required and missing? [front-matter-invalid]']],
    // A key without its colon: the library's words are of the key after it, run into it.
    ['key-without-colon.md', ['3:7-3:8 error Front matter YAML: "issuer" has no colon after it, so YAML does not read it as a key: write issuer: 测试局 [front-matter-invalid]']],
    // A tab before an item: one problem, not the library's four about the line it moved.
    ['item-indented-with-tab.md', ['10:1-10:2 error Front matter YAML: A tab indents this line, and YAML indents with spaces alone: replace the tab with spaces, as many as the lines beside it have [front-matter-invalid]']]
  ]
  test.each(cases)('%s', (name, expected) => {
    const result = compileSources({ reports: [{ path: name, text: readFileSync(new URL(name, fixtures)) }], registry })
    const unused = (line: string) => line.endsWith('[metric-unused]')
    expect(lines(result).filter((line) => !unused(line))).toEqual(expected.map((line) => `${name}:${line}`))
    // A report whose front matter is refused is compiled no further: no facts, and no metric looks
    // unused for want of them.
    expect(result.reports).toHaveLength(expected.length === 0 ? 1 : 0)
    if (expected.length > 0) expect(lines(result).filter(unused)).toEqual([])
  })
})

test('a date that names no day, and one not written as a date, are each told at the date', () => {
  const name = 'date-not-a-day.md'
  const result = compileSources({ reports: [{ path: name, text: readFileSync(new URL(name, fixtures)) }], registry })
  expect(lines(result).filter((line) => !line.endsWith('[metric-unused]'))).toEqual([
    `${name}:8:12-8:24 error Front matter: published "2026-02-30" is not a day of the calendar: 2026-02 has 28 days [front-matter-invalid]`,
    `${name}:12:16-12:28 error Front matter: sources › item 1 › published "2025/02/18" is not a date: write the day as YYYY-MM-DD, in quotes (e.g. "2025-02-18") [front-matter-invalid]`
  ])
  // Read without them, it is checked against other reports (see printed-precision), not published.
  expect(result.reports).toEqual([])
})

describe('registry', () => {
  const report = { path: 'report.md', text: readFileSync(new URL('tag-str.md', fixtures)) }
  // prettier-ignore
  const cases: Array<[string, string[]]> = [
    ['alias-bomb.yaml', [`63:10-63:12 error Registry YAML: ${bomb} [registry-invalid]`]],
    ['tag.yaml', [`5:11-5:24 error Registry YAML: The tag !!js/function is not supported: ${plain} [registry-invalid]`]],
    ['escaped-control.yaml', ['3:33-3:71 error Registry: This value holds the control character U+001B (ESC), written as an escape: remove it [control-character]']],
    // Not what the yaml library says next of the lines the open map swallows (nested mappings in a
    // compact one, keys on several lines), where nothing is wrong.
    ['unclosed-map.yaml', [`6:12-6:13 error Registry YAML: ${unclosedMap} [registry-invalid]`]],
    // A key indented less than the others of its map, or further than the next: the library
    // tells the first key that does not line up and every key after it, at column 1.
    ['key-outdented.yaml', ['8:2-8:22 error Registry YAML: "air.good_days_ratio" starts at column 2, and "air.pm25", a key of the same map, at column 3: the keys of a map start at the same column, so start "air.good_days_ratio" at column 3 [registry-invalid]']],
    // The library blames "kind", the first key after it that lines up with the others.
    ['key-indented-further.yaml', ['9:7-9:73 error Registry YAML: "label" starts at column 7, and "kind", a key of the same map, at column 5: the keys of a map start at the same column, so start "label" at column 5 [registry-invalid]']],
    ['key-full-width-colon.yaml', ['10:9-10:10 error Registry YAML: "kind：" is written with the full-width colon "：", which YAML does not read as one: type ":" and a space (kind: …) [registry-invalid]']],
    ['item-without-dash.yaml', ['12:7-12:13 error Registry YAML: "优良天数比例" stands among the items of a list without the "- " of an item: write "- 优良天数比例" to make it one, or remove the line [registry-invalid]']],
    // 151 uses of one anchor: more than the yaml library's own default allows, and harmless.
    ['shared-anchors.yaml', []]
  ]
  test.each(cases)('%s', (name, expected) => {
    const result = compileSources({
      reports: [report],
      registry: { path: name, text: readFileSync(new URL(`registry/${name}`, fixtures)) },
      checkUnusedMetrics: false
    })
    expect(lines(result)).toEqual(expected.map((line) => `${name}:${line}`))
  })
})

describe('parseYaml', () => {
  test('an alias bomb is refused before anything is expanded, whatever its size', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
    for (let level = 1; level < 30; level++)
      levels.push(
        `l${level}: &l${level} [${Array(10)
          .fill(level === 1 ? '*a' : `*l${level - 1}`)
          .join(', ')}]`
      )
    const source = parseYaml(levels.join('\n'))
    expect(source.data).toBeUndefined()
    // Line 5, l4: its eighth alias of l3 (11,111 values each) takes the total past 100,000.
    expect(source.errors.map((error) => [error.place.start.line, error.place.start.column])).toEqual([[5, 45]])
  })

  test('aliases below the limit give the data, with each alias expanded', () => {
    const source = parseYaml('base: &base { zh: 断面, en: Section }\nsite: *base\nother: *base\n')
    expect(source.errors).toEqual([])
    expect(source.data).toEqual({
      base: { zh: '断面', en: 'Section' },
      site: { zh: '断面', en: 'Section' },
      other: { zh: '断面', en: 'Section' }
    })
  })

  // prettier-ignore
  test.each([
    ['a directive the library does not know', '%FOO bar\n---\na: 1\n', 'Unknown directive %FOO', 1],
    ['a tag on a list', 'a: !!set { x }\n', 'The tag !!set is not supported', 1],
    ['a tag after an anchor', 'a: &x !!omap [ b: 1 ]\n', 'The tag !!omap is not supported', 1]
  ])('%s is an error', (_name, text, message, line) => {
    const source = parseYaml(text)
    expect(source.data).toBeUndefined()
    expect(source.errors.map((error) => [error.message.slice(0, message.length), error.place.start.line])).toEqual([[message, line]])
  })

  test('an unclosed list spread over lines is reported where it opens, in file terms', () => {
    const source = parseYaml('title: x\nlist: [a,\n  b,\nnext: 1\n', { line: 2, column: 4, offset: 3 })
    expect(source.errors[0]).toEqual({
      message: unclosedList,
      place: { start: { line: 3, column: 7, offset: 18 }, end: { line: 3, column: 8, offset: 19 } }
    })
  })

  // prettier-ignore
  test.each([
    ['flow lists', `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
    ['block lists', `${'- '.repeat(3_000)}x\n`],
    ['block maps', `${Array.from({ length: 3_000 }, (_, depth) => `${' '.repeat(depth)}k:\n`).join('')}${' '.repeat(3_000)}v\n`]
  ])('%s nested thousands deep are an error, not a stack overflow', (_name, text) => {
    const source = parseYaml(text)
    expect(source.data).toBeUndefined()
    expect(source.errors.map((error) => error.message)).toContain('The YAML nests too deep to read: flatten it')
  })

  // prettier-ignore
  test.each([
    ['a key given twice', 'a: 1\nb: 2\na: 3\n', 'Map keys must be unique: "a" is already a key of this map', 3, 1],
    ['a number and a text that make the same key', '1: x\n"1": y\n', 'Map keys must be unique: "1" is already a key of this map', 2, 1],
    ['a list as a key', '? [a, b]\n: 1\n', 'A key must be written out as text or a number, not as a list, a map or an alias', 1, 3],
    ['an alias as a key', 'a: &k key\n*k : 1\n', 'A key must be written out as text or a number, not as a list, a map or an alias', 2, 1],
    ['an alias inside the node it names', 'a: &x [1, *x]\n', 'The alias *x stands inside the node it names, which would repeat without end: write the value out', 1, 11]
  ])('%s is an error at its position', (_name, text, message, line, column) => {
    const source = parseYaml(text)
    expect(source.data).toBeUndefined()
    expect(source.errors.map((error) => [error.message, error.place.start.line, error.place.start.column])).toEqual([[message, line, column]])
  })

  // prettier-ignore
  test.each([
    ['"a\\uFFFEb"', 'This value holds the noncharacter U+FFFE, written as an escape: remove it'],
    ['"a\\uD800b"', 'This value holds the lone surrogate U+D800, written as an escape: remove it'],
    ['"a\\U0001FFFFb"', 'This value holds the noncharacter U+1FFFF, written as an escape: remove it']
  ])('an escape %s is refused too', (value, message) => {
    const source = parseYaml(`title: ${value}\n`)
    expect(source.data).toBeUndefined()
    expect(source.controls.map((control) => control.message)).toEqual([message])
  })

  test('a key named __proto__ is a key, not the prototype', () => {
    const data = parseYaml('__proto__: { polluted: true }\n').data as Record<string, unknown>
    expect(Object.keys(data)).toEqual(['__proto__'])
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  // prettier-ignore
  test.each([
    ['the registry of the seed', seedRegistry.text],
    ['the front matter of the seed', seedReport.text.split('\n---\n')[0]?.slice(4) ?? ''],
    ['a registry sharing anchors', read('test/fixtures/yaml/registry/shared-anchors.yaml')],
    ['scalars of every kind', 'a: 0x1f\nb: 0o17\nc: .inf\nd: -.nan\ne: ~\nf: 1e3\ng: !!str 12\nh: "2025"\ni:\nj: [a: 1, b]\n~: x\n']
  ])('the data of %s is what the yaml library gives', (_name, text) => {
    expect(parseYaml(text).data).toEqual(parseDocument(text).toJS({ maxAliasCount: -1 }))
  })

  test('the yaml library alone refuses an anchor used more than 100 times, however small', () => {
    expect(() => parseDocument(read('test/fixtures/yaml/registry/shared-anchors.yaml')).toJS()).toThrow(
      'Excessive alias count'
    )
  })
})

function read(file: string): string {
  return readFileSync(new URL(`../${file}`, import.meta.url), 'utf8')
}

describe('a key that does not line up is told once, by name, with the key it should line up with', () => {
  const lineUp = (key: string, column: number, other: string, at: number) =>
    `"${key}" starts at column ${column}, and "${other}", a key of the same map, at column ${at}: the keys of a map start at the same column, so start "${key}" at column ${at}`
  const asOthers = (key: string, column: number, at: number) =>
    `"${key}" starts at column ${column}, and the "${key}" of the other maps at column ${at}: start it at column ${at}, as they do`
  const underValue = (key: string, column: number, above: string, at: number) =>
    `"${key}" starts at column ${column}, further than "${above}" above it at column ${at}, so it is read as the rest of the value of "${above}": start it at column ${at}`
  const metric = (id: string, ...fields: string[]) => [`  ${id}:`, ...fields.map((field) => `    ${field}`)]
  const registry = (...lines: string[]) => ['metrics:', ...lines, ''].join('\n')
  const fields = ['label: x', 'kind: count', 'unit: "1"', 'better: neutral']
  const three = [...metric('a.one', ...fields), ...metric('a.two', ...fields), ...metric('a.three', ...fields)]
  // prettier-ignore
  test.each<[string, string, string[]]>([
    ['a key indented less than the others', 'a:\n  b: 1\n c: 2\n  d: 3\n', [`3:2 ${lineUp('c', 2, 'b', 3)}`]],
    ['a first key indented further than the others', 'a:\n    b: 1\n  c: 2\n  d: 3\n', [`2:5 ${lineUp('b', 5, 'c', 3)}`]],
    ['after a blank line and a comment', 'a:\n  b: 1  # one\n\n  # two\n   c: 2\n  d: 3\n', [`5:4 ${lineUp('c', 4, 'b', 3)}`]],
    ['a key under a key with a value', 'a: 1\n b: 2\n', [`2:2 ${underValue('b', 2, 'a', 1)}`]],
    ['a key of a list item under the one before it', 'x:\n  - a: 1\n     b: 2\n', [`3:6 ${underValue('b', 6, 'a', 5)}`]],
    ['a top key indented after a comment', 'title: a\nslug: b\n# note\n ignore:\n  - c\n', [`4:2 ${lineUp('ignore', 2, 'slug', 1)}`]],
    ['the top key indented', ' title: a\nissuer: b\nslug: c\n', ['1:2 "title" starts at column 2, and "issuer" after it at column 1: the keys of the top of the text start at the same column, so start "title" at column 1']],
    // Registries, where each metric holds the same keys.
    ['the first metric one space short', registry(...three.map((line, at) => (at === 0 ? line.slice(1) : line))), [`2:2 ${lineUp('a.one', 2, 'a.two', 3)}`]],
    ['a metric one space short', registry(...three.map((line, at) => (at === 5 ? line.slice(1) : line))), [`7:2 ${lineUp('a.two', 2, 'a.one', 3)}`]],
    ['a metric\'s first key two spaces further', registry(...three.map((line, at) => (at === 6 ? `  ${line}` : line))), [`8:7 ${lineUp('label', 7, 'kind', 5)}`]],
    ['a key of a metric one space short', registry(...three.map((line, at) => (at === 7 ? line.slice(1) : line))), [`9:4 ${asOthers('kind', 4, 5)}`]],
    ['a key of a metric one space further', registry(...three.map((line, at) => (at === 7 ? ` ${line}` : line))), [`9:6 ${underValue('kind', 6, 'label', 5)}`]]
  ])('%s', (_name, text, expected) => {
    const source = parseYaml(text)
    expect(source.errors.map((error) => `${error.place.start.line}:${error.place.start.column} ${error.message}`)).toEqual(expected)
  })
})
