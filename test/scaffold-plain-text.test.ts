import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import type { RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { describe, expect, test } from 'vitest'
import { parseMarkdown } from '../src/remark/parse.js'
import { blocksToMarkdown } from '../src/scaffold/markdown-text.js'
import { readPlainText, type PlainBlock } from '../src/scaffold/plain-text.js'
import { seedOriginal } from './helpers/seed.js'

/** The blocks a Markdown text reads back as: what an editor and factmark see in the written report. */
function readBack(markdown: string): PlainBlock[] {
  return parseMarkdown(markdown).children.map((node: RootContent): PlainBlock => {
    const text = toString(node)
    if (node.type === 'heading')
      return { kind: node.depth === 1 ? 'title' : 'heading', depth: node.depth as 1 | 2 | 3 | 4, text }
    return { kind: node.type === 'paragraph' ? 'paragraph' : (node.type as 'paragraph'), text }
  })
}

/** The lines of a text as the plain-text reader keeps them: without blank lines and the spaces around each. */
const linesOf = (text: string) =>
  text
    .split(/\r\n|\n|\r/)
    .map((line) => line.replace(/^[ \t]+|[ \t]+$/g, ''))
    .filter((line) => line !== '')

describe('a plain-text report read as blocks', () => {
  // prettier-ignore
  test.each<[string, string, PlainBlock]>([
    ['the first line, short and with no sentence in it, is the title', '厦门市生态环境局2022年工作总结', { kind: 'title', depth: 1, text: '厦门市生态环境局2022年工作总结' }],
    ['一、 opens a heading of the second level', '标题\n一、对标“作出示范”,加快建设美丽中国样板城市', { kind: 'heading', depth: 2, text: '一、对标“作出示范”,加快建设美丽中国样板城市' }],
    ['十一、 too', '标题\n十一、其他工作', { kind: 'heading', depth: 2, text: '十一、其他工作' }],
    ['（一） of the third, with full-width parentheses', '标题\n（一）持续深入打好蓝天保卫战', { kind: 'heading', depth: 3, text: '（一）持续深入打好蓝天保卫战' }],
    ['(一) with ASCII ones, as the seed prints it', '标题\n(一)强化规划引领', { kind: 'heading', depth: 3, text: '(一)强化规划引领' }],
    ['1. of the fourth', '标题\n1.开展专项行动', { kind: 'heading', depth: 4, text: '1.开展专项行动' }],
    ['1、 too', '标题\n1、开展专项行动', { kind: 'heading', depth: 4, text: '1、开展专项行动' }],
    ['an enumerator before a sentence is a paragraph with a run-in heading', '标题\n2、加强执法。全年查处案件77件。', { kind: 'paragraph', text: '2、加强执法。全年查处案件77件。' }],
    ['a decimal is no enumerator', '标题\n1.5万吨固体废物得到利用', { kind: 'paragraph', text: '1.5万吨固体废物得到利用' }],
    ['an enumerated line too long for a heading is a paragraph', `标题\n一、${'很长'.repeat(20)}`, { kind: 'paragraph', text: `一、${'很长'.repeat(20)}` }],
    ['an enumerator inside a line opens nothing', '标题\n工作分为一、二两个阶段', { kind: 'paragraph', text: '工作分为一、二两个阶段' }],
    ['a first line that is a sentence is no title', '2025年,我局坚持以习近平新时代中国特色社会主义思想为指导。', { kind: 'paragraph', text: '2025年,我局坚持以习近平新时代中国特色社会主义思想为指导。' }],
    ['spaces and tabs around a line are layout; an ideographic indent is text', '标题\n \t　　我局全年完成任务。 ', { kind: 'paragraph', text: '　　我局全年完成任务。' }]
  ])('%s', (_name, text, block) => {
    expect(readPlainText(text).at(-1)).toEqual(block)
  })

  test('blank lines only separate, and every line ending counts', () => {
    expect(readPlainText('标题\r\n\r\n一、工作\r正文。\n\n\n')).toEqual([
      { kind: 'title', depth: 1, text: '标题' },
      { kind: 'heading', depth: 2, text: '一、工作' },
      { kind: 'paragraph', text: '正文。' }
    ])
  })
})

describe('the Markdown written reads back as the text it was made from', () => {
  const texts: Array<[string, string]> = [['the 2025 summary, as published', seedOriginal]]
  // The openings of the bureau's other reports, where they are at hand: text the reader was not written for.
  const corpus = path.resolve(new URL('..', import.meta.url).pathname, '../shared/corpus')
  const corpusFiles = existsSync(corpus) ? readdirSync(corpus).filter((name) => name.endsWith('.txt')) : []
  for (const name of corpusFiles) texts.push([name, readFileSync(path.join(corpus, name), 'utf8')])

  test.each(texts)('%s: every line, as a heading or a paragraph', (_name, text) => {
    const blocks = readPlainText(text)
    expect(readBack(blocksToMarkdown(blocks))).toEqual(blocks)
    expect(blocks.map((block) => block.text)).toEqual(linesOf(text))
  })

  test.skipIf(corpusFiles.length === 0)('the corpus is there to read', () => {
    expect(corpusFiles.length).toBeGreaterThanOrEqual(3)
  })

  test('the seed gives its title, 4 sections, 12 subsections and its paragraphs', () => {
    const kinds = readPlainText(seedOriginal).map((block) => `${block.kind}${block.depth ?? ''}`)
    expect(kinds.filter((kind) => kind === 'title1')).toHaveLength(1)
    expect(kinds.filter((kind) => kind === 'heading2')).toHaveLength(4)
    expect(kinds.filter((kind) => kind === 'heading3')).toHaveLength(12)
    expect(kinds.filter((kind) => kind === 'paragraph')).toHaveLength(17)
  })

  // prettier-ignore
  test.each([
    ['emphasis (an underscore between two characters opens none)', '工业园区的*重点*项目和_次要_项目', '工业园区的\\*重点\\*项目和_次要_项目'],
    ['a line that would be a thematic break', '---', '\\---'],
    ['a line that would be a heading', '# 号', '\\# 号'],
    ['a line that would be a list item', '- 一项', '\\- 一项'],
    ['a character reference', '&amp;', '\\&amp;'],
    ['an annotation', '见:fact[1]{metric=x}', '见\\:fact\\[1]{metric=x}'],
    ['a time, which is no annotation', '10:30召开', '10:30召开'],
    ['an annotation after an escaped character (found by the property below)', '`:fact', '\\`\\:fact'],
    ['an annotation before an underscore the serializer escapes (found by the property below)', 'a:fact_', 'a\\:fact\\_'],
    ['a longer name, which is no annotation', 'a:factory', 'a:factory'],
    ['a link', '[厦门](https://xm.gov.cn)', '\\[厦门]\\(https://xm.gov.cn)']
  ])('%s is escaped: %s', (_name, line, markdown) => {
    expect(blocksToMarkdown([{ kind: 'paragraph', text: line }])).toBe(`${markdown}\n`)
  })

  test('any text: every line comes back as it was', () => {
    // prettier-ignore
    const piece = fc.constantFrom(
      ...['一、', '（一）', '(二)', '1.', '1、', '2.5', '。', '标题', '空气质量', ' ', '\t', '　', '\n', '\r\n', '\n\n'],
      ...['*', '_', '#', '-', '+', '=', '>', '<', '&', '[', ']', '(', ')', '!', '`', '~', '|', '\\', ':', 'fact', '{', '}'],
      ...['<div>', '<!--', '&#x41;', 'http://a.b', '***', '```', '    ', '1)', '| --- |', '[a]: /b']
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('')
        const blocks = readPlainText(text)
        expect(readBack(blocksToMarkdown(blocks))).toEqual(blocks)
        expect(blocks.map((block) => block.text)).toEqual(linesOf(text))
      }),
      { numRuns: 1000 }
    )
  })
})
