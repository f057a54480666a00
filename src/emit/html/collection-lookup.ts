import type { Collection } from '../../model/compiled.js'
import { sortedEntries } from '../../model/compare.js'
import type { Fact } from '../../model/schema-types.js'
import { seriesFileName } from '../series-json.js'

/** A level some report of the site prints, and the report that prints it. */
export interface PublishedLevel {
  value: number
  decimals?: number
  text: string
  /** The slug of the report that prints it. */
  report: string
  /** That report's title, to name it in words. */
  reportTitle: string
}

/** Where a figure stands in the collection: its metric, period, entity and dimensions. */
export type LevelQuery = Pick<Fact, 'metric' | 'period' | 'entity' | 'dimensions'>

/**
 * What a report page needs of the other reports, as functions so that the page's own code stays
 * pure and needs no collection to run: the link to a metric's series page, and the level another
 * report publishes for a period this report only reaches through a change.
 */
export interface CollectionLookup {
  /** The series page of a metric, relative to a report's folder; undefined when the site has none. */
  seriesHref: (metric: string) => string | undefined
  /** The published level (never an inferred one) of a metric for a period, entity and dimensions. */
  publishedLevel: (query: LevelQuery) => PublishedLevel | undefined
}

/** A site of one page: no series, nothing published elsewhere. */
export const noCollection: CollectionLookup = {
  seriesHref: () => undefined,
  publishedLevel: () => undefined
}

/** The key of a level in the collection: its metric, period, entity and dimensions. */
export const levelKey = (query: LevelQuery) =>
  JSON.stringify([query.metric, query.period, query.entity, sortedEntries(query.dimensions)])

/** The lookups of a collection, indexed once for every report page of the site. */
export function collectionLookup(
  collection: Collection | undefined,
  titleOf: (slug: string) => string
): CollectionLookup {
  if (!collection) return noCollection
  const metrics = new Set<string>()
  const levels = new Map<string, PublishedLevel>()
  for (const series of collection.series) {
    const metric = series.metric.id
    metrics.add(metric)
    for (const point of series.points) {
      if (point.status !== 'published') continue
      levels.set(levelKey({ metric, ...point }), {
        value: point.value,
        ...(point.decimals !== undefined && { decimals: point.decimals }),
        text: point.text,
        report: point.report,
        reportTitle: titleOf(point.report)
      })
    }
  }
  return {
    seriesHref: (metric) => (metrics.has(metric) ? `../series/${seriesFileName(metric, 'html')}` : undefined),
    publishedLevel: (query) => levels.get(levelKey(query))
  }
}
