import type { TextDirective } from 'mdast-util-directive'
import { toString } from 'mdast-util-to-string'
import type { Point, Position } from 'unist'
import type { VFile } from 'vfile'
import { readFigure } from '../chinese-number/index.js'
import { didYouMean, didYouMeanText } from '../diagnostics/did-you-mean.js'
import { report } from '../diagnostics/report.js'
import type { RuleId } from '../diagnostics/rules.js'
import type { Registry } from '../model/compiled.js'
import { comesBefore, parsePeriod, previousPeriod, type Period } from '../model/period.js'
import { err, type Result } from '../model/result.js'
import type { Fact, Metric, ReportFrontMatter } from '../model/schema-types.js'
import { attributeSyntaxError } from '../remark/attribute-syntax.js'
import type { DirectiveSpans } from '../remark/directive-source.js'
import { aspectAttributes, isAspectAttribute, type AspectAttribute } from './aspects.js'
import { isDimensionName, readDimensions } from './fact-dimensions.js'
import { resolveValue, type ValueField } from './fact-value.js'
import type { ValueProblem } from './value-problem.js'
import { undecidedMessage, undecidedMetric } from './undecided-metric.js'

/** A fact before its id is settled: ids are derived once every fact of the report is known. */
export interface MadeFact {
  fact: Fact
  explicitId?: string
  idPlace?: Position
}

/** What a fact takes from outside its annotation. */
export interface FactContext {
  file: VFile
  /** The path facts cite as their source. */
  sourcePath: string
  frontMatter: ReportFrontMatter
  registry: Registry
  /** The headings the annotation stands under, from level 2 down. */
  section: string[]
  /** The headers of the row and column of the table cell the annotation stands in, if it does. */
  table?: Fact['table']
  source: string
  toPoint: (offset: number) => Point
}

/** One annotation while it is read: its attributes, where each is written, and whether a problem was found. */
interface Annotation {
  node: TextDirective
  spans: DirectiveSpans
  attributes: Readonly<Record<string, string | null | undefined>>
  /** The label as printed. */
  text: string
  /** Where an attribute's value is written; the whole annotation when it is not. */
  at: (name: string) => Position
  /** Where an attribute's name is written. */
  keyAt: (name: string) => Position
  /** Report a problem of the annotation: it then makes no fact. */
  problem: (ruleId: RuleId, message: string, place: Position) => void
  valid: () => boolean
}

/**
 * Read one `:fact[...]{...}` annotation into a fact, or report on the file
 * what is wrong with it. A broken attribute block or metric ends the reading;
 * every other problem is reported, so that one build lists them all.
 */
export function makeFact(node: TextDirective, spans: DirectiveSpans, context: FactContext): MadeFact | undefined {
  const annotation = openAnnotation(node, spans, context.file)
  checkRepeatedAttributes(annotation)
  if (
    !checkAttributeSyntax(annotation, context) ||
    !checkLabelWritten(annotation, context) ||
    !checkAttributesOutsideLabel(annotation) ||
    !checkCommaSlips(annotation, context)
  )
    return undefined
  const metric = readMetric(annotation, context)
  if (!metric) return undefined
  const { attributes, at } = annotation
  const period = attributes['period'] ?? context.frontMatter.period
  const value = readValue(annotation, metric, period)
  const own = checkPeriod(annotation, period)
  const base = attributes['base'] ?? undefined
  checkBase(annotation, base, value, period, own)
  const entity = attributes['entity'] ?? context.frontMatter.entity
  if (entity.trim() === '') annotation.problem('attribute-invalid', 'entity= must not be empty', at('entity'))
  const dimensions = readDimensions(
    attributes,
    metric.id,
    metric.metric,
    { value: at, key: annotation.keyAt },
    annotation.problem
  )
  const explicitId = readExplicitId(annotation)
  const revises = readRevises(annotation)

  if (!annotation.valid() || !value.ok) return undefined
  if (own) checkPeriodPlausible(annotation, context, period, own, value.value.aspect)
  const fact = assembleFact(annotation, context, {
    metric: metric.id,
    ...value.value,
    period,
    base,
    revises,
    entity,
    dimensions
  })
  return explicitId === undefined ? { fact } : { fact, explicitId, idPlace: at('id') }
}

