import type { Element, ElementContent, Properties } from 'hast'
import { decimalString } from '../decimal.js'
import { factAnchor, fragment, rowAnchor } from './anchors.js'
import { describeFact } from './display.js'
import type { Fact, Metric } from '../../model/schema-types.js'

export interface FactElementOptions {
  /** The id of the tooltip that describes the fact, unique in the page. */
  tip: string
  /** Link the figure to its row of a facts table (`#row:<id>`); not when it stands in a link or holds one. */
  linked: boolean
}

/**
 * What the metric measures, under the one-line description: the reader of a figure can tell which
 * measure it is (the share of the sea area, not of the monitoring points). The leading space keeps
 * the two apart for a screen reader, which reads the tooltip as one description.
 */
function definitionOf(metric: Metric | undefined): ElementContent[] {
  return metric?.definition
    ? [element('span', { className: ['tip-definition'] }, [text(` ${metric.definition.zh}`)])]
    : []
}

// A page has an element of this module for each fact, four at most, and a report has a hundred
// facts and more: they are written as the trees hastscript's h() makes of the same (a property
// space-separated is a list of its tokens), without its lookup of every property, which took a
// fifth of the time a page took to make its body.
function element(tagName: string, properties: Properties, children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children }
}

function text(value: string): ElementContent {
  return { type: 'text', value }
}

/**
 * A fact as the page shows it: a `<data>` element carrying the fact (id,
 * value, metric, unit, period, entity, aspect and the rest: see dataProperties) around the figure as
 * printed, with a tooltip that describes it in words.
 */
export function factElement(
  fact: Fact,
  metric: Metric | undefined,
  children: ElementContent[],
  options: FactElementOptions
): Element {
  const { tip, linked } = options
  const heldTip = tipHeld(children)
  if (heldTip) {
    // One figure that states several metrics: its one link and tooltip are those of the innermost
    // fact, and the tooltip says each; the others are <data> elements around it.
    heldTip.children.push(element('br', {}, []), text(describeFact(fact, metric)), ...definitionOf(metric))
    return element('data', dataProperties(fact), children)
  }
  const figure = linked
    ? [element('a', { href: fragment(rowAnchor(fact.id)), ariaDescribedBy: [tip] }, children)]
    : children
  return element('data', dataProperties(fact), [
    ...figure,
    element('span', { className: ['tip'], id: tip, role: 'tooltip' }, [
      text(describeFact(fact, metric)),
      ...definitionOf(metric)
    ])
  ])
}

/**
 * The fact as a program reading the page finds it, without the JSON beside it: every field of its
 * record that says what the number is (its base period, bound, precision, dimensions and the report
 * it revises, where it has them), but not where it stands or what it is printed as.
 */
function dataProperties(fact: Fact): Properties {
  const properties: Properties = {
    className: ['fact'],
    id: factAnchor(fact.id),
    value: typeof fact.value === 'number' ? decimalString(fact.value) : fact.value,
    dataMetric: fact.metric,
    dataUnit: fact.unit,
    dataPeriod: fact.period,
    dataEntity: fact.entity,
    dataAspect: fact.aspect
  }
  if (fact.basePeriod !== undefined) properties['dataBasePeriod'] = fact.basePeriod
  if (fact.bound !== undefined) properties['dataBound'] = fact.bound
  if (fact.decimals !== undefined) properties['dataDecimals'] = String(fact.decimals)
  // One attribute, as JSON: a dimension's name is the registry's, which an attribute name may not hold.
  for (const _name in fact.dimensions) {
    properties['dataDimensions'] = JSON.stringify(fact.dimensions)
    break
  }
  if (fact.revises !== undefined) properties['dataRevises'] = fact.revises
  return properties
}

/** The tooltip of the fact that `children` hold, if they hold one: a figure that states several metrics. */
export function tipHeld(children: readonly ElementContent[]): Element | undefined {
  for (const child of children) {
    if (child.type !== 'element') continue
    const classes = child.properties.className
    if (child.tagName === 'span' && Array.isArray(classes) && classes.includes('tip')) return child
    const inner = tipHeld(child.children)
    if (inner) return inner
  }
  return undefined
}
