import { htmlOf } from './to-html.js'
import type {
  Series,
  SeriesChange,
  SeriesCheck,
  SeriesDate,
  SeriesPoint,
  SeriesTarget
} from '../../model/schema-types.js'
import { version } from '../../version.js'
import { decimalString } from '../decimal.js'
import { seriesFileName } from '../series-json.js'
import { aspectWord, formatValue, unitSymbol } from './display.js'
import { safeTree } from './safe-text.js'
import { seriesChart } from './series-chart.js'
import { factLink, pointValue, targetValue, type FactLink } from './series-display.js'
import { pageNavigation, type PageNavigation } from './page-links.js'
import { seriesPageFile, seriesPages, type SeriesPage } from './series-pages.js'
import { drawnSeries, seriesLines, whereOf } from './series-lines.js'
import { betterWords, checkKindWords, evaluationWords, holdsWords, statusWords } from './series-words.js'

export interface SeriesView {
  lang: string
  pageTitle: string
  description: string
  generator: string
  metric: {
    id: string
    label: string
    labelEn: string
    definition: string
    definitionEn: string
    unit: string
    better: string
  }
  json: string
  chart: string
  lineCount: number
  /** The points of the whole series; the page may list some of them (see seriesPages). */
  pointCount: number
  /** The changes and the dates of the whole series. */
  changeCount: number
  dateCount: number
  /** The links to the other pages of a series too long for one, and the first, which lists the checks. */
  pages: (PageNavigation & { first: string }) | undefined
  points: Array<{
    period: string
    where: string
    value: string
    display: string
    inferred: boolean
    status: string
    derivation: string
    derivedFrom: FactLink[]
    source: FactLink
    /** The first reports printing the same figure, at most `listedAlsoIn`. */
    alsoIn: FactLink[]
    /** How many more reports print it, listed in the series' JSON only. */
    alsoInMore: number
    revises: FactLink[]
  }>
  targets: Array<{
    period: string
    where: string
    display: string
    status: SeriesTarget['evaluation']['status']
    evaluation: string
    outcome: (FactLink & { inferred: boolean }) | undefined
    source: FactLink
    /** The first other reports that state the same target, at most `listedAlsoIn`. */
    alsoIn: FactLink[]
    /** How many more state it, listed in the series' JSON only. */
    alsoInMore: number
  }>
  /** The changes stated of the metric, the first listedChanges of them, on the first page only. */
  changes: Array<{
    period: string
    basePeriod: string
    where: string
    aspect: string
    value: string
    display: string
    source: FactLink
    /** The first other reports that state the same change, at most `listedAlsoIn`. */
    alsoIn: FactLink[]
    /** How many more state it, listed in the series' JSON only. */
    alsoInMore: number
  }>
  /** How many changes the page leaves to the JSON. */
  changesNotListed: number
  /** The dates given of a date metric, the first listedChanges of them, on the first page only. */
  dates: Array<{
    period: string
    where: string
    value: string
    source: FactLink
    alsoIn: FactLink[]
    alsoInMore: number
  }>
  /** How many dates the page leaves to the JSON. */
  datesNotListed: number
  checks: Array<{
    kind: string
    holds: boolean
    mark: string
    word: string
    statement: FactLink
    against: FactLink[]
    /** How many more facts the statement is checked against, listed in the series' JSON only. */
    againstMore: number
    detail: string
  }>
  /** The checks the page leaves to the JSON: how many, and how many of them do not hold. */
  checksNotListed: { count: number; failing: number }
}

/**
 * How many reports a point of the page names as printing the same figure too, and how many facts a
 * check names as checked against: at a thousand copies of one report the lists would hold a
 * thousand links on every row. The page names the first ones and counts the rest; the series'
 * JSON keeps every one, for the programs that check them.
 */
export const listedAlsoIn = 10

/**
 * How many checks that hold, and how many that do not, the page lists: each restatement of a
 * figure is a check, so a figure printed by a thousand reports makes a thousand. The page lists
 * the first of each kind in order, counts the rest and links the JSON that holds them all.
 */
export const listedChecks = 50

/**
 * How many changes, and how many dates, the first page lists: a province's reports of a thousand
 * districts each state the change of their own line. The page counts the rest and links the JSON
 * that holds them all.
 */
const listedChanges = 50

/**
 * Everything the series template shows on `page` (the first unless given), computed here so the
 * template only lays it out. `checks` are the series' own, read once, and only for the first page,
 * which lists them: a collection's series makes its checks each time they are read (see
 * LazyCheck), and a caller may give them one at a time (see eachCheck).
 */
