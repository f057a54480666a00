import type { Nodes } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { readFigure, type Figure } from '../chinese-number/index.js'
import { isDimensionName } from '../extract/fact-dimensions.js'
import { undecidedMetric } from '../extract/undecided-metric.js'
import { pointsOf } from '../model/positions.js'
import { directiveSpans } from '../remark/directive-source.js'
import { eachOfType } from '../remark/each-node.js'
import { labelBefore } from './metric-stubs.js'

/** An annotation already written with metric=?, as a draft metric (--stubs) would take it. */
export interface UndecidedAnnotation {
  /** Where the annotation starts, as an editor finds it. */
  line: number
  column: number
  /** Its label, as printed. */
  text: string
  figure: Figure
  /** The words before it that name it, when any do. */
  label: string | undefined
  /** The dimensions it names (site=…), which only a metric that declares them can take. */
  dimensions: string[]
  /** Where the annotation starts, and where its `?` stands, in the text. */
  start: number
  at: number
}

/**
 * The annotations of a report's text (its tree read from that text) whose metric is `?` and whose
 * label reads as a figure: the ones `suggest --write` wrote on an earlier run without a guess. A
 * later `--write --stubs` drafts a metric for each, as it does for a figure it annotates.
 */
export function undecidedAnnotations(body: string, tree: Nodes): UndecidedAnnotation[] {
  const toPoint = pointsOf(body)
  const found: UndecidedAnnotation[] = []
  eachOfType(tree, 'textDirective', (node) => {
    if (node.name !== 'fact' || node.attributes?.['metric'] !== undecidedMetric) return
    const spans = directiveSpans(node, body, toPoint)
    const value = spans?.attributes.findLast((attribute) => attribute.name === 'metric')?.value
    const start = spans?.whole.start
    const from = value?.start.offset
    const to = value?.end.offset
    if (start?.offset === undefined || from === undefined || to === undefined) return
    const at = from + body.slice(from, to).indexOf(undecidedMetric)
    const text = toString(node)
    const figure = readFigure(text)
    if (!figure.ok || at < from) return
    const lineStart = body.lastIndexOf('\n', start.offset - 1) + 1
    const label = labelBefore(body.slice(lineStart, start.offset))
    const dimensions = Object.keys(node.attributes ?? {}).filter(isDimensionName)
    found.push({
      line: start.line,
      column: start.column,
      text,
      figure: figure.value,
      label,
      dimensions,
      start: start.offset,
      at
    })
  })
  return found
}
