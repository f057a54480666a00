import type { Position } from 'unist'
import { sortedEntries } from '../model/compare.js'
import { plural } from '../model/plural.js'
import { didYouMeanText } from '../diagnostics/did-you-mean.js'
import type { RuleId } from '../diagnostics/rules.js'
import type { Metric } from '../model/schema-types.js'

/** Attributes with a meaning of their own; any other is a dimension of the metric. */
const factAttributes = new Set(['metric', 'id', 'unit', 'value', 'period', 'entity', 'aspect', 'base', 'revises'])

/** Whether an attribute of an annotation can only name a dimension of its metric (`.x` sets a class, which is none). */
export function isDimensionName(name: string): boolean {
  return !factAttributes.has(name) && name !== 'class'
}

export type Problem = (ruleId: RuleId, message: string, place: Position) => void

interface Places {
  /** Where the value of an attribute is written. */
  value: (name: string) => Position
  /** Where its name is written. */
  key: (name: string) => Position
}

/**
 * The dimensions of a fact: every attribute that is not a fact attribute
 * must be a dimension its metric declares, with a member of its closed list
 * when it has one, and every dimension the metric requires must be named.
 * Returns them in name order; reports the rest.
 */
export function readDimensions(
  attributes: Readonly<Record<string, string | null | undefined>>,
  metricId: string,
  metric: Metric,
  places: Places,
  problem: Problem
): Record<string, string> {
  const dimensions: Record<string, string> = {}
  const declared = metric.dimensions ?? {}
  for (const [name, value] of Object.entries(attributes)) {
    if (factAttributes.has(name) || value === null || value === undefined) continue
    if (name === 'class') {
      problem(
        'unknown-dimension',
        `".${value}" sets a class, which facts do not have; for an id with dots write id="…"`,
        places.key('class')
      )
      continue
    }
    const dimension = declared[name]
    if (!dimension) {
      const names = Object.keys(declared)
      const guess = didYouMeanText(name, [...factAttributes, ...names])
      const known =
        guess ||
        (names.length > 0
          ? `: ${metricId} declares the ${plural(names.length, 'dimension')} ${names.join(', ')}`
          : `: ${metricId} declares no dimensions`)
      problem('unknown-dimension', `Unknown attribute "${name}"${known}`, places.key(name))
    } else if (value.trim() === '') {
      problem('attribute-invalid', `The dimension ${name}= must not be empty`, places.value(name))
    } else if (dimension.values && !dimension.values.includes(value)) {
      problem(
        'attribute-invalid',
        `"${value}" is not a member of the dimension ${name} of ${metricId} (${dimension.values.join(', ')})${didYouMeanText(value, dimension.values)}`,
        places.value(name)
      )
    } else {
      dimensions[name] = value
    }
  }
  for (const [name, dimension] of Object.entries(declared))
    if (dimension.required && !(name in dimensions) && typeof attributes[name] !== 'string')
      problem(
        'dimension-missing',
        `${metricId} is given only per ${dimension.label.zh} (${name}=): name the one this figure is of${membersOf(dimension)}`,
        places.value(name)
      )
  return Object.fromEntries(sortedEntries(dimensions))
}

/** `, one of A, B` for a closed dimension: what the editor may write. */
function membersOf(dimension: NonNullable<Metric['dimensions']>[string]): string {
  return dimension.values ? `, one of ${dimension.values.join(', ')}` : ''
}
