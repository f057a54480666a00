import type { Root } from 'mdast'
import remarkDirective from 'remark-directive'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

// remark-directive is pinned to 3.x: from 4.0 a directive name may start with
// a digit, which turns times and ratios (10:30, 1:2) into directives.
const processor = unified().use(remarkParse).use(remarkDirective).freeze()

/** Parse Markdown with directives into an mdast tree whose positions are file positions. */
export function parseMarkdown(markdown: string): Root {
  return processor.parse(markdown)
}