export function seriesView(
  series: Series,
  titleOf: (slug: string) => string,
  checks?: Iterable<SeriesCheck>,
  page: SeriesPage = firstPage(series)
): SeriesView {
  const { metric } = series
  const { points, targets } = page
  // The chart and the table draw each target once, however many reports state it; neither draws a check.
  const drawn = drawnSeries(
    series,
    points,
    targets.map(({ target }) => target)
  )
  const lines = seriesLines(drawn)
  const chart = seriesChart({ series: drawn, lines, titleOf })
  safeTree(chart)
  const link = (reference: Parameters<typeof factLink>[0]) => factLink(reference, titleOf)
  return {
    lang: 'zh-CN',
    pageTitle: `${metric.label.zh}:历年数值${page.number === 1 ? '' : `(第 ${page.number} 页)`}`,
    description: `${metric.label.zh}在各报告中的数值、目标及其评估、跨报告核对,共 ${series.points.length} 个数据点。`,
    generator: `factmark ${version}`,
    metric: {
      id: metric.id,
      label: metric.label.zh,
      labelEn: metric.label.en,
      definition: metric.definition?.zh ?? '',
      definitionEn: metric.definition?.en ?? '',
      unit: metric.kind === 'rank' ? '名次' : unitSymbol(metric.unit),
      better: betterWords[metric.better]
    },
    json: seriesFileName(metric.id, 'json'),
    chart: htmlOf(chart),
    lineCount: lines.length,
    pointCount: series.points.length,
    changeCount: series.changes.length,
    dateCount: series.dates.length,
    pages:
      page.count === 1
        ? undefined
        : {
            ...pageNavigation('序列分页', page.number, page.count, (number) => seriesPageFile(metric.id, number)),
            first: seriesPageFile(metric.id, 1)
          },
    points: points.map((point) => pointRow(series, point, link)),
    targets: targets.map(({ target, others }) => targetRow(series, target, others, link)),
    ...(page.number === 1
      ? {
          changes: series.changes.slice(0, listedChanges).map((change) => changeRow(series, change, link)),
          changesNotListed: Math.max(0, series.changes.length - listedChanges),
          dates: series.dates.slice(0, listedChanges).map((date) => dateRow(date, link)),
          datesNotListed: Math.max(0, series.dates.length - listedChanges),
          ...listedCheckRows(checks ?? series.checks, link)
        }
      : {
          changes: [],
          changesNotListed: 0,
          dates: [],
          datesNotListed: 0,
          checks: [],
          checksNotListed: { count: 0, failing: 0 }
        })
  }
}

/** The first page of a series (see seriesPages). */
function firstPage(series: Series): SeriesPage {
  const [first] = seriesPages(series)
  if (!first) throw new Error('a series has a page at least')
  return first
}

type Link = (reference: Parameters<typeof factLink>[0]) => FactLink

function pointRow(series: Series, point: SeriesPoint, link: Link): SeriesView['points'][number] {
  // Read once, for the same reason as the checks.
  const alsoIn = point.alsoIn ?? []
  return {
    period: point.period,
    where: whereOf(point),
    value: decimalString(point.value),
    display: pointValue(point, series.metric),
    inferred: point.status === 'inferred',
    status: statusWords[point.status],
    derivation: point.derivation?.expression ?? '',
    derivedFrom: (point.derivation?.from ?? []).map(link),
    source: link(point),
    ...listedOthers(alsoIn, link),
    revises: (point.revises ?? []).map(link)
  }
}

function changeRow(series: Series, change: SeriesChange, link: Link): SeriesView['changes'][number] {
  return {
    period: change.period,
    basePeriod: change.basePeriod,
    where: whereOf(change),
    aspect: aspectWord(change.aspect),
    value: decimalString(change.value),
    display: changeValue(change, series.metric),
    source: link(change),
    // Read once, for the same reason as the checks.
    ...listedOthers(change.alsoIn ?? [], link)
  }
}

/** A change as printed with its bound: `约0 个百分点` for 基本持平, `+2 个百分点以上`, `上升4位`. */
function changeValue(change: SeriesChange, metric: Series['metric']): string {
  const value = formatValue(change, metric)
  if (change.bound === 'about') return `约${value}`
  return change.bound === undefined ? value : `${value}${change.bound === 'at-least' ? '以上' : '以内'}`
}

function dateRow(date: SeriesDate, link: Link): SeriesView['dates'][number] {
  return {
    period: date.period,
    where: whereOf(date),
    value: date.value,
    source: link(date),
    ...listedOthers(date.alsoIn ?? [], link)
  }
}

/** The first other reports that print a figure, at most `listedAlsoIn`, and how many more the JSON lists. */
function listedOthers(
  others: ReadonlyArray<Parameters<Link>[0]>,
  link: Link
): { alsoIn: FactLink[]; alsoInMore: number } {
  return { alsoIn: others.slice(0, listedAlsoIn).map(link), alsoInMore: Math.max(0, others.length - listedAlsoIn) }
}

function targetRow(
  series: Series,
  target: SeriesTarget,
  others: readonly SeriesTarget[],
  link: Link
): SeriesView['targets'][number] {
  const { outcome, outcomeStatus } = target.evaluation
  return {
    period: target.period,
    where: whereOf(target),
    display: targetValue(target, series.metric),
    status: target.evaluation.status,
    evaluation: evaluationWords[target.evaluation.status],
    outcome: outcome ? { ...link(outcome), inferred: outcomeStatus === 'inferred' } : undefined,
    source: link(target),
    ...listedOthers(others, link)
  }
}

/** The checks the page lists, in order: the first listedChecks that hold and those that do not. */
function listedCheckRows(checks: Iterable<SeriesCheck>, link: Link): Pick<SeriesView, 'checks' | 'checksNotListed'> {
  const seen = { true: 0, false: 0 }
  const rows: SeriesView['checks'] = []
  for (const check of checks)
    if (++seen[check.holds ? 'true' : 'false'] <= listedChecks) rows.push(checkRow(check, link))
  return {
    checks: rows,
    checksNotListed: {
      count: seen.true + seen.false - rows.length,
      failing: Math.max(0, seen.false - listedChecks)
    }
  }
}

function checkRow(check: SeriesCheck, link: Link): SeriesView['checks'][number] {
  const { mark, word } = holdsWords[check.holds ? (check.revision ? 'revision' : 'true') : 'false']
  return {
    kind: checkKindWords[check.kind],
    holds: check.holds,
    mark,
    word,
    statement: link(check.statement),
    against: check.against.slice(0, listedAlsoIn).map(link),
    againstMore: Math.max(0, check.against.length - listedAlsoIn),
    detail: check.detail
  }
}
