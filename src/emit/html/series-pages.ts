import { sortedEntries } from '../../model/compare.js'
import type { Series, SeriesPoint, SeriesTarget } from '../../model/schema-types.js'
import { lineNumbers, mainLineNumber } from '../series-line-numbers.js'

/** A target and the later ones that state the same in other reports: one row and one mark of a page. */
interface TargetGroup {
  target: SeriesTarget
  others: SeriesTarget[]
}

/** What one page of a series shows: some of its lines, whole where they fit. */
export interface SeriesPage {
  /** From 1. */
  number: number
  count: number
  /** In the order of the series. */
  points: SeriesPoint[]
  targets: TargetGroup[]
}

/**
 * How many rows (points and targets) a page of a series lists at most. A series of many entities
 * has a line for each: a metric that three thousand districts report made a page of 12 MB, which
 * grew with every report added. Past this, the lines go to further pages, as many as a page takes,
 * a line longer than a page alone going on to the next.
 */
export const seriesPageRows = 200

/**
 * The file of page `number` of a metric's series, in series/: the first is `<metric>.html`, which
 * the reports and the catalog link, the others `<metric>-<n>.html`, beside it so that every link of
 * a page is the same on each; no metric's id has a hyphen, so none can be another's page.
 */
export function seriesPageFile(metric: string, number: number): string {
  return number === 1 ? `${metric}.html` : `${metric}-${number}.html`
}

/**
 * The targets of a series, each with the later ones that state the same target (period, entity,
 * dimensions, bound, value and evaluation) in other reports: a target restated by a thousand
 * copies is one mark and one row, not a thousand.
 */
function sameTargets(targets: readonly SeriesTarget[]): TargetGroup[] {
  const groups = new Map<string, TargetGroup>()
  for (const target of targets) {
    const { period, entity, dimensions, value, unit, bound, evaluation } = target
    const key = JSON.stringify([
      period,
      entity,
      sortedEntries(dimensions),
      value,
      unit,
      bound ?? null,
      evaluation.status,
      evaluation.outcome?.report ?? null,
      evaluation.outcome?.fact ?? null
    ])
    const group = groups.get(key)
    if (group) group.others.push(target)
    else groups.set(key, { target, others: [] })
  }
  return [...groups.values()]
}

/**
 * The pages of a series: one with all of it while it has at most seriesPageRows rows; else its
 * lines in the order the chart draws them (see seriesLines: the main line first, then those with
 * more points, then in the order of the series), each page taking whole lines while they fit, a
 * line longer than a page going on over the next ones. Each page lists its points and targets in
 * the order of the series. The lines are known by their numbers only (see lineNumbers): a metric
 * ten thousand districts print has 90,000 of them.
 */
export function seriesPages(series: Series): SeriesPage[] {
  const targets = sameTargets(series.targets)
  if (series.points.length + targets.length <= seriesPageRows)
    return [{ number: 1, count: 1, points: series.points, targets }]
  const numbers = lineNumbers()
  const pointLines = series.points.map((point) => numbers.of(point))
  const targetLines = targets.map((group) => numbers.of(group.target))
  const count = numbers.count()
  const main = mainLineNumber(series.points, series.entity, pointLines, count)
  const pointsIn = new Uint32Array(count)
  const rowsIn = new Uint32Array(count)
  for (const line of pointLines) [pointsIn[line], rowsIn[line]] = [(pointsIn[line] ?? 0) + 1, (rowsIn[line] ?? 0) + 1]
  for (const line of targetLines) rowsIn[line] = (rowsIn[line] ?? 0) + 1
  const drawn = Array.from({ length: count }, (_, line) => line).sort(
    (a, b) => Number(b === main) - Number(a === main) || (pointsIn[b] ?? 0) - (pointsIn[a] ?? 0) || a - b
  )
  // Where each line's first row goes; its n-th row goes n rows on, onto the next page past a full one.
  const firstPage = new Uint32Array(count)
  const firstRow = new Uint32Array(count)
  let page = 0
  let rows = 0
  for (const line of drawn) {
    const size = rowsIn[line] ?? 0
    if (rows > 0 && rows + size > seriesPageRows) [page, rows] = [page + 1, 0]
    ;[firstPage[line], firstRow[line]] = [page, rows]
    const last = rows + size - 1
    ;[page, rows] = [page + Math.floor(last / seriesPageRows), (last % seriesPageRows) + 1]
  }
  const placed = new Uint32Array(count)
  const pageOf = (line: number): number => {
    const row = (firstRow[line] ?? 0) + (placed[line] ?? 0)
    placed[line] = (placed[line] ?? 0) + 1
    return (firstPage[line] ?? 0) + Math.floor(row / seriesPageRows)
  }
  const points: SeriesPoint[][] = Array.from({ length: page + 1 }, () => [])
  const groups: TargetGroup[][] = Array.from({ length: page + 1 }, () => [])
  // A line's points come before its targets, as seriesLines lists them.
  for (const [at, point] of series.points.entries()) points[pageOf(pointLines[at] ?? 0)]?.push(point)
  for (const [at, group] of targets.entries()) groups[pageOf(targetLines[at] ?? 0)]?.push(group)
  return points.map((listed, index) => ({
    number: index + 1,
    count: page + 1,
    points: listed,
    targets: groups[index] ?? []
  }))
}
