import type { TextDirective } from 'mdast-util-directive'
import { toMarkdown } from 'mdast-util-to-markdown'
import { factToMarkdown } from '../remark/fact-markdown.js'
import { eachOfType } from '../remark/each-node.js'
import { parseMarkdown } from '../remark/parse.js'

export type Attributes = Record<string, string>

/**
 * `:fact[label]{…}` for a figure, written by the directive serializer that
 * remark-stringify uses (mdast-util-directive through factmark's own
 * extension), so that a value with spaces, quotes, `}` or `=` is quoted and
 * escaped as factmark's parser reads it back. Undefined when the serializer
 * would change the label: the annotation would then not give back the text.
 */
export function annotationText(label: string, attributes: Attributes): string | undefined {
  const node: TextDirective = {
    type: 'textDirective',
    name: 'fact',
    attributes,
    children: [{ type: 'text', value: label }]
  }
  const written = toMarkdown({ type: 'paragraph', children: [node] }, { extensions: [factToMarkdown()] }).replace(
    /\n$/,
    ''
  )
  return written.startsWith(`:fact[${label}]{`) ? written : undefined
}

/** The attributes of the first annotation in a text: how a proposal of `suggest` is read back into data. */
export function attributesOf(markdown: string): Attributes | undefined {
  let found: Attributes | undefined
  eachOfType(parseMarkdown(markdown), 'textDirective', (node) => {
    if (found !== undefined || node.name !== 'fact') return
    found = Object.fromEntries(Object.entries(node.attributes ?? {}).map(([key, value]) => [key, value ?? '']))
  })
  return found
}
