// Generated from schema/*.schema.json by scripts/schema-types.mjs: do not edit.
// Run `npm run types` after changing a schema.

/**
 * Default period of every fact (quote it in YAML: "2025").
 */
export type Period = string
/**
 * Output folder name under dist/.
 */
export type Slug = string
/**
 * What sort of number a metric is.
 */
export type MetricKind =
  'quantity' | 'percent' | 'percentage-point' | 'count' | 'rank' | 'class' | 'money' | 'index' | 'date'
/**
 * Canonical unit: facts are normalized to it.
 */
export type Unit = string
/**
 * Which way the metric improves: higher, lower, or neutral when neither is better.
 */
export type BetterDirection = 'higher' | 'lower' | 'neutral'
/**
 * Lower-case dotted identifier of a metric in the registry, e.g. air.pm25.
 */
export type MetricId = string

export interface Schemas {
  report?: ReportFrontMatter
  registry?: MetricRegistry
  fact?: Fact
  bundle?: FactBundle
  catalog?: Catalog
  catalogPage?: CatalogPage
  manifest?: Manifest
  series?: Series
  seriesIndex?: SeriesIndex
}
/**
 * The YAML front matter of an annotated report: what the report is, and the defaults of its facts.
 */
export interface ReportFrontMatter {
  /**
   * Title as printed.
   */
  title: string
  /**
   * Body that published the report.
   */
  issuer: string
  /**
   * Default entity of every fact: whom the figures are about.
   */
  entity: string
  period: Period
  /**
   * BCP 47 language tag of the text.
   */
  language: string
  slug: Slug
  /**
   * Publication date (YYYY-MM-DD).
   */
  published?: string
  /**
   * Where the original report is published.
   */
  url?: string
  /**
   * The published documents whose figures this report restates, when it is a compilation of others' figures (a fact sheet): each with its title, publication date and address.
   *
   * @minItems 1
   */
  sources?: [SourceDocument, ...SourceDocument[]]
  /**
   * Phrases whose figures are deliberately left untagged (dates and ordinals that carry no data, numerals in names): suggest and the coverage count skip every figure inside an occurrence of one.
   */
  ignore?: string[]
}
export interface SourceDocument {
  /**
   * Title as printed.
   */
  title: string
  /**
   * Body that published it.
   */
  issuer?: string
  /**
   * Publication date (YYYY-MM-DD).
   */
  published: string
  /**
   * Where it is published.
   */
  url: string
}
/**
 * The taxonomy shared by all reports (source/metrics.yaml): every metric a fact may refer to.
 */
export interface MetricRegistry {
  /**
   * Metrics keyed by id.
   */
  metrics: {
    [k: string]: Metric
  }
  /**
   * Calculation rules: a total equals the sum of its parts, checked at the precision the figures were written with (XBRL Calculations 1.1, round to nearest).
   */
  calculations?: Calculation[]
}
export interface Metric {
  label: Labels
  definition?: Definition
  kind: MetricKind
  unit: Unit
  range?: AllowedRange
  better: BetterDirection
  /**
   * Shown among the key figures of the report.
   */
  headline?: boolean
  /**
   * Drafted by factmark suggest --stubs from one figure: its label, kind, unit and direction are guesses for an editor to confirm. A draft metric is a metric-draft warning until the key is removed.
   */
  draft?: boolean
  /**
   * Dimensions a fact of this metric may carry, keyed by name (e.g. site).
   */
  dimensions?: {
    [k: string]: Dimension
  }
  /**
   * Phrases that introduce the metric in text, used to suggest annotations.
   */
  aliases?: string[]
  description?: string
  outOf?: MetricId
}
/**
 * Human-readable names in Chinese and English.
 */
export interface Labels {
  zh: string
  en: string
}
/**
 * What the metric measures, over what, and by which method, in Chinese and English: a sentence or two that lets an editor decide whether a figure of another year or report is the same measure (the coastal good-water share by sea area and by monitoring points are two metrics). A metric without one is a metric-definition-missing warning.
 */
