import type { Heading, Image, ImageReference, Nodes, Root } from 'mdast'
import type { TextDirective } from 'mdast-util-directive'
import { toString } from 'mdast-util-to-string'
import type { Position } from 'unist'
import { visitParents } from 'unist-util-visit-parents'
import type { VFile } from 'vfile'
import { pointsOf } from '../model/positions.js'
import { spansOf } from '../model/spans.js'
import { attributeSyntaxError } from '../remark/attribute-syntax.js'
import { readFigure } from '../chinese-number/index.js'
import { report } from '../diagnostics/report.js'
import { didYouMeanText } from '../diagnostics/did-you-mean.js'
import { closingBracket, directiveSpans, type DirectiveSpans } from '../remark/directive-source.js'
import { readDimensions } from './fact-dimensions.js'
import { deriveFactId, uniqueIds } from './fact-id.js'
import { aspectAttributes, resolveValue, type AspectAttribute, type ValueProblem } from './fact-value.js'
import type { Directive } from '../remark/literal-directives.js'
import { parsePeriod } from '../model/period.js'
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

export function isFactDirective(node: Directive): boolean {
  return node.name === factDirective
}

/** Whether an mdast node is a fact annotation. */
export function isFactNode(node: Nodes): boolean {
  return node.type === 'textDirective' && node.name === factDirective
}

/**
 * Turn every `:fact[...]{...}` annotation into a fact, or into diagnostics
 * on the file that say what is wrong with it. Each annotation that became a
 * fact is marked with the fact's id.
 */
export function extractFacts(input: ExtractInput): Fact[] {
  const { tree, file, frontMatter } = input
  const source = String(file.value)
  const toPoint = pointsOf(file)

  const pending: Array<{ fact: Fact; node: TextDirective; explicitId?: string; idPlace?: Position }> = []
  const headings: Heading[] = []
  const skipped = spansOf(input.skip ?? [])

  visitParents(tree, (node, ancestors) => {
    if (node.type === 'heading') {
      while ((headings.at(-1)?.depth ?? 0) >= node.depth) headings.pop()
      headings.push(node)
      return
    }
    // A thematic break closes the numbered sections: a report's closing words belong to none of them.
    if (node.type === 'thematicBreak' && ancestors.length === 1) {
      while ((headings.at(-1)?.depth ?? 0) > 1) headings.pop()
      return
    }
    if (node.type === 'image' || node.type === 'imageReference') {
      reportFactsInAlt(node, source, toPoint, file)
      return
    }
    if (node.type === 'leafDirective' || node.type === 'containerDirective') {
      if (node.name === factDirective) report(file, 'fact-not-inline', `A fact must be written inline as :fact[...]{...}, not as a ${node.type === 'leafDirective' ? 'leaf (::fact)' : 'container (:::fact)'} directive`, node.position)
      return
    }
    if (node.type !== 'textDirective' || node.name !== factDirective) return
    const at = node.position?.start.offset ?? -1
    if (skipped.covers(at)) return
    if (ancestors.some((ancestor) => ancestor.type === 'textDirective' && ancestor.name === factDirective)) {
      report(file, 'fact-not-inline', 'A fact annotation inside the label of another fact is not a fact: annotate each figure on its own', node.position)
      return
    }
    const spans = directiveSpans(node, source, toPoint)
    if (!spans) return
    const section = headings.filter((heading) => heading.depth > 1).map((heading) => toString(heading))
    const made = makeFact(node, spans, section, input, { source, toPoint })
    if (made) pending.push({ ...made, node })
  })

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
  const facts: Fact[] = []
  for (const item of pending) {
    const id = item.explicitId ?? uniqueId(deriveFactId(item.fact, frontMatter.entity))
    item.node.data = { ...item.node.data, factId: id }
    facts.push({ ...item.fact, id })
  }
  return facts
}

/**
 * An image's description is plain text: an annotation written there is
 * parsed and then dropped with the markup, so its fact would vanish without
 * a word. Say so instead.
 */
