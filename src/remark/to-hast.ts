import type { Element, ElementContent } from 'hast'
import type { Handler, State } from 'mdast-util-to-hast'
import type { Nodes } from 'mdast'
import { factElement } from '../emit/html/fact-element.js'

// Tooltip ids count per document, as each conversion has a state of its own.
const tips = new WeakMap<State, number>()

/**
 * The remark-rehype handler for text directives: an annotation that became
 * a fact is its `<data>` element, as on factmark's pages but without the
 * link to a facts table; an annotation with errors is its label. Another
 * directive (from remark-directive) is what its `data.hName` says, or its
 * content.
 */
export const factHandler: Handler = (state: State, node: Nodes): Element | ElementContent[] => {
  const children = state.all(node)
  const fact = node.type === 'textDirective' ? node.data?.fact : undefined
  if (node.type === 'textDirective' && fact) {
    const tip = (tips.get(state) ?? 0) + 1
    tips.set(state, tip)
    return factElement(fact, node.data?.factMetric, children, { tip: `tip-${tip}`, linked: false })
  }
  if (node.data?.hName === undefined) return children
  const element: Element = { type: 'element', tagName: 'div', properties: {}, children }
  state.patch(node, element)
  return state.applyData(node, element)
}
