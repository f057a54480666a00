import { gfmTableFromMarkdown, gfmTableToMarkdown } from 'mdast-util-gfm-table'
import { gfmTable } from 'micromark-extension-gfm-table'
import { textWidth } from '../model/text-width.js'
import type { Processor } from 'unified'

/**
 * GFM tables, and no other GFM construct: editors write fact sheets as
 * tables, while strikethrough, autolink literals, footnotes and task lists
 * would change how existing reports read (`~` in 约1~2年, a bare `www.`
 * address becoming a link). Written back, columns are padded by display
 * width, so that a column of Chinese text lines up in a monospace editor.
 */
export function remarkTableSyntax(this: Processor): undefined {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(gfmTable())
  ;(data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown())
  ;(data.toMarkdownExtensions ??= []).push(gfmTableToMarkdown({ stringLength: textWidth }))
  return undefined
}
