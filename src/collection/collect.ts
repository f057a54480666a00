import type { VFile } from 'vfile'
import type { CollectedReport, Collection, Registry } from '../model/compiled.js'
import { compareStrings } from '../model/compare.js'
import type { Labels, Series, SeriesChange, SeriesCheck, SeriesPoint } from '../model/schema-types.js'
import { schemaId } from '../model/schemas.js'
import { groupBy } from '../validate/fact-groups.js'
import { version } from '../version.js'
import { checkChangeRevisions } from './change-revisions.js'
import { checkChangesAcrossReports, isChange } from './changes.js'
import { checkStarts, publishedLevels, type PublishedLevel } from './levels.js'
import {
  compareLinePlaces,
  inPublicationOrder,
  isNumeric,
  linePlace,
  referenceTo,
  seriesFields,
  sourcePoint,
  type LazyCheck,
  type OfMetric,
  type Printed,
  type Publication
} from './published.js'
import { seriesChanges, seriesDates } from './series-records.js'
import { checkTargetsAcrossReports, evaluateTargets } from './targets.js'

/**
 * Read the reports as one collection: each metric's levels across reports, restatements checked,
 * changes checked against the levels of their periods, values no report prints inferred from the
 * ones it does, and targets evaluated. Messages go to the file of the report they are about.
 */
export function collectSeries(
  reports: readonly CollectedReport[],
  registry: Registry,
  fileOf: (report: CollectedReport) => VFile,
  options: CollectOptions = {}
): Collection {
  const publications = inPublicationOrder(reports, fileOf)
  const printed: Printed[] = publications.flatMap((publication) =>
    publication.report.bundle.facts.filter(isNumeric).map((fact) => ({ publication, fact }))
  )
  const checks: LazyCheck[] = []
  const levels = publishedLevels(
    printed.filter((entry) => entry.fact.aspect === 'level'),
    registry,
    checks
  )
  checkStarts(
    printed.filter((entry) => entry.fact.aspect === 'start'),
    levels,
    registry,
    checks
  )
  const changes = printed.filter(({ fact }) => isChange(fact))
  const inferred = checkChangesAcrossReports(changes, levels, registry, checks)
  checkChangeRevisions(changes)
  checkTargetsAcrossReports(printed, registry)
  const targets = evaluateTargets(printed, levels, inferred, registry)
  const points: Array<OfMetric<SeriesPoint>> = [
    ...[...levels.values()].map((level) => ({ metric: level.printed.fact.metric, record: publishedPoint(level) })),
    ...inferred.values()
  ]

  // Grouped once, so that the work grows with the facts and not with facts × metrics.
  const byMetric = <T extends OfMetric<unknown>>(records: readonly T[]) => {
    const groups = groupBy(records, (entry) => entry.metric)
    return (id: string): T[] => groups.get(id) ?? []
  }
  const [pointsOf, targetsOf, checksOf] = [byMetric(points), byMetric(targets), byMetric(checks)]
  const changesOf = byMetric(seriesChanges(changes))
  const datesOf = byMetric(seriesDates(publications))
  const entityOf = options.entityOf ?? mostReportedEntity(publications)
  const metricIds = new Set(reports.flatMap((report) => report.bundle.facts.map((fact) => fact.metric)))
  const series = [...metricIds].sort(compareStrings).flatMap((id): Series[] => {
    const metric = registry.metrics.get(id)
    if (!metric) return []
    const { label, kind, unit, better } = metric
    const { definition } = metric as typeof metric & { definition?: Labels }
    const made = inLineOrder(checksOf(id), (check) => check.line)
    const makers = made.map((check) => check.record)
    const series = checkedLazily(
      {
        $schema: schemaId('series.schema.json') as Series['$schema'],
        generator: { name: 'factmark', version },
        metric: { id, label, ...(definition && { definition }), kind, unit, better },
        entity: entityOf(id),
        points: pointsOf(id)
          .map((entry) => entry.record)
          .sort(comparePoints),
        targets: inLineOrder(
          targetsOf(id).map((entry) => entry.record),
          (target) => target
        ),
        changes: changesOf(id)
          .map((entry) => entry.record)
          .sort(compareChanges),
        dates: datesOf(id)
          .map((entry) => entry.record)
          .sort(comparePoints)
      },
      function* () {
        for (const make of makers) yield make()
      },
      new Set(made.map((check) => check.report))
    )
    return [series]
  })
  return { series }
}

export interface CollectOptions {
  /**
   * The entity of each metric's series, when the reports given are not all of those that print
   * the metric (see crossReport); by default the one most of them are about (see mostReportedEntity).
   */
  entityOf?: (metric: string) => string
}

const checkSources = new WeakMap<Series, () => Iterable<SeriesCheck>>()
const checkedReports = new WeakMap<Series, ReadonlySet<string>>()

