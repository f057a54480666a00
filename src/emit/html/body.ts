import type { Element, Root as HastRoot, RootContent } from 'hast'
import type { Nodes, Root } from 'mdast'
import type { TextDirective } from 'mdast-util-directive'
import { toHast, type Handler, type State } from 'mdast-util-to-hast'
import { toString } from 'mdast-util-to-string'
import type { FactBundle } from '../../model/schema-types.js'
import { eachNode, eachOfType, eachWithAncestors } from '../../remark/each-node.js'
import { factAnchor } from './anchors.js'
import { type Chart, chartFigure } from './charts.js'
import { factElement, tipHeld } from './fact-element.js'
import { safeTree } from './safe-text.js'
import { tableHandler } from './table.js'

export interface Section {
  id: string
  depth: number
  text: string
}

export interface Body {
  /** The report's text as hast: headings with ids, every fact a `<data>` element. */
  tree: HastRoot
  sections: Section[]
}

// Links and images keep only schemes that cannot run code.
const safeUrl = /^(?:https?:|mailto:|#|\/|\.\/|\.\.\/|[^:/?#]*(?:[/?#]|$))/i

/**
 * The report's body for people, from the syntax tree: each annotation
 * becomes a `<data>` element carrying the fact (id, value, metric, unit,
 * period) with its description available on hover, focus and to screen
 * readers, and linking to its row in the facts table. Raw HTML in the source
 * is shown as text, never run.
 *
 * A link holds no other link: a fact inside a link's text, or one whose
 * label holds a link, keeps its <data> and its description but not its own
 * link (its row in the table still links to it), and the link around or
 * inside it is described by the fact instead.
 */
export function renderBody(tree: Root, bundle: FactBundle, charts: readonly Chart[]): Body {
  // The page's title block already shows the report's title.
  const content = {
    ...tree,
    children: tree.children.filter(
      (node) => !(node.type === 'heading' && node.depth === 1 && toString(node) === bundle.report.title)
    )
  }
  const facts = new Map(bundle.facts.map((fact) => [fact.id, fact]))
  const unlinked = factsNearLinks(content)
  const tipOf = new Map<Element, string>()
  let tips = 0
  const fact: Handler = (state: State, node: TextDirective) => {
    const found = node.data?.factId === undefined ? undefined : facts.get(node.data.factId)
    const children = state.all(node)
    if (!found) return children
    tips++
    // A fact around another has no tooltip of its own: the one it holds says both (see factElement).
    const own = tipHeld(children) === undefined
    const element = factElement(found, bundle.metrics[found.metric], children, {
      tip: `tip-${tips}`,
      linked: !unlinked.has(node)
    })
    if (own) tipOf.set(element, `tip-${tips}`)
    return element
  }
  const hast = toHast(content, {
    handlers: {
      textDirective: fact,
      table: tableHandler,
      // Raw HTML in a report is text the author wrote, not markup to run.
      html: (_state, node: { value: string }) => ({ type: 'text', value: node.value })
    }
  }) as HastRoot

  const sections: Section[] = []
  const counters = [0, 0, 0, 0, 0, 0, 0]
  for (const node of hast.children) {
    if (node.type !== 'element') continue
    const depth = Number(/^h([1-6])$/.exec(node.tagName)?.[1] ?? 0)
    if (depth >= 2) {
      counters[depth] = (counters[depth] ?? 0) + 1
      for (let deeper = depth + 1; deeper < counters.length; deeper++) counters[deeper] = 0
      const id = `sec-${counters.slice(2, depth + 1).join('-')}`
      node.properties = { ...node.properties, id }
      sections.push({ id, depth, text: toText(node) })
    }
  }
  sanitizeUrls(hast)
  describeLinks(hast, tipOf, [])
  insertCharts(hast, charts)
  safeTree(hast)
  return { tree: hast, sections }
}

function holdsLink(node: Nodes, isLink: (node: Nodes) => boolean): boolean {
  let found = false
  eachNode(node, (inner) => {
    found ||= isLink(inner)
    return found ? 'skip' : undefined
  })
  return found
}

/**
 * Fact annotations that stand inside a link or hold one: as the link is interactive, they may not
 * add a link of their own.
 */
function factsNearLinks(tree: Root): Set<TextDirective> {
  const defined = new Set<string>()
  eachOfType(tree, 'definition', (node) => {
    defined.add(node.identifier.toUpperCase())
  })
  // A reference to no definition is shown as its text, not as a link.
  const isLink = (node: Nodes) =>
    node.type === 'link' || (node.type === 'linkReference' && defined.has(node.identifier.toUpperCase()))
  const near = new Set<TextDirective>()
  eachWithAncestors(tree, (node, ancestors) => {
    if (node.type !== 'textDirective') return
    if (ancestors.some(isLink) || node.children.some((child) => holdsLink(child, isLink))) near.add(node)
  })
  return near
}

/** Give each link of the text the descriptions of the facts it holds or stands in, as a fact's own link has. */
function describeLinks(
  node: HastRoot | Element,
  tipOf: ReadonlyMap<Element, string>,
  around: readonly string[]
): string[] {
  const within: string[] = []
  for (const child of node.children) {
    if (child.type !== 'element') continue
    const tip = tipOf.get(child)
    if (tip !== undefined) within.push(tip)
    const inside = describeLinks(child, tipOf, tip === undefined ? around : [tip])
    within.push(...inside)
    if (child.tagName !== 'a' || child.properties.ariaDescribedBy !== undefined) continue
    const tips = [...around, ...inside]
    if (tips.length > 0) child.properties.ariaDescribedBy = tips
  }
  return within
}

function sanitizeUrls(node: HastRoot | Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    for (const name of ['href', 'src'] as const) {
      const url = child.properties[name]
      if (typeof url === 'string' && !safeUrl.test(url.trim())) child.properties[name] = undefined
    }
    sanitizeUrls(child)
  }
}

/** Put each chart right after the block of the text that holds its figure, in the order of the charts. */
function insertCharts(hast: HastRoot, charts: readonly Chart[]): void {
  if (charts.length === 0) return
  const chartsAfter = new Map<string, number[]>()
  for (const [index, chart] of charts.entries()) {
    const id = factAnchor(chart.after)
    chartsAfter.set(id, [...(chartsAfter.get(id) ?? []), index])
  }
  const placed: RootContent[] = []
  for (const node of hast.children) {
    placed.push(node)
    if (node.type !== 'element') continue
    const held = new Set<number>()
    chartsIn(node, chartsAfter, held)
    for (const index of [...held].sort((a, b) => a - b))
      placed.push({ type: 'text', value: '\n' }, chartFigure(charts[index] as Chart, index))
  }
  hast.children = placed
}

/** Add to `held` the charts whose figure has its id in `node`. */
function chartsIn(node: Element, chartsAfter: ReadonlyMap<string, readonly number[]>, held: Set<number>): void {
  const { id } = node.properties
  if (typeof id === 'string') for (const index of chartsAfter.get(id) ?? []) held.add(index)
  for (const child of node.children) if (child.type === 'element') chartsIn(child, chartsAfter, held)
}

/** The text a reader sees in an element; a fact's tooltip is not part of it. */
function toText(node: Element): string {
  return node.children
    .map((child) => {
      if (child.type === 'text') return child.value
      if (child.type !== 'element') return ''
      const classes = child.properties.className
      return Array.isArray(classes) && classes.includes('tip') ? '' : toText(child)
    })
    .join('')
}
