import { compareStrings, sortedEntries } from '../../model/compare.js'
import type { Fact, Labels } from '../../model/schema-types.js'
import type { Registry } from '../../model/compiled.js'

export interface TypedDimension {
  /** Local name in the dimensions namespace. */
  name: string
  label: Labels
}

interface FactDimension extends TypedDimension {
  valueOf: (fact: Fact) => string | undefined
}

/**
 * Dimensions every fact may carry besides the metric's own. A start, a
 * target or a change shares metric, entity and period with the level, so
 * without its aspect it would fall into the level's context; a level has
 * none, so that plain XBRL consumers see it as the default value.
 */
const builtInDimensions: readonly FactDimension[] = [
  {
    name: 'aspect',
    label: { zh: '取值性质(期初值、目标值、变化量、变化率)', en: 'Aspect (start, target, change or relative change)' },
    valueOf: (fact) => (fact.aspect === 'level' ? undefined : fact.aspect)
  },
  {
    name: 'basePeriod',
    label: { zh: '比较基期', en: 'Base period of a change' },
    valueOf: (fact) => fact.basePeriod
  }
]

/**
 * Every typed dimension of the taxonomy: the fact dimensions, then each
 * dimension name the registry declares, in name order. Metrics may label the
 * same name differently (site: 断面, 水源地); one XBRL dimension stands for
 * all of them, labelled with each distinct label in metric id order.
 */
export function typedDimensions(registry: Registry): TypedDimension[] {
  const labels = new Map<string, Labels[]>()
  for (const id of [...registry.metrics.keys()].sort()) {
    for (const [name, dimension] of Object.entries(registry.metrics.get(id)?.dimensions ?? {})) {
      const seen = labels.get(name) ?? []
      if (!seen.some((label) => label.zh === dimension.label.zh && label.en === dimension.label.en))
        seen.push(dimension.label)
      labels.set(name, seen)
    }
  }
  // A registry dimension named like a fact dimension could never be set (aspect= is an attribute of its own).
  const own = new Set(builtInDimensions.map((dimension) => dimension.name))
  const declared = [...labels.entries()]
    .filter(([name]) => !own.has(name))
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([name, list]) => ({
      name,
      label: {
        zh: distinct(list.map((label) => label.zh)).join('/'),
        en: distinct(list.map((label) => label.en)).join(' / ')
      }
    }))
  return [...builtInDimensions.map(({ name, label }) => ({ name, label })), ...declared]
}

function distinct(texts: string[]): string[] {
  return [...new Set(texts)]
}

/** The typed dimension values of a fact, fact dimensions first, then its own in name order. */
export function dimensionValues(fact: Fact): Array<[name: string, value: string]> {
  const own = builtInDimensions.flatMap((dimension): Array<[string, string]> => {
    const value = dimension.valueOf(fact)
    return value === undefined ? [] : [[dimension.name, value]]
  })
  const declared = sortedEntries(fact.dimensions)
  return [...own, ...declared]
}
