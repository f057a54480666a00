import type { TextDirective } from 'mdast-util-directive'
import { closingBracket } from '../remark/directive-source.js'
import { eachOfType } from '../remark/each-node.js'
import { factDirective } from '../extract/facts.js'
import type { CompiledReport } from '../model/compiled.js'

/**
 * report.md: the source with every annotation replaced by its label, as
 * written. Splicing the source rather than printing the tree keeps every
 * other byte (front matter, line breaks, escapes) exactly as the editor left it.
 */
export function emitReportMarkdown(report: CompiledReport): string {
  const { source } = report
  const edits: Array<{ start: number; end: number; label: string }> = []
  eachOfType(report.tree, 'textDirective', (node: TextDirective) => {
    if (node.name !== factDirective) return
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    edits.push({ start, end, label: strippedLabel(node, source) })
    return 'skip'
  })
  let out = ''
  let at = 0
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    out += source.slice(at, edit.start) + edit.label
    at = edit.end
  }
  return out + source.slice(at)
}

/**
 * The label of an annotation as written, the annotations it holds (one for each further metric
 * of the same figure) replaced by their own labels.
 */
function strippedLabel(node: TextDirective, source: string): string {
  const start = node.position?.start.offset ?? 0
  const end = node.position?.end.offset ?? start
  const open = start + 1 + node.name.length
  if (source[open] !== '[') return ''
  const close = closingBracket(source, open, end)
  let label = ''
  let at = open + 1
  for (const inner of heldAnnotations(node)) {
    const innerStart = inner.position?.start.offset
    const innerEnd = inner.position?.end.offset
    if (innerStart === undefined || innerEnd === undefined || innerStart < at || innerEnd > close) continue
    label += source.slice(at, innerStart) + strippedLabel(inner, source)
    at = innerEnd
  }
  return label + source.slice(at, close)
}

/** The fact annotations in the label of one, not those inside them, in order. */
function heldAnnotations(node: TextDirective): TextDirective[] {
  const held: TextDirective[] = []
  for (const child of node.children)
    eachOfType(child, 'textDirective', (inner: TextDirective) => {
      if (inner.name !== factDirective) return
      held.push(inner)
      return 'skip'
    })
  return held
}
