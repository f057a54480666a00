import type { Figure } from '../chinese-number/index.js'
import { accepts } from '../extract/fact-value.js'
import type { Registry } from '../model/compiled.js'

export interface MetricGuess {
  metric: string
  /** The alias that matched, for the reader of a suggestion. */
  alias: string
}

// How far from its figure a metric's phrase may stand, and where a clause ends.
// Chinese names what is counted before the figure (优良率99.2%) or after its
// measure word (205个超标入河排污口), so both sides are read; the list comma
// 、 does not end a clause before a figure (PM2.5、PM10浓度分别为…).
const reach = 30
const endBefore = /[。;;!?！？,,\n]/g
const endAfter = /[。;;!?！？,,、\n]/

/**
 * The metric a figure most likely belongs to: the registry alias nearest to
 * it in its clause, longer phrases first, among the metrics whose kind can
 * take a figure of this form. A metric whose label counts the figure's
 * measure word (…批次 for 12批, …件数 for 92件) is preferred.
 */
export function guessMetric(
  before: string,
  after: string,
  figure: Figure,
  registry: Registry
): MetricGuess | undefined {
  let left = before.slice(-reach)
  let cut = -1
  for (const match of left.matchAll(endBefore)) cut = match.index
  left = left.slice(cut + 1)
  const right = after.slice(0, reach).split(endAfter)[0] ?? ''

  let best: (MetricGuess & { score: number }) | undefined
  for (const [id, metric] of registry.metrics) {
    if (!accepts[metric.kind].includes(figure.kind)) continue
    const { classifier } = figure
    const label = metric.label.zh
    const counts =
      classifier !== undefined &&
      (label.endsWith(classifier) || label.includes(`${classifier}数`) || label.endsWith(`${classifier}次`))
    for (const alias of metric.aliases ?? []) {
      const distances: number[] = []
      const at = left.lastIndexOf(alias)
      if (at !== -1) distances.push(left.length - (at + alias.length))
      // After a measure word comes what is counted: 43名干部职级晋升.
      const ahead = right.indexOf(alias)
      if (ahead !== -1) distances.push(ahead - (classifier === undefined ? 0 : 2))
      for (const distance of distances) {
        const score = alias.length * 2 - distance + (counts ? 10 : 0)
        if (!best || score > best.score) best = { metric: id, alias, score }
      }
    }
  }
  return best && { metric: best.metric, alias: best.alias }
}

/** The aspect the words just before a figure give it: 由50%, 提升2.1个百分点, 下降3%. */
export function guessAspect(before: string, figure: Figure): 'start' | 'increase' | 'decrease' | undefined {
  const near = before.slice(-8)
  if (/由$/.test(near)) return 'start'
  if (figure.kind !== 'percentage-point' && !/(同比|较上年|比上年)/.test(near)) return undefined
  if (/(提升|提高|增加|上升|增长|增幅)[^,,。;]*$/.test(near)) return 'increase'
  if (/(下降|降低|减少|下滑|降幅)[^,,。;]*$/.test(near)) return 'decrease'
  return undefined
}
