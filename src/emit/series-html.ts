import type { Series, SeriesCheck } from '../model/schema-types.js'
import { safePageText } from './html/safe-text.js'
import { seriesView } from './html/series-view.js'
import { render } from './html/templates.js'

/**
 * dist/series/<metric>.html: a metric across the reports for people, a chart of its lines with
 * every point linked to its sentence, the table of its points, its targets and the checks between
 * reports. `titleOf` names a report by its slug; `checks` are the series' own (see seriesView).
 */
export function emitSeriesHtml(
  series: Series,
  titleOf: (slug: string) => string,
  checks: Iterable<SeriesCheck> = series.checks
): string {
  return safePageText(render('series.njk', seriesView(series, titleOf, checks)))
}
