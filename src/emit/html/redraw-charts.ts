import type { Registry } from '../../model/compiled.js'
import { htmlOf } from './to-html.js'
import { chartFigure, chartsOf, type Chart, type ChartedBundle } from './charts.js'
import { levelKey, type PublishedLevel } from './collection-lookup.js'
import { safePageText, safeTree } from './safe-text.js'

/** The levels of other reports a page is drawn with, by levelKey. */
export type DrawnLevels = ReadonlyMap<string, PublishedLevel>

/**
 * A report's page as it is drawn with the levels `answers` of the collection, made from the page
 * drawn with `drawn`: of everything on a page, only the chart of a change whose base another
 * report publishes depends on them (see chartsOf), so each chart that differs is replaced, and
 * the report is not compiled again to draw it. Undefined when a chart does not stand in the page
 * exactly once as it was drawn (the page is not the one drawn with `drawn`): the page must then be
 * rendered again.
 */
export function redrawCharts(
  page: string,
  bundle: ChartedBundle,
  registry: Registry | undefined,
  drawn: DrawnLevels,
  answers: DrawnLevels
): string | undefined {
  const before = chartsOf(bundle, registry, (query) => drawn.get(levelKey(query)))
  const after = chartsOf(bundle, registry, (query) => answers.get(levelKey(query)))
  if (before.length !== after.length) return undefined
  let text = page
  for (const [index, chart] of before.entries()) {
    const old = figureHtml(chart, index)
    const at = text.indexOf(old)
    if (at === -1 || text.includes(old, at + 1)) return undefined
    const next = after[index] as Chart
    if (JSON.stringify(next) === JSON.stringify(chart)) continue
    text = text.slice(0, at) + figureHtml(next, index) + text.slice(at + old.length)
  }
  return text
}

/** A chart as the page writes it: its figure made safe, then serialized, as the body is (see renderBody). */
function figureHtml(chart: Chart, index: number): string {
  const figure = chartFigure(chart, index)
  const root = { type: 'root' as const, children: [figure] }
  safeTree(root)
  return safePageText(htmlOf(root))
}