export interface Definition {
  zh: string
  en: string
}
/**
 * Inclusive bounds of a plausible value, in the canonical unit.
 */
export interface AllowedRange {
  min?: number
  max?: number
}
export interface Dimension {
  label: Labels
  /**
   * The allowed members, when the dimension is closed.
   */
  values?: string[]
  /**
   * Whether every fact of the metric names a member of this dimension: true for a metric only ever given per member (cases selected for each list), which has no total of its own. A fact that names none is then an error (dimension-missing). Default false: a fact without the dimension is the whole.
   */
  required?: boolean
}
export interface Calculation {
  description?: string
  total: MetricId
  /**
   * Either a list of metrics whose facts add up to the total (same period, entity, aspect and dimensions), or a dimension of the total's metric and the members that add up to it.
   */
  parts:
    | [MetricId, ...MetricId[]]
    | {
        dimension: string
        /**
         * @minItems 1
         */
        members: [string, ...string[]]
      }
}
/**
 * One tagged figure of a report: what is measured (metric), about whom (entity), when (period), its value in the metric's canonical unit, the precision it was written with, and where it stands in the source.
 */
export interface Fact {
  /**
   * Stable identifier, unique in the report: given with id= in the annotation, or derived from metric, period and qualifiers.
   */
  id: string
  metric: MetricId
  /**
   * level: the value of the metric in the period; start: its value at the start of the period (由50%…); target: a goal; change: an absolute change over the period, in the metric's unit (percentage points for percentages); relative-change: a change in percent of the earlier value.
   */
  aspect: 'level' | 'start' | 'target' | 'change' | 'relative-change'
  /**
   * Value in `unit`, scales applied (1159万吨 → 11590000), negative for a decrease; for a metric of kind date, the ISO 8601 date or period as a string (2025-11).
   */
  value: number | Period
  unit: Unit
  /**
   * Precision as written, as XBRL decimals: 17.4 → 1, 1159万吨 → -4. Absent for dates.
   */
  decimals?: number
  /**
   * The figure exactly as printed in the report.
   */
  text: string
  /**
   * The unit or classifier as printed (微克/立方米, 万吨, 个百分点, 个), or an empty string.
   */
  displayUnit: string
  /**
   * The measure word of a count or class as printed (个, 家, 批, 类).
   */
  classifier?: string
  /**
   * A qualifier the text puts on the value: at-least (100余个), at-most (前4), about (约50%).
   */
  bound?: 'at-least' | 'at-most' | 'about'
  period: Period
  basePeriod?: Period
  revises?: Slug
  /**
   * Whom the figure is about.
   */
  entity: string
  /**
   * Further qualifiers declared by the metric (e.g. site).
   */
  dimensions: {
    [k: string]: string
  }
  /**
   * Headings above the figure, outermost first.
   */
  section: string[]
  /**
   * For a figure in a table cell: the text of the first cell of its row (row) and of the header cell of its column (column), as a reader of the table names them. Either is left out when that cell is empty, missing or the figure's own cell.
   */
  table?: {
    row?: string
    column?: string
  }
  source: SourcePosition
}
/**
 * Where the annotation stands in its file. Lines and columns are 1-based; offsets are 0-based, in UTF-16 code units, as in unist positions.
 */
export interface SourcePosition {
  /**
   * Path relative to the project, with forward slashes.
   */
  file: string
  line: number
  column: number
  offset: number
  endLine: number
  endColumn: number
  endOffset: number
}
/**
 * facts.json: one report's metadata, the metrics its facts use, and the facts.
 */
export interface FactBundle {
  /**
   * The $id of this schema.
   */
  $schema: 'https://factmark.dev/schema/v1/bundle.schema.json'
  generator: Generator
  report: ReportInformation
  /**
   * Every metric used by a fact, keyed by id, as declared in the registry.
   */
  metrics: {
    [k: string]: Metric
  }
  /**
   * The facts in the order they appear in the text.
   */
  facts: Fact[]
}
/**
 * The program and version that wrote the file.
 */
