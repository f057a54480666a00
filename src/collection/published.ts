import type { VFile } from 'vfile'
import type { CollectedReport, CollectionFact } from '../model/compiled.js'
import { compareStrings, sortedEntries } from '../model/compare.js'
import { periodDays } from '../model/period.js'
import type { FactReference, SeriesCheck, SeriesPoint } from '../model/schema-types.js'
import { describeDimensions } from '../validate/fact-groups.js'

/** A fact with a number for its value: the only kind a series draws or arithmetic checks. */
export type NumericFact = CollectionFact & { value: number }

/** A report of the collection, where it stands in time, and the file its messages go to. */
export interface Publication {
  slug: string
  report: CollectedReport
  file: VFile
  /** 0 for the earliest report; a later report may revise what an earlier one printed. */
  order: number
  /** Whether its front matter dates it (published, or its sources' dates), rather than its period alone. */
  dated: boolean
}

/** A fact and the report that prints it. */
export interface Printed {
  publication: Publication
  fact: NumericFact
}

/**
 * When a report came out: its publication date; for a compilation, the latest of its sources';
 * else the end of its period, sorted after every date within it.
 */
function publishedWhen(report: Pick<CollectedReport, 'frontMatter'>): string {
  const { frontMatter } = report
  return datedWhen(report) ?? `${frontMatter.period.split('/').at(-1) ?? ''}~`
}

/** The date its front matter gives a report: its publication date, else the latest of its sources'. */
function datedWhen({ frontMatter }: Pick<CollectedReport, 'frontMatter'>): string | undefined {
  const latestSource = (frontMatter.sources ?? [])
    .map((source) => source.published)
    .sort(compareStrings)
    .at(-1)
  return frontMatter.published ?? latestSource
}

/**
 * Whether it is known which of two reports came out first: both are dated, on different days, or
 * neither is and their periods end apart (a report of 2025 after one of 2024), or one is and the
 * other's period is over before the dated one's starts (a summary of 2024 with no date before a
 * summary of 2025 dated 2026-02-10), as they sort. A report of 2024 that gives no date may have
 * come out before or after a fact sheet of 2024 dated 2025-02-18; of two dated the same day,
 * either may be the one that corrects the other.
 */
export function orderKnown(a: Publication, b: Publication): boolean {
  if (a.dated === b.dated) return publishedWhen(a.report) !== publishedWhen(b.report)
  const [first, second] = a.order < b.order ? [a, b] : [b, a]
  const [before, after] = [first, second].map(({ report }) => periodDays(report.frontMatter.period))
  return before !== undefined && after !== undefined && before.endExclusive <= after.start
}

/** The date a report's front matter gives it (see datedWhen), or undefined. */
export function dateOf(publication: Publication): string | undefined {
  return datedWhen(publication.report)
}

/**
 * The reports in the order they were published (see publishedWhen), then by slug, so that the
 * order never depends on the order of the files.
 */
export function inPublicationOrder(
  reports: readonly CollectedReport[],
  fileOf: (report: CollectedReport) => VFile
): Publication[] {
  return [...reports].sort(comparePublished).map((report, order) => ({
    slug: report.frontMatter.slug,
    report,
    file: fileOf(report),
    order,
    dated: datedWhen(report) !== undefined
  }))
}

/** The order of inPublicationOrder. */
export function comparePublished(
  a: Pick<CollectedReport, 'frontMatter'>,
  b: Pick<CollectedReport, 'frontMatter'>
): number {
  const when = publishedWhen
  return compareStrings(when(a), when(b)) || compareStrings(a.frontMatter.slug, b.frontMatter.slug)
}

/**
 * What a message across reports says a figure is of: its metric and dimensions, and its entity where
 * that is not its report's own (a provincial report quoting a district), since the other report
 * named may be about either.
 */
export function subjectOf({ fact, publication }: Printed): string {
  const entity = fact.entity === publication.report.frontMatter.entity ? '' : ` of ${fact.entity}`
  return `${fact.metric}${describeDimensions(fact)}${entity}`
}

export function isNumeric(fact: CollectionFact): fact is NumericFact {
  return typeof fact.value === 'number'
}

/** A fact as series files and messages name it. */
export function referenceTo({ publication, fact }: Printed): FactReference {
  return {
    report: publication.slug,
    fact: fact.id,
    text: fact.text,
    value: fact.value,
    source: sourcePoint(fact)
  }
}

/** A series point as an outcome or a source names it. */
export function pointReference(point: SeriesPoint): FactReference {
  return { report: point.report, fact: point.fact, text: point.text, value: point.value, source: point.source }
}

/** A record of a series, with the metric whose series it belongs to. */
export interface OfMetric<T> {
  metric: string
  record: T
}

/**
 * A check of a series, made when the series is written. A collection of thousands of reports that
 * restate the same figures holds millions of checks; made at once, their references and sentences
 * would be most of the build's memory, and a series is written once.
 */
export interface LazyCheck extends OfMetric<() => SeriesCheck> {
  /** The line of the series it is about: the entity and dimensions of the fact it checks. */
  line: Pick<CollectionFact, 'entity' | 'dimensions'>
  /** The slug of the report whose statement it checks. */
  report: string
}

/** Where a fact stands, as series files give it: file, line and column. */
export function sourcePoint({ source }: CollectionFact): SeriesPoint['source'] {
  return { file: source.file, line: source.line, column: source.column }
}

/**
 * What a point or a target of a series is about and what it says, from its fact; the rest of the
 * record is added to it with Object.assign. Spread into an object literal with more properties,
 * it gave every point a hidden class of its own in V8 (node 20): a metric of 70,000 points, as ten
 * thousand districts print it, held 70,000 classes, 27 MB besides the points themselves.
 */
export function seriesFields(
  fact: NumericFact
): Pick<SeriesPoint, 'period' | 'entity' | 'dimensions' | 'value' | 'unit'> {
  return { period: fact.period, entity: fact.entity, dimensions: fact.dimensions, value: fact.value, unit: fact.unit }
}

/** Where a line of a series (an entity and its dimensions) stands among the others. */
export interface LinePlace {
  entity: string
  /** The JSON of the dimensions, sorted by name. */
  dimensions: string
}

/** The place of the line of a point, a target or a fact (see compareLinePlaces). */
export function linePlace({ entity, dimensions }: Pick<SeriesPoint, 'entity' | 'dimensions'>): LinePlace {
  return { entity, dimensions: JSON.stringify(sortedEntries(dimensions)) }
}

/**
 * The order of the lines of a series: by entity, then by dimensions. Its points, targets and
 * checks go line by line in this order, and so do the parts of a metric too large to make at once.
 */
export function compareLinePlaces(a: LinePlace, b: LinePlace): number {
  return compareStrings(a.entity, b.entity) || compareStrings(a.dimensions, b.dimensions)
}
