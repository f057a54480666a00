import type { Heading, Image, ImageReference, Nodes, Root } from 'mdast'
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive'
import { toString } from 'mdast-util-to-string'
import type { Point, Position } from 'unist'
import type { VFile } from 'vfile'
import { pointsOf } from '../model/positions.js'
import { spansOf } from '../model/spans.js'
import { report } from '../diagnostics/report.js'
import { sharedBy } from './shared-figure.js'
import { tellCutShort } from './cut-short.js'
import { tellDirectionWords, tellMissingBase } from './direction-words.js'
import { closingBracket, directiveSpans } from '../remark/directive-source.js'
import { eachOfType, eachWithAncestors } from '../remark/each-node.js'
import { deriveFactId, uniqueIds } from './fact-id.js'
import { makeFact, type MadeFact } from './make-fact.js'
import { tableContext } from './table-context.js'
import type { Fact, ReportFrontMatter } from '../model/schema-types.js'
import type { Registry } from '../model/compiled.js'

declare module 'mdast-util-directive' {
  interface TextDirectiveData {
    /** The id of the fact this annotation became. */
    factId?: string
  }
}

/** The directive name of factmark's annotation. */
export const factDirective = 'fact'

export interface ExtractInput {
  tree: Root
  file: VFile
  /** The path facts cite as their source. */
  sourcePath: string
  frontMatter: ReportFrontMatter
  registry: Registry
  /** Source spans of annotations already reported as broken: their facts are not read. */
  skip?: ReadonlyArray<[number, number]>
}

/** Whether an mdast node is a fact annotation. */
export function isFactNode(node: Nodes): boolean {
  return node.type === 'textDirective' && node.name === factDirective
}

/** The state of one walk over a report's tree. */
interface Walk {
  input: ExtractInput
  source: string
  toPoint: (offset: number) => Point
  /** The headings above the node being visited, outermost first. */
  headings: Heading[]
  skipped: ReturnType<typeof spansOf>
  pending: Array<MadeFact & { node: TextDirective }>
}

/**
 * Turn every `:fact[...]{...}` annotation into a fact, or into diagnostics
 * on the file that say what is wrong with it. Each annotation that became a
 * fact is marked with the fact's id.
 */
export function extractFacts(input: ExtractInput): Fact[] {
  const source = String(input.file.value)
  const walk: Walk = {
    input,
    source,
    toPoint: pointsOf(input.file),
    headings: [],
    skipped: spansOf(input.skip ?? []),
    pending: []
  }
  eachWithAncestors(input.tree, (node, ancestors) => visitNode(node, ancestors, walk))
  return settleIds(walk.pending, input)
}

/** What the walk does at each kind of node; nodes of other kinds hold no annotation of their own. */
function visitNode(node: Nodes, ancestors: readonly Nodes[], walk: Walk): void {
  if (node.type === 'heading') enterHeading(node, walk.headings)
  // A thematic break closes the numbered sections: a report's closing words belong to none of them.
  else if (node.type === 'thematicBreak' && ancestors.length === 1) closeSections(walk.headings)
  else if (node.type === 'image' || node.type === 'imageReference')
    reportFactsInAlt(node, walk.source, walk.toPoint, walk.input.file)
  else if ((node.type === 'leafDirective' || node.type === 'containerDirective') && node.name === factDirective)
    reportBlockFact(node, walk.input.file)
  else if (node.type === 'textDirective' && node.name === factDirective) readAnnotation(node, ancestors, walk)
}

function enterHeading(heading: Heading, headings: Heading[]): void {
  while ((headings.at(-1)?.depth ?? 0) >= heading.depth) headings.pop()
  headings.push(heading)
}

function closeSections(headings: Heading[]): void {
  while ((headings.at(-1)?.depth ?? 0) > 1) headings.pop()
}

function reportBlockFact(node: LeafDirective | ContainerDirective, file: VFile): void {
  const form = node.type === 'leafDirective' ? 'leaf (::fact)' : 'container (:::fact)'
  report(
    file,
    'fact-not-inline',
    `A fact must be written inline as :fact[...]{...}, not as a ${form} directive`,
    node.position
  )
}

