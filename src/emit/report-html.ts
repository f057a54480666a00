import { safePageText } from './html/safe-text.js'
import { render } from './html/templates.js'
import type { Download } from './downloads.js'
import { reportView } from './html/view.js'
import type { CompiledReport, Registry } from '../model/compiled.js'
import { noCollection, type CollectionLookup } from './html/collection-lookup.js'

/**
 * index.html of a report: the text for people, its figures tagged, with key figures, contents,
 * charts and the facts table; each metric links to its series page when the site has one.
 */
export function emitReportHtml(
  report: CompiledReport,
  registry: Registry | undefined,
  downloads: readonly Download[],
  collection: CollectionLookup = noCollection
): string {
  return safePageText(render('report.njk', reportView(report, registry, downloads, collection)))
}
