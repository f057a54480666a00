import type { PhrasingContent } from 'mdast'
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
  return nestedAnnotationText(label, [attributes])
}

/**
 * An annotation for each set of attributes around one figure, one in the label of the other, the
 * first outermost: `:fact[:fact[100%]{…}]{…}` for a figure that states several metrics.
 */
export function nestedAnnotationText(label: string, levels: readonly Attributes[]): string | undefined {
  let node: PhrasingContent = { type: 'text', value: label }
  for (const attributes of [...levels].reverse())
    node = { type: 'textDirective', name: 'fact', attributes, children: [node] } satisfies TextDirective
  const written = toMarkdown({ type: 'paragraph', children: [node] }, { extensions: [factToMarkdown()] }).replace(
    /\n$/,
    ''
  )
  return levels.length > 0 && written.startsWith(`${':fact['.repeat(levels.length)}${label}]{`) ? written : undefined
}

/** The attributes of the first annotation in a text: how a proposal of `suggest` is read back into data. */
export function attributesOf(markdown: string): Attributes | undefined {
  return attributesOfEach(markdown)[0]
}

/** The attributes of the first annotation in a text and of those in its label, outermost first. */
export function attributesOfEach(markdown: string): Attributes[] {
  let first: TextDirective | undefined
  eachOfType(parseMarkdown(markdown), 'textDirective', (node) => {
    if (first !== undefined || node.name !== 'fact') return
    first = node
    return 'skip'
  })
  const found: Attributes[] = []
  if (first)
    eachOfType(first, 'textDirective', (node) => {
      if (node.name === 'fact')
        found.push(Object.fromEntries(Object.entries(node.attributes ?? {}).map(([key, value]) => [key, value ?? ''])))
    })
  return found
}
