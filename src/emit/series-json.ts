import { compareStrings, sortedEntries } from '../model/compare.js'
import { statingReports } from '../collection/collect.js'
import type { Series, SeriesIndex, SeriesPoint } from '../model/schema-types.js'
import { schemaId } from '../model/schemas.js'
import { lineNumbers, mainLineNumber } from './series-line-numbers.js'
import { version } from '../version.js'

/** A series as series/index.json lists it. */
export type SeriesEntry = SeriesIndex['metrics'][number]

/** The file name of a metric's series, relative to series/: metric ids are safe as they are. */
export function seriesFileName(metric: string, extension: 'json' | 'html'): string {
  return `${metric}.${extension}`
}

/** dist/series/<metric>.json, indented, with a final newline. */
export function emitSeriesJson(series: Series): string {
  return `${JSON.stringify(series, null, 2)}\n`
}

/** dist/series/index.json: every metric with facts, and the values of its main line for a sparkline. */
export function emitSeriesIndex(entries: readonly SeriesEntry[]): string {
  return `${JSON.stringify(seriesIndex(entries), null, 2)}\n`
}

/** What dist/series/index.json holds (see emitSeriesIndex), of each series' entry (see seriesEntry). */
export function seriesIndex(entries: readonly SeriesEntry[]): SeriesIndex {
  return {
    $schema: schemaId('series-index.schema.json') as SeriesIndex['$schema'],
    generator: { name: 'factmark', version },
    metrics: [...entries]
  }
}

/** The entry of a series in series/index.json, `line` its main line (see mainLine). */
export function seriesEntry(series: Series, line: readonly SeriesPoint[] = mainLine(series)): SeriesEntry {
  const { id, label, definition, kind, unit, better } = series.metric
  // Added one by one: a series of ten thousand reports names each in a point, a target, a change or a date.
  const reports = new Set<string>()
  for (const point of series.points) {
    reports.add(point.report)
    for (const reference of point.alsoIn ?? []) reports.add(reference.report)
    for (const reference of point.revises ?? []) reports.add(reference.report)
  }
  for (const target of series.targets) reports.add(target.report)
  for (const records of [series.changes, series.dates])
    for (const stated of records) {
      reports.add(stated.report)
      for (const reference of stated.alsoIn ?? []) reports.add(reference.report)
    }
  for (const slug of statingReports(series)) reports.add(slug)
  return {
    id,
    label,
    ...(definition && { definition }),
    kind,
    unit,
    better,
    periods: [...new Set(series.points.map((point) => point.period))].sort(compareStrings),
    ...(line[0] && { line: lineOf(line[0]) }),
    values: line.map(({ period, value, status }) => ({ period, value, status })),
    pointCount: series.points.length,
    targetCount: series.targets.length,
    changeCount: series.changes.length,
    dateCount: series.dates.length,
    reports: [...reports].sort(compareStrings),
    json: seriesFileName(id, 'json'),
    html: seriesFileName(id, 'html')
  }
}

/** Whose line a point is on, as series/index.json says it: its entity, and its dimensions when it has any. */
function lineOf({ entity, dimensions }: SeriesPoint): NonNullable<SeriesEntry['line']> {
  for (const _name in dimensions) return { entity, dimensions }
  return { entity }
}

/** The identity of a line of a series: its entity and dimensions. */
export function lineKey(point: Pick<SeriesPoint, 'entity' | 'dimensions'>): string {
  // Most points have no dimensions: the same text without sorting and encoding an empty list.
  for (const _name in point.dimensions) return JSON.stringify([point.entity, sortedEntries(point.dimensions)])
  return `[${JSON.stringify(point.entity)},[]]`
}

/**
 * The line a sparkline draws: the series' entity without dimensions when it has points; else among
 * the lines without dimensions (the figure for a whole entity), else among all, the one with the
 * most points, ties going to the first in order.
 */
export function mainLine({ points, entity }: Pick<Series, 'points' | 'entity'>): SeriesPoint[] {
  const numbers = lineNumbers()
  const lines = points.map((point) => numbers.of(point))
  const main = mainLineNumber(points, entity, lines, numbers.count())
  return main === undefined ? [] : ofOneLength(points.filter((_, at) => lines[at] === main))
}

/**
 * The points of a line whose periods are as long as most of its points' are: a value of 2021/2024
 * (an average of four years) beside values of single years is no point of their line, and a
 * sparkline or a trace through it would draw it as one more year. Ties go to the length of the
 * first point.
 */
export function ofOneLength<T extends { period: string }>(points: readonly T[]): T[] {
  const lengths = points.map((point) => lengthOf(point.period))
  const counts = new Map<string, number>()
  for (const length of lengths) counts.set(length, (counts.get(length) ?? 0) + 1)
  if (counts.size <= 1) return [...points]
  let common = ''
  let most = 0
  for (const [length, count] of counts)
    if (count > most) {
      common = length
      most = count
    }
  return points.filter((_, at) => lengths[at] === common)
}

/** How long a period is, in the unit it is written in: 2025 and 2024 alike, 2021/2024 and 2025-11 apart. */
function lengthOf(period: string): string {
  const [start = '', end] = period.split('/')
  if (end === undefined) return String(start.length)
  const part = (date: string, from: number, to: number) => Number(date.slice(from, to) || 0)
  const months = (part(end, 0, 4) - part(start, 0, 4)) * 12 + part(end, 5, 7) - part(start, 5, 7)
  return `${start.length}/${end.length}/${months}/${part(end, 8, 10) - part(start, 8, 10)}`
}
