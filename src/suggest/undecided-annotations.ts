import type { Nodes } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { readFigure, type Figure } from '../chinese-number/index.js'
import { isAspectAttribute, isChangeAttribute } from '../extract/aspects.js'
import { isDimensionName } from '../extract/fact-dimensions.js'
import { undecidedMetric } from '../extract/undecided-metric.js'
import { pointsOf } from '../model/positions.js'
import { directiveSpans } from '../remark/directive-source.js'
import { eachOfType } from '../remark/each-node.js'
import { stubLabelAt } from './metric-stubs.js'
import { readRespectively } from './respectively.js'
import { restatedFigure } from './restated-figure.js'

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
  /**
   * The annotation before it whose figure this one, a change, restates (面积比91.7%、同比提升7.5个百分点,
   * or a 分别-list of changes after the levels): where it starts, and its metric (`?` if undecided).
   * Its metric, or the draft it gets, is this one's.
   */
  restates?: { start: number; metric: string }
  /** Whether it is a change from a base, which a metric of another kind may take (同比改善10.3%). */
  isChange: boolean
}

/**
 * The annotations of a report's text (its tree read from that text) whose metric is `?` and whose
 * label reads as a figure: the ones `suggest --write` wrote on an earlier run without a guess. A
 * later `--write --stubs` drafts a metric for each, as it does for a figure it annotates.
 */
export function undecidedAnnotations(body: string, tree: Nodes): UndecidedAnnotation[] {
  const toPoint = pointsOf(body)
  const found: UndecidedAnnotation[] = []
  // Every annotation, in text order: a change restates the figure of one before it.
  const all: Array<{ start: number; end: number; metric: string }> = []
  eachOfType(tree, 'textDirective', (node) => {
    const whole = node.position
    if (node.name !== 'fact' || whole?.start.offset === undefined || whole.end.offset === undefined) return
    all.push({ start: whole.start.offset, end: whole.end.offset, metric: node.attributes?.['metric'] ?? '' })
  })
  // The text with each annotation blanked out, its length kept: `?` and `:` within one end no
  // sentence or clause of the text around it.
  let blanked: string | undefined
  const masked = () => {
    if (blanked === undefined) {
      let from = 0
      const parts: string[] = []
      for (const { start, end } of all) {
        // An annotation inside another (a figure of several metrics) is blanked with it.
        if (start < from) continue
        parts.push(body.slice(from, start), 'x'.repeat(end - start))
        from = end
      }
      blanked = parts.join('') + body.slice(from)
    }
    return blanked
  }
  eachOfType(tree, 'textDirective', (node) => {
    if (node.name !== 'fact' || node.attributes?.['metric'] !== undecidedMetric) return
    const spans = directiveSpans(node, body, toPoint)
    if (!spans) return
    const value = spans.attributes.findLast((attribute) => attribute.name === 'metric')?.value
    const start = spans.whole.start
    const from = value?.start.offset
    const to = value?.end.offset
    if (start.offset === undefined || from === undefined || to === undefined) return
    const at = from + body.slice(from, to).indexOf(undecidedMetric)
    const text = toString(node)
    const figure = readFigure(text)
    if (!figure.ok || at < from) return
    const label = stubLabelAt(body, start.offset, spans.whole.end.offset ?? start.offset, figure.value)
    const dimensions = Object.keys(node.attributes ?? {}).filter(isDimensionName)
    const index = all.findIndex((annotation) => annotation.start === start.offset)
    const aspect = node.attributes['aspect'] ?? ''
    const isChange = isAspectAttribute(aspect) && isChangeAttribute(aspect)
    const earlier = restatedFigure(masked(), all, index, readRespectively(masked(), all, index), isChange)
    const restated = earlier === undefined ? undefined : all[earlier]
    found.push({
      line: start.line,
      column: start.column,
      text,
      figure: figure.value,
      label,
      dimensions,
      start: start.offset,
      at,
      isChange,
      ...(restated && { restates: { start: restated.start, metric: restated.metric } })
    })
  })
  return found
}
