import type {} from 'remark-parse'
import type {} from 'remark-stringify'
import type { Processor } from 'unified'
import { factFromMarkdown, factToMarkdown } from './fact-markdown.js'
import { factSyntax } from './fact-syntax.js'

/** The syntax of the `remarkFact` plugin alone: parse and write annotations without reading facts. */
export function remarkFactSyntax(this: Processor): undefined {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(factSyntax())
  ;(data.fromMarkdownExtensions ??= []).push(factFromMarkdown())
  ;(data.toMarkdownExtensions ??= []).push(factToMarkdown())
  return undefined
}