/**
 * A series whose checks are made each time they are read, by `source`, and let go once the series
 * is written (see LazyCheck); eachCheck reads them one at a time. `stating` are the slugs of the
 * reports whose statements they check, known without making them (see statingReports).
 */
export function checkedLazily(
  fields: Omit<Series, 'checks'>,
  source: () => Iterable<SeriesCheck>,
  stating: ReadonlySet<string>
): Series {
  const series: Series = {
    ...fields,
    get checks(): SeriesCheck[] {
      return [...source()]
    }
  }
  checkSources.set(series, source)
  checkedReports.set(series, stating)
  return series
}

/**
 * The slugs of the reports whose statements the checks of a series check (a change, a restatement),
 * without making the checks; read from them for a series not made by checkedLazily.
 */
export function statingReports(series: Series): ReadonlySet<string> {
  return checkedReports.get(series) ?? new Set(series.checks.map((check) => check.statement.report))
}

/**
 * The checks of a series one at a time, each made as it is reached: a figure ten thousand reports
 * restate has 90,000 checks, 56 MB made at once. A series not made by checkedLazily gives its own.
 */
export function* eachCheck(series: Series): Generator<SeriesCheck> {
  const source = checkSources.get(series)
  yield* source === undefined ? series.checks : source()
}

/**
 * The targets and checks of a series line by line, in the order of its points (by entity, then
 * dimensions), each line's in the order they were made: so the records of a series cut into parts
 * of whole lines, put one after the other, are the series' own (see crossReport).
 */
function inLineOrder<T>(items: readonly T[], lineOf: (item: T) => Pick<SeriesPoint, 'entity' | 'dimensions'>): T[] {
  const placed = items.map((item) => ({ item, place: linePlace(lineOf(item)) }))
  // Sorting is stable: within a line, the order they were made in.
  placed.sort((a, b) => compareLinePlaces(a.place, b.place))
  return placed.map((entry) => entry.item)
}

/**
 * For each metric, the entity most of the reports with its facts are about (their front matter's
 * default), ties going to the earlier report.
 */
function mostReportedEntity(publications: readonly Publication[]): (metric: string) => string {
  const counts = new Map<string, Map<string, number>>()
  for (const { report } of publications) {
    const entity = report.frontMatter.entity
    for (const metric of new Set(report.bundle.facts.map((fact) => fact.metric))) {
      const forMetric = counts.get(metric) ?? new Map<string, number>()
      forMetric.set(entity, (forMetric.get(entity) ?? 0) + 1)
      counts.set(metric, forMetric)
    }
  }
  return (metric) => mostCounted(counts.get(metric))
}

/** The value given most often, ties going to the one given first; '' for none. */
export function mostCommon(values: Iterable<string>): string {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return mostCounted(counts)
}

function mostCounted(counts: ReadonlyMap<string, number> = new Map()): string {
  let best: [string, number] = ['', 0]
  for (const entry of counts) if (entry[1] > best[1]) best = entry
  return best[0]
}

function publishedPoint({ printed, alsoIn, revised }: PublishedLevel): SeriesPoint {
  const { fact, publication } = printed
  // Added to the fields, not spread with them: see seriesFields.
  const point: SeriesPoint = Object.assign(
    seriesFields(fact),
    fact.decimals !== undefined ? { decimals: fact.decimals } : {},
    {
      text: fact.text,
      aspect: 'level' as const,
      status: 'published' as const,
      report: publication.slug,
      fact: fact.id
    },
    { source: sourcePoint(fact) }
  )
  // A figure every report restates is listed as in each of them: like the checks (see LazyCheck),
  // the references are made when the series is written, not held for the whole build.
  if (alsoIn.length > 0)
    Object.defineProperty(point, 'alsoIn', { enumerable: true, get: () => alsoIn.map(referenceTo) })
  if (revised.length > 0) point.revises = revised.map(referenceTo)
  return point
}

/** By line, then period, then base period: each line's changes in time order (see comparePoints). */
function compareChanges(a: SeriesChange, b: SeriesChange): number {
  return comparePoints(a, b) || compareStrings(a.basePeriod, b.basePeriod)
}

/** By line (see compareLinePlaces), then period: each line of the series in time order. */
function comparePoints(
  a: Pick<SeriesPoint, 'entity' | 'dimensions' | 'period'>,
  b: Pick<SeriesPoint, 'entity' | 'dimensions' | 'period'>
): number {
  // The entities first, alone: most points of a collection differ there, and need no JSON.
  return (
    compareStrings(a.entity, b.entity) ||
    compareLinePlaces(linePlace(a), linePlace(b)) ||
    compareStrings(a.period, b.period)
  )
}
