import { toString } from 'mdast-util-to-string'
import { describe, expect, test } from 'vitest'
import { parseMarkdown } from '../src/remark/parse.js'

function textOf(markdown: string): string[] {
  return parseMarkdown(markdown).children.map((node) => toString(node))
}

describe('directives that are not facts stay the text they were', () => {
  // prettier-ignore
  const cases: Array<[string, string]> = [
    ['上午10:30开会', '上午10:30开会'],
    ['比例为1:2', '比例为1:2'],
    ['时间为9:00-17:30', '时间为9:00-17:30'],
    ['a:b c', 'a:b c'],
    ['注:note见附表', '注:note见附表'],
    ['见:ref[附表1]{#t1}', '见:ref[附表1]{#t1}'],
    ['见:ref[附表 *1*]', '见:ref[附表 1]'],
    ['空标签:x[]', '空标签:x[]'],
    ['属性:x{a=1 b="2"}', '属性:x{a=1 b="2"}'],
    ['::note', '::note'],
    ['::note[提示]{.big}', '::note[提示]{.big}'],
    ['URL https://example.org:8080/a', 'URL https://example.org:8080/a']
  ]
  test.each(cases)('%s', (markdown, expected) => {
    expect(textOf(markdown).join('\n')).toBe(expected)
  })

  test('a container directive is the paragraph its lines make', () => {
    expect(textOf(':::warn\n正文一\n:::\n\n后文')).toEqual([':::warn\n正文一\n:::', '后文'])
  })

  test('the label of another directive is Markdown as it would be without directives', () => {
    const paragraph = parseMarkdown('见:ref[附表](https://example.org)').children[0]
    expect(paragraph?.type === 'paragraph' && paragraph.children.map((node) => node.type)).toEqual(['text', 'link'])
  })

  test('a fact inside a foreign directive is kept as a fact', () => {
    const tree = parseMarkdown('见:ref[:fact[5个]{metric=x}]')
    const paragraph = tree.children[0]
    expect(paragraph?.type === 'paragraph' && paragraph.children.map((node) => node.type)).toEqual([
      'text',
      'textDirective',
      'text'
    ])
    expect(toString(tree)).toBe('见:ref[5个]')
  })
})
