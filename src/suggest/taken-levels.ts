import type { Nodes, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { readFigure, type Figure } from '../chinese-number/index.js'
import type { Registry } from '../model/compiled.js'
import { eachNode } from '../remark/each-node.js'

/**
 * The levels a report states, by what they are of (metric, period, entity, members of dimensions),
 * with the value of each: a second figure proposed for one of them with another value would be an
 * inconsistent-duplicate error, a figure of something else given the metric of a neighbour
 * (第7 and 并列全国第一 under one rank where the registry has one rank only).
 */
export type TakenLevels = Map<string, string>

/**
 * What a level is of, as a key: the metric, its period and entity when written, and its members;
 * undefined when a dimension of the metric has no member written, as the figure may be of any.
 */
export function statedLevelKey(
  registry: Registry,
  metric: string,
  attributes: Readonly<Record<string, string | null | undefined>>
): string | undefined {
  const dimensions = Object.keys(registry.metrics.get(metric)?.dimensions ?? {}).sort()
  if (dimensions.some((dimension) => !attributes[dimension])) return undefined
  const members = dimensions.map((dimension) => `${dimension}=${attributes[dimension] ?? ''}`)
  return [metric, attributes['period'] ?? '', attributes['entity'] ?? '', ...members].join('\0')
}

/** A figure's value as a key: two figures that read alike (第1, 第一) have one. */
export function valueKey(figure: Figure): string {
  return [figure.value, figure.upper ?? '', figure.unit].join('\0')
}

/**
 * Where a figure's value is kept among the levels taken: by what it is of and by its form, for a
 * figure of another form (2.1个百分点 beside 98.1%) is a change or another measure, not the level.
 */
export function takenKey(level: string, figure: Figure): string {
  return `${level}\0${figure.kind}`
}

/** The levels the report's annotations already state (see TakenLevels). */
export function taggedLevels(tree: Root, isFact: (node: Nodes) => boolean, registry: Registry): TakenLevels {
  const taken: TakenLevels = new Map()
  eachNode(tree, (node) => {
    if (node.type !== 'textDirective' || !isFact(node)) return
    const attributes = node.attributes ?? {}
    const metric = attributes['metric']
    const aspect = attributes['aspect'] ?? 'level'
    const read = readFigure(toString(node))
    const key =
      metric && registry.metrics.has(metric) && aspect === 'level'
        ? statedLevelKey(registry, metric, attributes)
        : undefined
    if (key !== undefined && read.ok) taken.set(takenKey(key, read.value), valueKey(read.value))
  })
  return taken
}