export interface Generator {
  name: 'factmark'
  version: string
}
/**
 * The report's front matter and where it was read from.
 */
export interface ReportInformation {
  title: string
  issuer: string
  entity: string
  period: Period
  language: string
  slug: Slug
  published?: string
  url?: string
  /**
   * The published documents whose figures the report restates (front matter `sources`).
   *
   * @minItems 1
   */
  sources?: [SourceDocument, ...SourceDocument[]]
  /**
   * Path of the annotated source, relative to the project.
   */
  source: string
}
/**
 * dist/catalog.json: the index of the site's catalog of reports: how many reports, facts and metrics it holds, and its pages (catalog/1.json, catalog/2.json, …), each listing at most pageSize reports with the files published for them. Its size grows with the number of pages, not of reports.
 */
export interface Catalog {
  /**
   * The $id of this schema.
   */
  $schema: 'https://factmark.dev/schema/v1/catalog.schema.json'
  generator: Generator
  /**
   * How many reports the site publishes.
   */
  reportCount: number
  /**
   * How many facts those reports hold in all.
   */
  factCount: number
  /**
   * How many metrics of the registry have at least one fact.
   */
  metricCount: number
  /**
   * The most reports a page lists; every page but the last lists exactly this many.
   */
  pageSize: number
  /**
   * The pages in order; together they list every report once, in the order of the site's index.
   */
  pages: CatalogPageLink[]
}
export interface CatalogPageLink {
  /**
   * Path of the page relative to the root of the site: catalog/<n>.json, n from 1.
   */
  path: string
  /**
   * How many reports the page lists.
   */
  reportCount: number
}
/**
 * dist/catalog/<n>.json: one page of the site's catalog of reports (see catalog.json), listing at most pageSize reports and the files published for them.
 */
export interface CatalogPage {
  /**
   * The $id of this schema.
   */
  $schema: 'https://factmark.dev/schema/v1/catalog-page.schema.json'
  generator: Generator
  /**
   * The number of this page, from 1.
   */
  page: number
  /**
   * How many pages the catalog has.
   */
  pageCount: number
  /**
   * Path of the catalog's index relative to the root of the site.
   */
  index: 'catalog.json'
  /**
   * Path of the previous page relative to the root of the site; absent on the first.
   */
  previous?: string
  /**
   * Path of the next page relative to the root of the site; absent on the last.
   */
  next?: string
  reports: CatalogReport[]
}
export interface CatalogReport {
  slug: Slug
  title: string
  issuer: string
  entity: string
  period: Period
  language: string
  url?: string
  /**
   * Path of the annotated source, relative to the project.
   */
  source: string
  factCount: number
  metricCount: number
  files: CatalogFile[]
}
export interface CatalogFile {
  /**
   * Path relative to the root of the site.
   */
  path: string
  mediaType: string
  title: string
}
/**
 * dist/manifest.json: every file of the site but itself, with its size and SHA-256, so that a mirror can check what it serves.
 */
export interface Manifest {
  /**
   * The $id of this schema.
   */
  $schema: 'https://factmark.dev/schema/v1/manifest.schema.json'
  generator: Generator
  files: ManifestFile[]
}
export interface ManifestFile {
  path: string
  bytes: number
  sha256: string
}
/**
 * dist/series/<metric>.json: every value of one metric across the reports of the site, with the targets set for it and the checks made between reports.
 */
