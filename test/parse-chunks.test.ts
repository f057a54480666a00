import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { remarkFactSyntax } from '../src/remark/syntax.js'
import { remarkTableSyntax } from '../src/remark/table-syntax.js'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, test } from 'vitest'
import { blockStarts } from '../src/remark/blocks.js'
import { parseMarkdown } from '../src/remark/parse.js'

// The reference: the whole text parsed at once, as remark does.
const whole = unified().use(remarkParse).use(remarkFactSyntax).use(remarkTableSyntax).freeze()
const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8')

/**
 * Parsed block by block, with a chunk at every place where a block may start, the tree is the tree
 * of the whole text.
 */
function expectSameTree(text: string): void {
  expect(parseMarkdown(text, { chunkSize: 1 })).toEqual(whole.parse(text))
}

describe('a text parsed block by block gives the tree of the whole text', () => {
  test.each([
    'seed/xiamen-2025.md',
    'kitchen-sink/report.md',
    'hostile/report.md',
    'adversarial/report.md',
    'table/report.md'
  ])('%s', (name) => {
    const text = fixture(name)
    expect(blockStarts(text).length).toBeGreaterThan(3)
    expectSameTree(text)
  })

  // prettier-ignore
  test.each([
    ['a loose list is one list', '- a\n\n- b\n\n  c\n\nd\n'],
    ['an ordered loose list', '1. a\n\n2. b\n\nc\n'],
    ['fenced code with blank lines', 'a\n\n```\nx\n\ny\n```\n\nb\n'],
    ['a tilde fence closed only by tildes', 'a\n\n~~~\n```\n\nb\n~~~\n\nc\n'],
    ['an unclosed fence runs to the end', 'a\n\n```\nx\n\ny\n'],
    ['an HTML comment with blank lines', 'a\n\n<!--\n\nb\n\n-->\n\nc\n'],
    ['a pre block with blank lines', '<pre>\n\n*x*\n\n</pre>\n\ny\n'],
    ['a container directive with blank lines', 'a\n\n:::note\nx\n\ny\n:::\n\nb\n'],
    ['a reference before its definition', 'see [the data][d] and [d]\n\ntext\n\n[d]: https://example.org "t"\n'],
    ['a definition inside a block quote', '[x]\n\n> [x]: /u\n\nz\n'],
    ['block quotes', '> a\n\n> b\n\nc\n> d\n'],
    ['indented code', '    code\n\n    more\n\ntext\n'],
    ['setext headings', 'a\n===\n\nb\n---\n\nc\n'],
    ['CRLF and lone CR line ends', 'a\r\n\r\nb\r\rc\r\n\r\n- d\r\n\r\ne\n'],
    ['an unclosed fence in a list item, then a blank line', '  - :::note\n<a href="x">\n- ```\n\npara\n'],
    ['an unclosed fence in a list item, then a block quote', '  - :::note\n<a href="x">\n- ```\n\n> <!--\n'],
    ['a directive other than fact is text, and a fence after it runs on', ':::note\n```\n:::\n\npara\n'],
    ['facts across blocks', '值:fact[1]{metric=a}\n\n- :fact[2]{metric=b}\n\n> :fact[3]{metric=c}\n'],
    ['a table between paragraphs', 'a\n\n| x | y |\n| - | - |\n| :fact[1]{metric=a} | 2 |\n\nb\n'],
    ['a table right under a paragraph', 'a\n| x | y |\n| - | - |\n| 1 | 2 |\n\nb\n'],
    ['a table whose body runs on without pipes', '| x |\n| - |\nrow\n\nafter\n'],
    ['a table in a block quote and a list', '> | x |\n> | - |\n> | 1 |\n\n- | x |\n  | - |\n  | 1 |\n\nc\n'],
    ['a table row that looks like a fence', '| x |\n| - |\n```\n\nafter\n'],
    ['a header with no delimiter row is a paragraph', '| x | y |\n\n| - | - |\n\nz\n']
  ])('%s', (_name, text) => {
    expectSameTree(text)
  })

  test('any text made of blocks', () => {
    const block = fc.constantFrom(
      'para :fact[17.4]{metric=air.pm25}',
      '- item',
      '  - nested',
      '1. one',
      '> quote',
      '```',
      '~~~',
      ':::note',
      ':::',
      '<!--',
      '-->',
      '<pre>',
      '</pre>',
      '    code',
      '# heading',
      '***',
      '[d]: /u',
      'see [d]',
      '[x]',
      '',
      '',
      '',
      '<div>',
      '</div>',
      'text *em* _u_',
      '\t- tab',
      '- ```',
      '  ```',
      '> ```',
      '> <!--',
      '  - :::note',
      '<p>',
      '<span>',
      '<a href="x">',
      '> <div>',
      '| a | b |',
      '| --- | :-: |',
      '|-|-|',
      'x | :fact[2.61]{metric=air.aqi_composite}',
      '> | q |',
      '> | - |'
    )
    fc.assert(
      fc.property(fc.array(block, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), (blocks, ending) => {
        expectSameTree(blocks.join(ending) + ending)
      }),
      { numRuns: 500 }
    )
  })
})
