import type { Element, Root as HastRoot } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import MarkdownIt from 'markdown-it'
import { toString } from 'mdast-util-to-string'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, test } from 'vitest'
import { seedOriginal, seedReport } from './helpers/seed.js'
import { seedBuild } from './helpers/seed-build.js'

const markdown = seedBuild().artifacts.get('xiamen-2025/report.md') ?? ''
const source = seedReport.text
const frontMatter = (text: string) => /^---\n[\s\S]*?\n---\n/.exec(text)?.[0] ?? ''
const body = markdown.slice(frontMatter(markdown).length)

// Plain CommonMark readers: no directive extension, so an annotation left behind would show.
const remarkBlocks = unified()
  .use(remarkParse)
  .parse(body)
  .children.map((node) => toString(node))
  .filter((text) => text !== '')

function textOf(node: Element | HastRoot): string {
  return node.children
    .map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : ''))
    .join('')
}
const markdownItBlocks = fromHtml(new MarkdownIt('commonmark').render(body), { fragment: true })
  .children.filter((node): node is Element => node.type === 'element')
  .map((node) => textOf(node))
  .filter((text) => text !== '')

describe('report.md', () => {
  test('keeps the front matter of the source as it is', () => {
    expect(frontMatter(markdown)).toBe(frontMatter(source))
    expect(frontMatter(markdown)).toContain('slug: xiamen-2025')
  })

  test('has no annotation left', () => {
    expect(markdown).not.toMatch(/:fact\[|\{metric=/)
  })

  test('reads as the paragraphs of the report, exactly', () => {
    const paragraphs = seedOriginal.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('闽公网安备'))
    expect(remarkBlocks).toEqual(paragraphs)
  })

  test('gives the same text under markdown-it as under remark', () => {
    expect(markdownItBlocks).toEqual(remarkBlocks)
    expect(markdownItBlocks).toHaveLength(33)
  })

  test('differs from the source only where annotations stood', () => {
    expect(markdown).toBe(source.replace(/:fact\[([^\]]*)\]\{[^}]*\}/g, '$1'))
  })
})