export interface Series {
  /**
   * The $id of this schema.
   */
  $schema: 'https://factmark.dev/schema/v1/series.schema.json'
  generator: Generator
  metric: SeriesMetric
  /**
   * The entity most of the reports with facts of the metric are about (the entity of their front matter): its line without dimensions is the main line of the series.
   */
  entity: string
  /**
   * One value per period, entity and dimensions, ordered by entity, dimensions and period.
   */
  points: SeriesPoint[]
  /**
   * The targets set for the metric, each evaluated against the outcome of its period; line by line (entity and dimensions) in the order of the points, and within a line in the order the reports were published.
   */
  targets: SeriesTarget[]
  /**
   * The changes stated of the metric (同比, 比上年…), each against its base period, whether or not a report publishes the levels of its two periods; one per line, period, base period, aspect and value, ordered by line, then period, then base period. A change some reports state with another value is listed once for each value.
   */
  changes: SeriesChange[]
  /**
   * The dates the reports give of a metric whose values are dates (the day or month something was done, 于2025年11月完成): one per line, period and date, ordered by line, then period. A date some reports give otherwise is listed once for each.
   */
  dates: SeriesDate[]
  /**
   * Every statement about the metric that was checked against the figures of the reports, and whether it holds; line by line (entity and dimensions) in the order of the points, and within a line the restatements, then the starts, then the changes.
   */
  checks: SeriesCheck[]
}
/**
 * The metric as the registry declares it.
 */
export interface SeriesMetric {
  id: MetricId
  label: Labels
  definition?: Labels
  kind: MetricKind
  unit: Unit
  better: BetterDirection
}
/**
 * The value of the metric for one period, entity and dimensions: published in a report, or inferred from a published level and a published change.
 */
export interface SeriesPoint {
  period: Period
  entity: string
  dimensions: {
    [k: string]: string
  }
  value: number
  unit: Unit
  /**
   * Precision, as XBRL decimals: as printed for a published value, that of the figures it comes from for an inferred one.
   */
  decimals?: number
  /**
   * The figure as printed; for an inferred value, the value as it would be printed.
   */
  text: string
  aspect: 'level'
  /**
   * published: printed in a report; inferred: no report prints it, it follows from a level and a change that are printed.
   */
  status: 'published' | 'inferred'
  report: Slug
  /**
   * The id of the fact in that report: the level, or for an inferred value the change.
   */
  fact: string
  source: SourcePoint
  /**
   * For an inferred value: how it was worked out, and from which facts.
   */
  derivation?: {
    expression: string
    /**
     * @minItems 2
     */
    from: [FactReference, FactReference, ...FactReference[]]
  }
  /**
   * Other reports that print the same value for the same period.
   */
  alsoIn?: FactReference[]
  /**
   * Earlier values of this point that this report revises.
   */
  revises?: FactReference[]
}
/**
 * File, line and column where a figure stands.
 */
export interface SourcePoint {
  file: string
  line: number
  column: number
}
/**
 * A fact of a report: the report's slug, the fact's id, its figure as printed, and where it stands.
 */
export interface FactReference {
  report: Slug
  fact: string
  text: string
  value: number
  source: SourcePoint
}
/**
 * A target for one period, its bound, and how the outcome compares.
 */
export interface SeriesTarget {
  period: Period
  entity: string
  dimensions: {
    [k: string]: string
  }
  value: number
  unit: Unit
  /**
   * Precision of the target as printed, as XBRL decimals.
   */
  decimals?: number
  text: string
  /**
   * at-least: the outcome must be at least the value (不低于); at-most: at most (不高于, 保十争先); absent: the outcome must be the value, or better.
   */
  bound?: 'at-least' | 'at-most'
  report: Slug
  fact: string
  source: SourcePoint
  evaluation: {
    /**
     * met or missed against the outcome of the period; pending while no report gives the outcome.
     */
    status: 'met' | 'missed' | 'pending'
    outcome?: FactReference
    /**
     * Whether the outcome is published or inferred.
     */
    outcomeStatus?: 'published' | 'inferred'
  }
}
/**
 * A change of the metric over a period against a base period, as a report states it.
 */
