import type { Fact, Labels, MetricKind } from '../../model/schema-types.js'
import type { Registry } from '../../model/compiled.js'

/**
 * The XBRL item type of a metric's concept, by the metric's kind. One
 * concept carries every aspect of the metric but a relative change (levels,
 * starts, targets and changes, told apart by the aspect dimension), so the
 * type must hold them all: a count is xbrli:integerItemType rather than
 * nonNegativeIntegerItemType because a change of a count (减少5个) is
 * negative.
 */
const itemTypes: Record<MetricKind, string> = {
  money: 'xbrli:monetaryItemType',
  percent: 'xbrli:pureItemType',
  'percentage-point': 'xbrli:pureItemType',
  count: 'xbrli:integerItemType',
  rank: 'xbrli:integerItemType',
  class: 'xbrli:integerItemType',
  quantity: 'xbrli:decimalItemType',
  index: 'xbrli:decimalItemType',
  date: 'xbrli:stringItemType'
}

interface Companion {
  /** Appended to the metric id; registry ids have no hyphen, so no metric can take the name. */
  suffix: string
  type: string
  label: Labels
}

/**
 * Aspects whose values the metric's own concept cannot hold get a concept
 * of their own beside it: a relative change (下降5%) is a ratio whatever the
 * metric measures, which an integer or monetary concept would reject.
 */
const companions: Partial<Record<Fact['aspect'], Companion>> = {
  'relative-change': {
    suffix: '-relative-change',
    type: 'xbrli:pureItemType',
    label: { zh: '变化率', en: 'relative change' }
  }
}

/** The local name of the concept a fact is reported with. */
export function conceptName(fact: Pick<Fact, 'metric' | 'aspect'>): string {
  return fact.metric + (companions[fact.aspect]?.suffix ?? '')
}

export interface ConceptDeclaration {
  /** Local name in the metrics namespace. */
  name: string
  type: string
  label: Labels
  /** What the metric measures, from the registry: the concept's documentation label. */
  definition?: Labels
}

/** Every concept of the taxonomy: each metric, then its companions, in metric id order. */
export function conceptDeclarations(registry: Registry): ConceptDeclaration[] {
  const ids = [...registry.metrics.keys()].sort()
  return ids.flatMap((id) => {
    const metric = registry.metrics.get(id)
    if (!metric) return []
    const own: ConceptDeclaration = {
      name: id,
      type: itemTypes[metric.kind],
      label: metric.label,
      ...(metric.definition && { definition: metric.definition })
    }
    const beside = Object.values(companions).map((companion) => ({
      name: id + companion.suffix,
      type: companion.type,
      label: { zh: `${metric.label.zh}(${companion.label.zh})`, en: `${metric.label.en} (${companion.label.en})` }
    }))
    return [own, ...beside]
  })
}