function openAnnotation(node: TextDirective, spans: DirectiveSpans, file: VFile): Annotation {
  let valid = true
  const attribute = (name: string) => spans.attributes.findLast((written) => written.name === name)
  return {
    node,
    spans,
    attributes: node.attributes ?? {},
    text: toString(node),
    at: (name) => attribute(name)?.value ?? spans.whole,
    keyAt: (name) => attribute(name)?.key ?? spans.whole,
    problem: (ruleId, message, place) => {
      report(file, ruleId, message, place)
      valid = false
    },
    valid: () => valid
  }
}

function checkRepeatedAttributes({ spans, problem }: Annotation): void {
  const seen = new Set<string>()
  for (const attribute of spans.attributes) {
    if (seen.has(attribute.name))
      problem(
        'attribute-invalid',
        `The attribute ${attribute.name} is given twice; only the last one counts`,
        attribute.key
      )
    seen.add(attribute.name)
  }
}

/** An attribute block the parser could not read leaves the annotation without attributes: say where it broke. */
function checkAttributeSyntax(annotation: Annotation, { source, toPoint }: FactContext): boolean {
  const blockAt = annotation.node.position?.end.offset
  if (Object.keys(annotation.attributes).length > 0 || blockAt === undefined) return true
  const syntax = attributeSyntaxError(source, blockAt)
  if (syntax)
    annotation.problem('attribute-invalid', syntax.message, { start: toPoint(syntax.start), end: toPoint(syntax.end) })
  return syntax === undefined
}

/**
 * An unquoted value that ends in a comma took the comma that was meant to part it from the next
 * attribute (`aspect=increase, base=2024`): read on, it would be called a value no attribute takes,
 * or pass as a site or an entity of its own (`site=南门桥断面,`). The metric says so itself (see
 * unknownMetricMessage).
 */