function reportFactsInAlt(node: Image | ImageReference, source: string, toPoint: ReturnType<typeof pointsOf>, file: VFile): void {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return
  const close = closingBracket(source, start + 1, end)
  const alt = source.slice(start + 2, close)
  for (const match of alt.matchAll(/:fact\[/g)) {
    const at = start + 2 + match.index
    report(file, 'fact-not-inline', 'A fact inside the description of an image is not read: the description is plain text, for readers who cannot see the image; write the figure in the text beside it', { start: toPoint(at), end: toPoint(close) })
  }
}

function makeFact(
  node: TextDirective,
  spans: DirectiveSpans,
  section: string[],
  input: ExtractInput,
  document: { source: string; toPoint: ReturnType<typeof pointsOf> }
): { fact: Fact; explicitId?: string; idPlace?: Position } | undefined {
  const { file, registry, frontMatter } = input
  const attributes = node.attributes ?? {}
  const at = (name: string): Position => spans.attributes.findLast((attribute) => attribute.name === name)?.value ?? spans.whole
  const keyAt = (name: string): Position => spans.attributes.findLast((attribute) => attribute.name === name)?.key ?? spans.whole
  let valid = true
  const problem = (...args: Parameters<typeof report>) => {
    report(...args)
    valid = false
  }

  const seen = new Set<string>()
  for (const attribute of spans.attributes) {
    if (seen.has(attribute.name)) problem(file, 'attribute-invalid', `The attribute ${attribute.name} is given twice; only the last one counts`, attribute.key)
    seen.add(attribute.name)
  }

  const blockAt = node.position?.end.offset
  const syntax = Object.keys(attributes).length === 0 && blockAt !== undefined ? attributeSyntaxError(document.source, blockAt) : undefined
  if (syntax) {
    problem(file, 'attribute-invalid', syntax.message, { start: document.toPoint(syntax.start), end: document.toPoint(syntax.end) })
    return undefined
  }

  const metricId = attributes['metric'] ?? undefined
  if (metricId === undefined || metricId === '') {
    problem(file, 'missing-metric', `The fact "${toString(node)}" has no metric: add metric=<id> from the registry`, spans.whole)
    return undefined
  }
  const metric = registry.metrics.get(metricId)
  if (!metric) {
    problem(file, 'unknown-metric', `Unknown metric "${metricId}"${didYouMeanText(metricId, registry.metrics.keys())}`, at('metric'))
    return undefined
  }

  const text = toString(node)
  const aspectText = attributes['aspect'] ?? undefined
  let aspect: AspectAttribute | undefined
  if (aspectText !== undefined) {
    if ((aspectAttributes as readonly string[]).includes(aspectText)) aspect = aspectText as AspectAttribute
    else problem(file, 'attribute-invalid', `aspect="${aspectText}" is not one of ${aspectAttributes.join(', ')}${didYouMeanText(aspectText, aspectAttributes)}`, at('aspect'))
  }

  const period = attributes['period'] ?? frontMatter.period
  const outcome = resolveValue({
    text,
    figure: readFigure(text),
    unit: attributes['unit'] ?? undefined,
    value: attributes['value'] ?? undefined,
    aspect,
    metricId,
    metric,
    period
  })
  if (!outcome.ok) {
    const where: Record<ValueProblem['at'], Position> = { label: spans.label, unit: at('unit'), value: at('value'), aspect: at('aspect') }
    problem(file, outcome.problem.ruleId, outcome.problem.message, where[outcome.problem.at])
  }

  const parsedPeriod = parsePeriod(period)
  if (typeof parsedPeriod === 'string') problem(file, 'period-invalid', `period="${period}" is not a valid period: ${parsedPeriod}`, at('period'))

  const base = attributes['base'] ?? undefined
  if (base !== undefined) {
    const parsedBase = parsePeriod(base)
    if (typeof parsedBase === 'string') problem(file, 'period-invalid', `base="${base}" is not a valid period: ${parsedBase}`, at('base'))
    else if (outcome.ok && outcome.fields.aspect !== 'change' && outcome.fields.aspect !== 'relative-change') {
      problem(file, 'attribute-invalid', 'base= names the period a change is measured against, but this fact is not a change (add aspect=increase or aspect=decrease)', at('base'))
    }
  }

  const entity = attributes['entity'] ?? frontMatter.entity
  if (entity.trim() === '') problem(file, 'attribute-invalid', 'entity= must not be empty', at('entity'))

  const dimensions = readDimensions(attributes, metricId, metric, { value: at, key: keyAt }, (ruleId, message, place) => problem(file, ruleId, message, place))

  const explicitId = attributes['id'] ?? undefined
  if (explicitId !== undefined && !/^\S+$/.test(explicitId)) problem(file, 'attribute-invalid', `id="${explicitId}" must be non-empty and without spaces`, at('id'))

  if (!valid || !outcome.ok || typeof parsedPeriod === 'string') return undefined
  const start = spans.whole.start
  const end = spans.whole.end
  const { aspect: factAspect, value, unit, decimals, displayUnit, classifier, bound } = outcome.fields
  const fact: Fact = {
    id: '',
    metric: metricId,
    aspect: factAspect,
    value,
    unit,
    ...(decimals !== undefined && { decimals }),
    text,
    displayUnit,
    ...(classifier !== undefined && { classifier }),
    ...(bound !== undefined && { bound }),
    period,
    ...(base !== undefined && { basePeriod: base }),
    entity,
    dimensions,
    section,
    source: {
      file: input.sourcePath,
      line: start.line,
      column: start.column,
      offset: start.offset ?? 0,
      endLine: end.line,
      endColumn: end.column,
      endOffset: end.offset ?? 0
    }
  }
  return explicitId === undefined ? { fact } : { fact, explicitId, idPlace: at('id') }
}