function readAnnotation(node: TextDirective, ancestors: readonly Nodes[], walk: Walk): void {
  if (walk.skipped.covers(node.position?.start.offset ?? -1)) return
  // An annotation may hold another around the same figure: one figure that states several metrics
  // (危险废物处置率、医疗废物处置率均为100%) is a fact of each.
  if (!ancestors.some(isFactNode)) tellShared(node, walk)
  const spans = directiveSpans(node, walk.source, walk.toPoint)
  if (!spans) return
  const section = walk.headings.filter((heading) => heading.depth > 1).map((heading) => toString(heading))
  const table = tableContext(ancestors)
  const made = makeFact(node, spans, {
    ...walk.input,
    section,
    ...(table && { table }),
    source: walk.source,
    toPoint: walk.toPoint
  })
  if (!made) return
  walk.pending.push({ ...made, node })
  tellDirectionWords(node, walk.source, walk.input.registry, walk.input.file)
  tellMissingBase(node, made.fact, walk.source, walk.input.file)
  tellCutShort(node, made.fact, walk.source, walk.input.file)
}

/** figure-shared: a figure said of several things by 均 (双双, 都) that fewer annotations tag (see sharedBy). */
function tellShared(node: TextDirective, walk: Walk): void {
  const shared = sharedBy(walk.source, node.position?.start.offset ?? 0)
  if (!shared) return
  const { names, word } = shared
  let tagged = 0
  eachOfType(node, 'textDirective', (inner: TextDirective) => {
    if (isFactNode(inner)) tagged++
  })
  if (tagged >= names.length) return
  const figure = toString(node)
  report(
    walk.input.file,
    'figure-shared',
    `The figure "${figure}" is said of ${names.length} things by ${word} (${names.join('、')}), and ${tagged === 1 ? '1 annotation tags' : `${tagged} annotations tag`} it: ` +
      `the facts of the others are lost. If each is a metric, a site or an entity of its own, annotate the figure once for each, one annotation in the label of the other: :fact[:fact[${figure}]{…}]{…}`,
    node.position
  )
}

/**
 * Give each fact its id: an id written in the annotation must be unique;
 * every other fact gets one derived from what it is, made unique in
 * document order, and its annotation is marked with it.
 */
function settleIds(
  pending: ReadonlyArray<MadeFact & { node: TextDirective }>,
  { file, frontMatter }: ExtractInput
): Fact[] {
  const explicit = new Map<string, Position | undefined>()
  for (const item of pending) {
    if (item.explicitId === undefined) continue
    if (explicit.has(item.explicitId)) {
      const first = explicit.get(item.explicitId)
      const where = first ? ` (first at ${first.start.line}:${first.start.column})` : ''
      report(file, 'duplicate-id', `The id "${item.explicitId}" is already used by another fact${where}`, item.idPlace)
    } else {
      explicit.set(item.explicitId, item.idPlace)
    }
  }
  const uniqueId = uniqueIds(explicit.keys())
  return pending.map((item) => {
    const id = item.explicitId ?? uniqueId(deriveFactId(item.fact, frontMatter.entity))
    item.node.data = { ...item.node.data, factId: id }
    return { ...item.fact, id }
  })
}

/**
 * An image's description is plain text: an annotation written there is
 * parsed and then dropped with the markup, so its fact would vanish without
 * a word. Say so instead.
 */
function reportFactsInAlt(
  node: Image | ImageReference,
  source: string,
  toPoint: (offset: number) => Point,
  file: VFile
): void {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return
  const close = closingBracket(source, start + 1, end)
  const alt = source.slice(start + 2, close)
  for (const match of alt.matchAll(/:fact\[/g)) {
    const at = start + 2 + match.index
    report(
      file,
      'fact-not-inline',
      'A fact inside the description of an image is not read: the description is plain text, for readers who cannot see the image; write the figure in the text beside it',
      { start: toPoint(at), end: toPoint(close) }
    )
  }
}
