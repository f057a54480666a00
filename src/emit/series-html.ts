import type { Series, SeriesCheck } from '../model/schema-types.js'
import { safePageText } from './html/safe-text.js'
import { seriesPageFile, seriesPages, type SeriesPage } from './html/series-pages.js'
import { seriesView } from './html/series-view.js'
import { render } from './html/templates.js'

/**
 * dist/series/<metric>.html: a metric across the reports for people, a chart of its lines with
 * every point linked to its sentence, the table of its points, its targets, its changes and the checks between
 * reports; the first page of a series too long for one (see emitSeriesPages). `titleOf` names a
 * report by its slug; `checks` are the series' own (see seriesView).
 */
export function emitSeriesHtml(
  series: Series,
  titleOf: (slug: string) => string,
  checks?: Iterable<SeriesCheck>,
  page?: SeriesPage
): string {
  return safePageText(render('series.njk', seriesView(series, titleOf, checks, page)))
}

/** A page of a series' pages, made when it is written. */
export interface SeriesPageFile {
  /** In series/. */
  file: string
  render: () => string
}

/**
 * Every page of a series: `<metric>.html`, then `<metric>-2.html` and on for a series whose rows
 * do not fit one (see seriesPages). The first page reads `checks`.
 */
export function emitSeriesPages(
  series: Series,
  titleOf: (slug: string) => string,
  checks?: Iterable<SeriesCheck>
): SeriesPageFile[] {
  return seriesPages(series).map((page) => ({
    file: seriesPageFile(series.metric.id, page.number),
    render: () => emitSeriesHtml(series, titleOf, page.number === 1 ? checks : undefined, page)
  }))
}