function checkCommaSlips({ spans, problem }: Annotation, { source, toPoint }: FactContext): boolean {
  for (const [index, { name, key, value }] of spans.attributes.entries()) {
    const start = value.start.offset
    const end = value.end.offset
    if (name === 'metric' || value === key || start === undefined || end === undefined) continue
    if (!/[,，]$/.test(source.slice(start, end)) || /["']/.test(source[start - 1] ?? '')) continue
    const written = `${name}=${source.slice(start, end - 1)}`
    const next = spans.attributes[index + 1]?.name
    problem(
      'attribute-invalid',
      `The comma after ${written} is read as part of its value: ${next === undefined ? 'remove it' : `part attributes with spaces alone (${written} ${next}=…)`}`,
      { start: toPoint(end - 1), end: toPoint(end) }
    )
    return false
  }
  return true
}

/**
 * A bare `:fact` or `:fact[]`, with neither figure nor attributes, is the start of an annotation not
 * written yet: said as a fact of no metric, `The fact "" has no metric` would point an editor the
 * wrong way.
 */
function checkLabelWritten({ node, attributes, spans, problem }: Annotation, { source }: FactContext): boolean {
  if (node.children.length > 0 || Object.keys(attributes).length > 0) return true
  const end = node.position?.end.offset
  const brackets = end !== undefined && source[end - 1] === ']'
  problem(
    'label-unparseable',
    brackets
      ? 'The label of this annotation is empty: write the figure as printed between its brackets, then its metric, as :fact[17.4]{metric=air.pm25}'
      : '":fact" has no label: write the figure as printed between brackets right after it, then its metric, as :fact[17.4]{metric=air.pm25}',
    spans.whole
  )
  return false
}

/**
 * Attributes typed inside the brackets (`:fact[2.31 metric=air.aqi_composite]`) are read as part of
 * the label: said as a fact with no metric, the message would point an editor at a metric= they
 * wrote.
 */
function checkAttributesOutsideLabel({ text, attributes, spans, problem }: Annotation): boolean {
  if (Object.keys(attributes).length > 0) return true
  const inside = /\s+([A-Za-z][\w-]*=\S*(?:\s+[A-Za-z][\w-]*=\S*)*)\s*$/.exec(text)
  if (!inside?.[1]) return true
  const label = text.slice(0, inside.index)
  problem(
    'attribute-invalid',
    `"${inside[1]}" stands inside the brackets of the label: attributes go in braces right after them, as :fact[${label}]{${inside[1]}}`,
    spans.whole
  )
  return false
}

function readMetric(
  annotation: Annotation,
  { registry, source }: FactContext
): { id: string; metric: Metric } | undefined {
  const { attributes, text, spans, at, problem } = annotation
  const id = attributes['metric'] ?? undefined
  if (id === undefined || id === '') {
    problem(
      'missing-metric',
      `The fact "${text}" has no metric: ${missingMetricAdvice(annotation, source)}`,
      spans.whole
    )
    return undefined
  }
  if (id === undecidedMetric) {
    const figure = readFigure(text)
    const start = spans.whole.start.offset ?? 0
    // The words that may name the figure stand in its sentence, a few dozen characters at most.
    const before = source.slice(Math.max(0, start - 64), start)
    problem(
      'metric-undecided',
      undecidedMessage(text, figure.ok ? figure.value : undefined, before, registry, namedDimensions(attributes)),
      at('metric')
    )
    return undefined
  }
  const metric = registry.metrics.get(id)
  // A metric the registry declares with errors: its own error tells what to mend.
  if (!metric && !registry.withErrors?.has(id))
    problem('unknown-metric', unknownMetricMessage(id, registry), at('metric'))
  return metric && { id, metric }
}

/** The attributes of an annotation that can only be dimensions of its metric, with their members. */
function namedDimensions(attributes: Annotation['attributes']): Record<string, string> {
  const named: Record<string, string> = {}
  for (const [name, value] of Object.entries(attributes))
    if (isDimensionName(name) && typeof value === 'string' && value.trim() !== '') named[name] = value
  return named
}

/** Unknown metric "x", with the id meant: the nearest, or the one a comma that parts attributes ran into. */
function unknownMetricMessage(id: string, registry: Registry): string {
  const before = id.replace(/[,，]$/, '')
  if (before !== id && registry.metrics.has(before))
    return `Unknown metric "${id}": the comma after ${before} is read as part of it; part attributes with spaces alone (metric=${before} period=…)`
  const meant = didYouMeanText(id, registry.metrics.keys())
  if (meant !== '') return `Unknown metric "${id}"${meant}`
  // air.aqi for air.aqi_composite: the start of an id, too short to be a typo of it.
  const longer = [...registry.metrics.keys()].filter(
    (other) => other.startsWith(id) && /^[._]/.test(other.slice(id.length))
  )
  if (longer.length > 0 && longer.length <= maxNamed)
    return `Unknown metric "${id}": the registry has ${longer.join(', ')}, whose ${longer.length === 1 ? 'id starts' : 'ids start'} with it`
  return `Unknown metric "${id}": no id of the registry is like it (declare it in the registry, or check the id)`
}

/** The most metrics an unknown id's message lists as the ids it starts. */
const maxNamed = 4

/**
 * What to do about a missing metric, from the slips that leave one out: `{metric air.pm25}` reads
 * as two attributes of no value, and `:fact[98.6%] {metric=…}` as a label followed by text.
 */
function missingMetricAdvice({ node, attributes }: Annotation, source: string): string {
  const names = Object.keys(attributes)
  const named = names.find((name) => name.includes('.') && attributes[name] === '')
  if (attributes['metric'] === '' && named !== undefined)
    return `"metric" has no "=" before ${named}, so both are read as attributes of no value: write metric=${named}`
  // {metric:air.pm25} is one attribute, for a name may hold ":".
  const colon = names.find((name) => /^metric:./i.test(name) && attributes[name] === '')
  if (colon !== undefined) return `"${colon}" is one attribute name: write metric=${colon.slice('metric:'.length)}`
  const misspelt = names.find((name) => name !== 'metric' && didYouMean(name, ['metric']) === 'metric')
  if (misspelt !== undefined)
    return `"${misspelt}" is no attribute factmark reads: write metric=${attributes[misspelt] || '<id>'}`
  const end = node.position?.end.offset
  const after = end === undefined || names.length > 0 ? '' : source.slice(end, end + 64)
  if (/^[ \t\u3000]+\{/.test(after))
    return 'the braces after its label are parted from it by a space, so they are read as text: remove the space, as :fact[17.4]{metric=air.pm25}'
  if (/^[ \t\u3000]*[（(［[]\s*metric\s*=/.test(after))
    return 'its attributes are written in brackets, which are read as text: write them in braces, as :fact[17.4]{metric=air.pm25}'
  return 'add metric=<id> from the registry'
}

function readAspect({ attributes, at, problem }: Annotation): AspectAttribute | undefined {
  const written = attributes['aspect'] ?? undefined
  if (written === undefined || isAspectAttribute(written)) return written
  problem(
    'attribute-invalid',
    `aspect="${written}" is not one of ${aspectAttributes.join(', ')}${didYouMeanText(written, aspectAttributes)}`,
    at('aspect')
  )
  return undefined
}

function readValue(
  annotation: Annotation,
  metric: { id: string; metric: Metric },
  period: string
): Result<ValueField, ValueProblem> {
  const { attributes, text, spans, at } = annotation
  const aspect = readAspect(annotation)
  // An aspect misspelt is said once: read as a level, the figure of a change would be told it is no level.
  if (aspect === undefined && (attributes['aspect'] ?? undefined) !== undefined)
    return err({ ruleId: 'attribute-invalid', message: 'aspect= is not one factmark reads', at: 'aspect' })
  const value = resolveValue({
    text,
    figure: readFigure(text),
    unit: attributes['unit'] ?? undefined,
    value: attributes['value'] ?? undefined,
    aspect,
    metricId: metric.id,
    metric: metric.metric,
    period
  })
  if (!value.ok) {
    const where: Record<ValueProblem['at'], Position> = {
      label: spans.label,
      unit: at('unit'),
      value: at('value'),
      aspect: at('aspect')
    }
    annotation.problem(value.error.ruleId, value.error.message, where[value.error.at])
  }
  return value
}

/** The fact's period, read; undefined, and said, when it is no period. */
function checkPeriod({ at, problem }: Annotation, period: string): Period | undefined {
  const parsed = parsePeriod(period)
  if (typeof parsed !== 'string') return parsed
  problem('period-invalid', `period="${period}" is not a valid period: ${parsed}`, at('period'))
  return undefined
}

/** How far a fact's period may lie from its report's before it is taken for a slip, in years. */
const plausible = { after: 1, targetAfter: 50, before: 100 }

/**
 * A period written far from the report's own: a level of 2204 in a report of 2024 is a slip, and
 * would stand in its series as a point no report meant. A target may lie decades ahead (碳中和 by 2060).
 */
function checkPeriodPlausible(
  { attributes, at, text }: Annotation,
  { frontMatter, file }: FactContext,
  period: string,
  own: Period,
  aspect: ValueField['aspect']
): void {
  if (attributes['period'] === undefined) return
  const reported = parsePeriod(frontMatter.period)
  if (typeof reported === 'string') return
  const after = own.start.year - reported.end.year
  const before = reported.start.year - own.end.year
  const ahead = aspect === 'target' ? plausible.targetAfter : plausible.after
  const place = at('period')
  if (after > ahead)
    report(
      file,
      'period-implausible',
      aspect === 'target'
        ? `period=${period} of the target "${text}" is ${after} years after the report's ${frontMatter.period}: a target so far ahead is most often a slip; check period=`
        : `period=${period} of "${text}" is ${after} years after the report's ${frontMatter.period}: a report prints no level or change of so late a year, so it is most often a slip; check period=`,
      place
    )
  else if (before > plausible.before)
    report(
      file,
      'period-implausible',
      `period=${period} of "${text}" is ${before} years before the report's ${frontMatter.period}: so far back is most often a slip; check period=`,
      place
    )
}

/** base= is a period before the fact's own, and only a change is measured against one. */
function checkBase(
  { at, problem, attributes }: Annotation,
  base: string | undefined,
  value: Result<ValueField, ValueProblem>,
  period: string,
  own: Period | undefined
): void {
  if (base === undefined) return
  const parsed = parsePeriod(base)
  if (typeof parsed === 'string')
    problem('period-invalid', `base="${base}" is not a valid period: ${parsed}`, at('base'))
  // Read on, a base of 2032 for a change of 2024 would put a level of 2032 in the series.
  else if (own && !comesBefore(parsed, own))
    problem(
      'period-invalid',
      `base=${base} does not come before ${period}, the period of this change${attributes['period'] === undefined && parsed.start.year === own.start.year ? " (the report's, from its front matter: is that the year it reports on?)" : ''}: a change is measured from an earlier period${/^\d{4}$/.test(period) ? ` (同比: base=${previousPeriod(period)})` : ''}`,
      at('base')
    )
  else if (value.ok && value.value.aspect !== 'change' && value.value.aspect !== 'relative-change') {
    problem(
      'attribute-invalid',
      'base= names the period a change is measured against, but this fact is not a change (add aspect=increase or aspect=decrease)',
      at('base')
    )
  }
}

function readExplicitId({ attributes, at, problem }: Annotation): string | undefined {
  const id = attributes['id'] ?? undefined
  if (id !== undefined && !/^\S+$/.test(id))
    problem('attribute-invalid', `id="${id}" must be non-empty and without spaces`, at('id'))
  return id
}

/** revises= names the report whose figure this one corrects, by its slug. */
function readRevises(annotation: Annotation): string | undefined {
  const revises = annotation.attributes['revises'] ?? undefined
  if (revises !== undefined && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(revises))
    annotation.problem(
      'attribute-invalid',
      `revises="${revises}" must be the slug of the report whose figure this one corrects (lower-case letters, digits and hyphens)`,
      annotation.at('revises')
    )
  return revises
}

interface FactParts extends ValueField {
  metric: string
  period: string
  base: string | undefined
  revises: string | undefined
  entity: string
  dimensions: Record<string, string>
}

/** The fact, its fields in the order the bundle lists them. */
function assembleFact({ text, spans }: Annotation, context: FactContext, parts: FactParts): Fact {
  const { start, end } = spans.whole
  const { decimals, classifier, bound, base, revises } = parts
  return {
    id: '',
    metric: parts.metric,
    aspect: parts.aspect,
    value: parts.value,
    unit: parts.unit,
    ...(decimals !== undefined && { decimals }),
    text,
    displayUnit: parts.displayUnit,
    ...(classifier !== undefined && { classifier }),
    ...(bound !== undefined && { bound }),
    period: parts.period,
    ...(base !== undefined && { basePeriod: base }),
    ...(revises !== undefined && { revises }),
    entity: parts.entity,
    dimensions: parts.dimensions,
    section: context.section,
    ...(context.table && { table: context.table }),
    source: {
      file: context.sourcePath,
      line: start.line,
      column: start.column,
      offset: start.offset ?? 0,
      endLine: end.line,
      endColumn: end.column,
      endOffset: end.offset ?? 0
    }
  }
}
