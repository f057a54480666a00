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
    edits.push({ start, end, label: labelSource(source, start, end, node.name) })
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

/** The label between the brackets of `:name[label]{…}`, as written in the source. */
function labelSource(source: string, start: number, end: number, name: string): string {
  const open = start + 1 + name.length
  if (source[open] !== '[') return ''
  return source.slice(open + 1, closingBracket(source, open, end))
}
