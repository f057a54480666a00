import type { Root, RootContent } from 'mdast'
import { toMarkdown } from 'mdast-util-to-markdown'
import { factToMarkdown } from '../remark/fact-markdown.js'
import type { PlainBlock } from './plain-text.js'

/**
 * Write the blocks of a plain-text report as Markdown that reads back as the same text: what
 * Markdown or factmark's annotation would take for syntax (`*`, `#` at a line's start, `<`, `&`,
 * `:fact`) is escaped by mdast-util-to-markdown, the serializer remark itself uses.
 */
export function blocksToMarkdown(blocks: readonly PlainBlock[]): string {
  const tree: Root = { type: 'root', children: blocks.map(toNode) }
  return toMarkdown(tree, { extensions: [factToMarkdown()] })
}

function toNode(block: PlainBlock): RootContent {
  const children = [{ type: 'text' as const, value: block.text }]
  return block.depth === undefined ? { type: 'paragraph', children } : { type: 'heading', depth: block.depth, children }
}
