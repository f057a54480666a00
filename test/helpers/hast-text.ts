import type { ElementContent, Root } from 'hast'

/** The text of a node of a parsed page, as a reader sees it before spaces are squeezed; '' for none. */
export function textOf(node: ElementContent | Root | null | undefined): string {
  if (!node) return ''
  if (node.type === 'text') return node.value
  if (node.type === 'element' || node.type === 'root')
    return node.children.map((child) => textOf(child as ElementContent)).join('')
  return ''
}

/** Runs of white space as one space, none at the ends. */
export function squeeze(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}
