import type { Nodes } from 'mdast'
import { toString } from 'mdast-util-to-string'

/**
 * The plain text of a block (paragraph, heading, table cell) as a reader
 * sees it, with the source offset of every character, and the spans that
 * are labels of fact annotations. Figures are found in this text, so that
 * names and quotes around an annotation still count, and mapped back to the
 * file through `offsets`.
 */
export interface BlockText {
  text: string
  /** Source offset of each UTF-16 unit of `text`; -1 for separators that stand for no source text. */
  offsets: number[]
  /** [start, end) ranges of `text` that are labels of fact annotations. */
  tagged: Array<[number, number]>
  /** The metric each fact annotation names, by where its label starts in `text`. */
  metrics: Map<number, string>
}

// Inline code and HTML are opaque: one separator keeps figures from running across them.
const separator = '\u0000'

export function blockText(block: Nodes, source: string, isFact: (node: Nodes) => boolean): BlockText {
  const result: BlockText = { text: '', offsets: [], tagged: [], metrics: new Map() }
  append(block, source, isFact, result)
  return result
}

function append(node: Nodes, source: string, isFact: (node: Nodes) => boolean, out: BlockText): void {
  if (node.type === 'text') {
    pushAligned(node.value, node.position?.start.offset, node.position?.end.offset, source, out)
    return
  }
  if (node.type === 'break') {
    push('\n', -1, out)
    return
  }
  if (node.type === 'inlineCode' || node.type === 'html' || node.type === 'image' || node.type === 'imageReference') {
    push(separator, -1, out)
    return
  }
  if (isFact(node)) {
    const start = out.text.length
    if ('children' in node) for (const child of node.children as Nodes[]) append(child, source, isFact, out)
    else push(toString(node), -1, out)
    out.tagged.push([start, out.text.length])
    const metric = 'attributes' in node ? node.attributes?.['metric'] : undefined
    if (metric) out.metrics.set(start, metric)
    return
  }
  if ('children' in node) for (const child of node.children as Nodes[]) append(child, source, isFact, out)
}

/** Map each character of a text node to its place in the source, stepping over escapes and entities. */
function pushAligned(
  value: string,
  start: number | undefined,
  end: number | undefined,
  source: string,
  out: BlockText
): void {
  if (start === undefined || end === undefined) {
    push(value, -1, out)
    return
  }
  // Text written as it reads, with no escape or entity in it: each unit stands where it is written.
  if (end - start === value.length && source.startsWith(value, start)) {
    out.text += value
    for (let index = 0; index < value.length; index++) out.offsets.push(start + index)
    return
  }
  let pointer = start
  for (const char of value) {
    let at = pointer
    while (at < end && !source.startsWith(char, at)) at++
    const found = at < end ? at : -1
    out.text += char
    for (let unit = 0; unit < char.length; unit++) out.offsets.push(found === -1 ? -1 : found + unit)
    if (found !== -1) pointer = found + char.length
  }
}

function push(text: string, offset: number, out: BlockText): void {
  out.text += text
  for (let index = 0; index < text.length; index++) out.offsets.push(offset)
}

/** The source offset of a text index, or of the nearest character before it that has one. */
export function sourceOffset(block: BlockText, index: number): number {
  for (let at = Math.min(index, block.offsets.length - 1); at >= 0; at--) {
    const offset = block.offsets[at]
    if (offset !== undefined && offset !== -1) return offset
  }
  return 0
}
