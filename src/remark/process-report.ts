import type { Root } from 'mdast'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { VFile } from 'vfile'
import type { Result } from '../model/result.js'
import type { LimitProblem } from './input-limits.js'
import { readMarkdown } from './parse.js'
import remarkFact, { type RemarkFactOptions } from './plugin.js'

/**
 * Read a report's Markdown as factmark does, within its input limits and
 * block by block (see parse.ts), and run the remarkFact plugin on the tree:
 * the same processor a plain `unified().use(remarkParse).use(remarkFact)`
 * pipeline is. `markdown` is the file's text with its front matter blanked
 * out, so that positions are file positions; the facts and problems go
 * onto `file`.
 */
export function processReport(file: VFile, markdown: string, options: RemarkFactOptions): Result<Root, LimitProblem> {
  const parsed = readMarkdown(markdown)
  if (!parsed.ok) return parsed
  unified().use(remarkParse).use(remarkFact, options).runSync(parsed.value, file)
  return parsed
}
