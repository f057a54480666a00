import type { Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast'
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive'
import type { Point } from 'unist'
import { pointsOf } from '../model/positions.js'

export type Directive = TextDirective | LeafDirective | ContainerDirective

/** Whether a node is one of factmark's own annotations, to be kept as a directive. */
export type IsOwn = (node: Directive) => boolean

/**
 * Turn every directive that is not factmark's back into the text it was
 * written as. The directive syntax claims any `:name`, so `注:见附表` or a
 * `:::` line would otherwise vanish from the report.
 */
export function restoreForeignDirectives(tree: Root, source: string, isOwn: IsOwn): Directive[] {
  const restored: Directive[] = []
  restoreIn(tree, { source, toPoint: pointsOf(source) }, isOwn, restored)
  return restored
}

/** The source, and how to turn an offset in it into a point, so restored text keeps its place. */
interface Context {
  source: string
  toPoint: (offset: number) => Point
}

function isDirective(node: Nodes): node is Directive {
  return node.type === 'textDirective' || node.type === 'leafDirective' || node.type === 'containerDirective'
}

function restoreIn(parent: Parent, source: Context, isOwn: IsOwn, restored: Directive[]): void {
  const children: Nodes[] = []
  for (const child of parent.children as Nodes[]) {
    if ('children' in child) restoreIn(child, source, isOwn, restored)
    if (isDirective(child) && !isOwn(child)) {
      restored.push(child)
      children.push(...literal(child, source))
    } else {
      children.push(child)
    }
  }
  parent.children = mergeTexts(children) as typeof parent.children
}

/** The directive as written: its own syntax as text, with its content kept as nodes. */
function literal(node: Directive, source: Context): Nodes[] {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return node.children as Nodes[]
  if (node.type === 'containerDirective') return containerLiteral(node, source, start, end)
  const content = node.children as PhrasingContent[]
  const first = content[0]?.position?.start.offset
  const last = content.at(-1)?.position?.end.offset
  const pieces: PhrasingContent[] =
    first === undefined || last === undefined
      ? [text(source, start, end)]
      : [text(source, start, first), ...content, text(source, last, end)]
  if (node.type === 'textDirective') return pieces
  const paragraph: Paragraph = { type: 'paragraph', children: mergeTexts(pieces) as PhrasingContent[] }
  if (node.position) paragraph.position = node.position
  return [paragraph]
}

function containerLiteral(node: ContainerDirective, context: Context, start: number, end: number): Nodes[] {
  const { source } = context
  const [label, ...body] = node.children
  const hasLabel = label?.type === 'paragraph' && label.data?.directiveLabel === true
  const blocks = (hasLabel ? body : node.children) as RootContent[]
  const openingEnd = source.indexOf('\n', start)
  const opening = paragraphOf(context, start, openingEnd === -1 ? end : openingEnd)
  const afterBody = blocks.at(-1)?.position?.end.offset ?? (openingEnd === -1 ? end : openingEnd)
  const closingText = source.slice(afterBody, end).trim()
  const closingStart = source.indexOf(closingText, afterBody)
  const closing = closingText === '' ? [] : [paragraphOf(context, closingStart, closingStart + closingText.length)]
  return [opening, ...blocks, ...closing]
}

function paragraphOf(context: Context, start: number, end: number): Paragraph {
  return { type: 'paragraph', children: [text(context, start, end)] }
}

function text(context: Context, start: number, end: number): Text {
  return { type: 'text', value: context.source.slice(start, end), position: { start: context.toPoint(start), end: context.toPoint(end) } }
}

function mergeTexts(nodes: Nodes[]): Nodes[] {
  const merged: Nodes[] = []
  for (const node of nodes) {
    const previous = merged.at(-1)
    if (node.type === 'text' && node.value === '') continue
    if (node.type === 'text' && previous?.type === 'text') {
      const joined: Text = { type: 'text', value: previous.value + node.value }
      if (previous.position && node.position) joined.position = { start: previous.position.start, end: node.position.end }
      merged[merged.length - 1] = joined
    } else {
      merged.push(node)
    }
  }
  return merged
}
