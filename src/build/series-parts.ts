import { checkedLazily, eachCheck, statingReports } from '../collection/collect.js'
import type { Series, SeriesChange, SeriesCheck, SeriesDate, SeriesPoint, SeriesTarget } from '../model/schema-types.js'
import { jsonLinesAppender, jsonLinesOf } from './json-lines.js'

/** The series of a metric made a part at a time (see FactParts), joined into one. */
export interface SeriesJoiner {
  /** The series of the next part, whose lines all come after those of the parts before. */
  add: (series: Series) => void
  /** The metric's series, about `entity`; undefined when no part had one. */
  joined: (entity: string) => Series | undefined
}

/**
 * Join the series of the parts of a metric: their points, targets, changes and dates one after the other, which
 * are the series' own since a part holds whole lines, in the order of the lines (see inLineOrder).
 * The points, targets, changes and dates are kept; the checks, which hold every fact they name until they are made,
 * are made part by part and written to `file`, and read back one at a time each time the series'
 * checks are read.
 */
export function seriesJoiner(file: string): SeriesJoiner {
  // The first part's members that are every part's; not the part itself, whose checks hold its facts.
  let head: Pick<Series, '$schema' | 'generator' | 'metric'> | undefined
  const points: SeriesPoint[] = []
  const targets: SeriesTarget[] = []
  const changes: SeriesChange[] = []
  const dates: SeriesDate[] = []
  const checks = jsonLinesAppender(file)
  const stating = new Set<string>()
  return {
    add(series) {
      head ??= { $schema: series.$schema, generator: series.generator, metric: series.metric }
      for (const point of series.points) points.push(point)
      for (const target of series.targets) targets.push(target)
      for (const change of series.changes) changes.push(change)
      for (const date of series.dates) dates.push(date)
      for (const check of eachCheck(series)) checks.add(check)
      for (const slug of statingReports(series)) stating.add(slug)
      checks.flush()
    },
    joined(entity) {
      if (!head) return undefined
      const { $schema, generator, metric } = head
      const kept = checks.written()
      return checkedLazily(
        { $schema, generator, metric, entity, points, targets, changes, dates },
        () => (kept ? (jsonLinesOf(file) as Generator<SeriesCheck>) : []),
        stating
      )
    }
  }
}
