import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { readFigure, readUnit, CURRENCY, type FigureKind } from '../chinese-number/index.js'
import type { Registry } from '../model/compiled.js'
import type { Metric, MetricKind } from '../model/schema-types.js'
import { eachOfType } from '../remark/each-node.js'
import { factName } from '../remark/fact-syntax.js'
import { isDimensionName } from './fact-dimensions.js'

// The kind of metric a figure implies; a change in points belongs to a percentage.
const kindOf: Record<FigureKind, MetricKind> = {
  number: 'index',
  percent: 'percent',
  'percentage-point': 'percent',
  count: 'count',
  quantity: 'quantity',
  money: 'money',
  rank: 'rank',
  class: 'class',
  date: 'date',
  unchanged: 'index'
}

const changing = new Set(['change', 'increase', 'decrease', 'improve', 'worsen'])

interface Sighting {
  kind: FigureKind
  unit: string
  /** A change, whose percentage may be relative to a level of any kind. */
  change: boolean
}

/**
 * The metrics a text implies when no registry defines them: each metric id
 * is what the figures annotated with it say, the kind and unit of its first
 * level (a change only when it has none), with every other attribute a
 * dimension. Facts are then read as their labels and attributes say, and
 * the facts of one metric must still agree with each other.
 */
export function impliedRegistry(tree: Root): Registry {
  const sightings = new Map<string, Sighting[]>()
  const dimensions = new Map<string, Set<string>>()
  eachOfType(tree, 'textDirective', (node) => {
    const attributes = node.attributes ?? {}
    const id = attributes['metric']
    if (node.name !== factName || !id) return
    const seen = sightings.get(id) ?? []
    sightings.set(id, seen)
    const sighting = sightingOf(
      toString(node),
      attributes['unit'] ?? undefined,
      changing.has(attributes['aspect'] ?? '')
    )
    if (sighting) seen.push(sighting)
    const names = dimensions.get(id) ?? new Set()
    dimensions.set(id, names)
    for (const name of Object.keys(attributes)) if (isDimensionName(name)) names.add(name)
  })
  const metrics = new Map<string, Metric>()
  for (const [id, seen] of sightings) metrics.set(id, impliedMetric(id, seen, dimensions.get(id) ?? new Set()))
  return { metrics, calculations: [] }
}

function sightingOf(label: string, unit: string | undefined, change: boolean): Sighting | undefined {
  const read = readFigure(label)
  if (!read.ok) return undefined
  const figure = read.value
  const reading = unit !== undefined && figure.displayUnit === '' ? readUnit(unit) : undefined
  return reading ? { kind: reading.kind, unit: reading.unit, change } : { kind: figure.kind, unit: figure.unit, change }
}

function impliedMetric(id: string, seen: readonly Sighting[], dimensionNames: ReadonlySet<string>): Metric {
  // A bare number or 持平 says nothing of the metric's kind.
  const telling = seen.filter((sighting) => sighting.kind !== 'number' && sighting.kind !== 'unchanged')
  const first = telling.find((sighting) => !sighting.change) ?? telling[0]
  const kind = first ? kindOf[first.kind] : 'index'
  const unit = kind === 'quantity' ? (first?.unit ?? '1') : kind === 'percent' ? '%' : kind === 'money' ? CURRENCY : '1'
  const metric: Metric = { label: { zh: id, en: id }, kind, unit, better: 'neutral' }
  if (dimensionNames.size > 0) {
    metric.dimensions = Object.fromEntries([...dimensionNames].map((name) => [name, { label: { zh: name, en: name } }]))
  }
  return metric
}