export interface SeriesChange {
  period: Period
  basePeriod: Period
  entity: string
  dimensions: {
    [k: string]: string
  }
  /**
   * change: in the unit of the metric (percentage points for a percentage); relative-change: in percent of the value of the base period.
   */
  aspect: 'change' | 'relative-change'
  value: number
  unit: Unit
  /**
   * Precision of the change as printed, as XBRL decimals.
   */
  decimals?: number
  /**
   * A qualifier the text puts on the change: at-least (提高2个百分点以上), at-most, about (基本持平, 约).
   */
  bound?: 'at-least' | 'at-most' | 'about'
  /**
   * The figure as printed.
   */
  text: string
  report: Slug
  /**
   * The id of the fact in that report.
   */
  fact: string
  source: SourcePoint
  /**
   * Other reports that state the same change with the same value.
   */
  alsoIn?: FactReference[]
}
/**
 * The date a report gives as the value of a date metric for one period, entity and dimensions.
 */
export interface SeriesDate {
  period: Period
  entity: string
  dimensions: {
    [k: string]: string
  }
  value: Period
  /**
   * The date as printed.
   */
  text: string
  report: Slug
  /**
   * The id of the fact in that report.
   */
  fact: string
  source: SourcePoint
  /**
   * Other reports that give the same date.
   */
  alsoIn?: DateReference[]
}
/**
 * A date fact of a report: the report's slug, the fact's id, its date as printed and as a value, and where it stands.
 */
export interface DateReference {
  report: Slug
  fact: string
  text: string
  value: Period
  source: SourcePoint
}
/**
 * A statement of one report checked against figures of the reports: a change against the levels of its two periods, a value printed again by another report, or the value a period started from against the level of the period before.
 */
export interface SeriesCheck {
  /**
   * change: a change against the levels of its two periods; restatement: a level printed again by a later report; start: the value a period started from (由50%…) against the level of the period before.
   */
  kind: 'change' | 'restatement' | 'start'
  holds: boolean
  /**
   * A restatement that says it revises the value it is checked against (revises=): it holds as a correction of that value, not as the same value. Absent otherwise.
   */
  revision?: true
  statement: FactReference
  /**
   * @minItems 1
   */
  against: [FactReference, ...FactReference[]]
  /**
   * The arithmetic, as a reader would check it.
   */
  detail: string
}
/**
 * dist/series/index.json: every metric that has facts in the site's reports, with the periods it covers and the values for a sparkline.
 */
export interface SeriesIndex {
  /**
   * The $id of this schema.
   */
  $schema: 'https://factmark.dev/schema/v1/series-index.schema.json'
  generator: Generator
  metrics: SeriesEntry[]
}
export interface SeriesEntry {
  id: MetricId
  label: Labels
  definition?: Labels
  kind: MetricKind
  unit: Unit
  better: BetterDirection
  /**
   * The periods of its points, in order.
   */
  periods: Period[]
  /**
   * Whose line `values` draws: its entity, and its dimensions when it has any. Absent when the series has no points.
   */
  line?: {
    entity: string
    dimensions?: {
      [k: string]: string
    }
  }
  /**
   * The main line of the series, for a sparkline: the points of the most reported entity without dimensions (or else of the most reported dimensions), in period order; of those, only the points whose period is as long as most of theirs (an average of 2021/2024 among single years is left out).
   */
  values: {
    period: Period
    value: number
    status: 'published' | 'inferred'
  }[]
  /**
   * Points of the series, published and inferred.
   */
  pointCount: number
  /**
   * Targets set for the metric.
   */
  targetCount: number
  /**
   * Changes stated of the metric against a base period (see the series' changes).
   */
  changeCount: number
  /**
   * Dates given of a metric whose values are dates (see the series' dates).
   */
  dateCount: number
  /**
   * Slugs of the reports with facts in the series: those that print a point (its value, the same value again, or a value a later report revises), set a target, state a change, give a date, or state what a check checks (a value restated).
   */
  reports: Slug[]
  /**
   * The series file, relative to this one.
   */
  json: string
  /**
   * The series page, relative to this one.
   */
  html: string
}
