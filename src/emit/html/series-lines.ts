import type { Series, SeriesPoint, SeriesTarget } from '../../model/schema-types.js'
import { sortedEntries } from '../../model/compare.js'
import { lineKey, mainLine } from '../series-json.js'

/** One line of a series: the points and targets of one entity and one set of dimensions. */
export interface SeriesLine {
  key: string
  /** The entity and the dimension values, as the facts table of a report writes them. */
  label: string
  points: SeriesPoint[]
  targets: SeriesTarget[]
}

/**
 * The series a chart draws: `points` and `targets` of `series`, and no changes, dates or checks. Its members are
 * named one by one: a spread would read `checks`, which a collection's series makes anew each time
 * they are read (see LazyCheck).
 */
export function drawnSeries(series: Series, points: SeriesPoint[], targets: SeriesTarget[]): Series {
  const { $schema, generator, metric, entity } = series
  return { $schema, generator, metric, entity, points, targets, changes: [], dates: [], checks: [] }
}

/** The entity and dimension values of a point or target: `厦门市 · 隘头潭`. */
export function whereOf(item: Pick<SeriesPoint, 'entity' | 'dimensions'>): string {
  return [item.entity, ...sortedEntries(item.dimensions).map(([, value]) => value)].join(' · ')
}

/**
 * The lines of a series, the main line of the sparkline first (so that the page and the catalog
 * show the same line first), then the lines with more points, then in the order of the series.
 * A target whose line has no point still makes a line, so that it is drawn.
 */
export function seriesLines(series: Series): SeriesLine[] {
  const lines = new Map<string, SeriesLine>()
  const lineOf = (item: SeriesPoint | SeriesTarget) => {
    const key = lineKey(item)
    let line = lines.get(key)
    if (!line) {
      line = { key, label: whereOf(item), points: [], targets: [] }
      lines.set(key, line)
    }
    return line
  }
  for (const point of series.points) lineOf(point).points.push(point)
  for (const target of series.targets) lineOf(target).targets.push(target)
  const main = mainLine(series)[0]
  const mainKey = main ? lineKey(main) : undefined
  const order = [...lines.values()]
  return order
    .map((line, index) => ({ line, index }))
    .sort(
      (a, b) =>
        Number(b.line.key === mainKey) - Number(a.line.key === mainKey) ||
        b.line.points.length - a.line.points.length ||
        a.index - b.index
    )
    .map(({ line }) => line)
}
