import fc from 'fast-check'
import type { Nodes, Root } from 'mdast'
import { visit } from 'unist-util-visit'
import { visitParents } from 'unist-util-visit-parents'
import { describe, expect, test } from 'vitest'
import { eachNode, eachOfType, eachWithAncestors } from '../src/remark/each-node.js'
import { parseMarkdown as parse } from '../src/remark/parse.js'

// What a walk met, one line a node: its type, its place, its parent's type and its ancestors' types.
const line = (node: Nodes, index?: number, parent?: Nodes) =>
  `${node.type} ${index ?? '-'} ${parent?.type ?? '-'}${'value' in node ? ` ${node.value}` : ''}`

const document = [
  '# 一、空气',
  '',
  '全市:fact[优良天数]{metric=air.good_days}为 **350** 天,[见附表](#t)。',
  '',
  '> 引文中有 :fact[2.1个百分点]{metric=x aspect=increase} 的变化。',
  '',
  '| 年份 | 数值 |',
  '| --- | --- |',
  '| 2025 | :fact[9.8]{metric=y} |',
  '',
  '- 一项',
  '  - 二项 *强调*',
  '',
  '---',
  '',
  '结语。'
].join('\n')

describe('eachNode', () => {
  test('meets every node of a report in the order of the document, with its parent and place', () => {
    const tree = parse(document)
    const met: string[] = []
    eachNode(tree, (node, index, parent) => {
      met.push(line(node, index, parent))
    })
    expect(met.slice(0, 8)).toEqual([
      'root - -',
      'heading 0 root',
      'text 0 heading 一、空气',
      'paragraph 1 root',
      'text 0 paragraph 全市',
      'textDirective 1 paragraph',
      'text 0 textDirective 优良天数',
      'text 2 paragraph 为 '
    ])
    expect(met).toHaveLength(45)
    expect(met.at(-1)).toBe('text 0 paragraph 结语。')
  })

  test("'skip' leaves a node's children out and goes on with its next sibling", () => {
    const met: string[] = []
    eachNode(parse('a *b* c\n\nd'), (node) => {
      met.push(node.type)
      return node.type === 'emphasis' ? 'skip' : undefined
    })
    expect(met).toEqual(['root', 'paragraph', 'text', 'emphasis', 'text', 'paragraph', 'text'])
  })

  test('eachOfType meets the nodes of one type, those nested in others too', () => {
    const values: string[] = []
    eachOfType(parse(document), 'textDirective', (node) => {
      values.push(node.children.map((child) => ('value' in child ? child.value : '')).join(''))
    })
    expect(values).toEqual(['优良天数', '2.1个百分点', '9.8'])
  })

  test('eachWithAncestors gives the ancestors outermost first, none for the root', () => {
    const chains: string[] = []
    eachWithAncestors(parse(document), (node, ancestors) => {
      if (node.type === 'root' || node.type === 'textDirective')
        chains.push(`${node.type}: ${ancestors.map((ancestor) => ancestor.type).join(' > ')}`)
    })
    expect(chains).toEqual([
      'root: ',
      'textDirective: root > paragraph',
      'textDirective: root > blockquote > paragraph',
      'textDirective: root > table > tableRow > tableCell'
    ])
  })
})

// Markdown built of pieces that nest: the walks are held to unist-util-visit's on any of it.
const piece = fc.constantFrom(
  '文字',
  ' *强调* ',
  '**粗体**',
  ':fact[3.5万]{metric=a}',
  ':fact[有 *内* 文]{metric=b}',
  '[链接](#x)',
  '`代码`',
  '\n\n',
  '\n\n> ',
  '\n\n- ',
  '\n  - ',
  '\n\n# ',
  '\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n',
  '\n\n---\n\n'
)
const markdown = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''))

describe('the walks meet what unist-util-visit meets', () => {
  test('eachNode as visit, with and without skipping', () => {
    fc.assert(
      fc.property(markdown, fc.constantFrom('none', 'emphasis', 'textDirective', 'paragraph'), (text, skipped) => {
        const tree: Root = parse(text)
        const ours: string[] = []
        const theirs: string[] = []
        eachNode(tree, (node, index, parent) => {
          ours.push(line(node, index, parent))
          return node.type === skipped ? 'skip' : undefined
        })
        visit(tree, (node, index, parent) => {
          theirs.push(line(node, index, parent))
          return node.type === skipped ? 'skip' : undefined
        })
        expect(ours).toEqual(theirs)
      }),
      { numRuns: 300 }
    )
  })

  test('eachWithAncestors as visitParents', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const tree: Root = parse(text)
        const ours: string[] = []
        const theirs: string[] = []
        eachWithAncestors(tree, (node, ancestors) => {
          ours.push(`${node.type} < ${ancestors.map((ancestor) => ancestor.type).join(' ')}`)
        })
        visitParents(tree, (node, ancestors) => {
          theirs.push(`${node.type} < ${ancestors.map((ancestor) => ancestor.type).join(' ')}`)
        })
        expect(ours).toEqual(theirs)
      }),
      { numRuns: 300 }
    )
  })
})
