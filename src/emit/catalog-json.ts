import type { Catalog, CatalogPage, CatalogReport } from '../model/schema-types.js'
import { schemaId } from '../model/schemas.js'
import { version } from '../version.js'
import type { Download } from './downloads.js'
import type { SiteReport } from '../model/compiled.js'
import { catalogJsonPage, catalogPages, catalogPageSize, type CatalogPageFile } from './catalog-pages.js'

type CatalogJsonEntry = { report: SiteReport; files: readonly Download[] }

const generator = { name: 'factmark', version } as const

/**
 * dist/catalog.json: the index of the catalog for programs that crawl the site: how many reports,
 * facts and metrics it holds, and its pages (catalog/1.json, …), each with how many reports it
 * lists. It grows with the pages, one entry for a hundred reports, never with the reports' contents.
 */
export function emitCatalogJson(entries: readonly CatalogJsonEntry[]): string {
  const metrics = new Set(entries.flatMap(({ report }) => Object.keys(report.bundle.metrics)))
  const catalog: Catalog = {
    $schema: schemaId('catalog.schema.json') as Catalog['$schema'],
    generator,
    reportCount: entries.length,
    factCount: entries.reduce((sum, { report }) => sum + report.bundle.facts.length, 0),
    metricCount: metrics.size,
    pageSize: catalogPageSize,
    pages: catalogPages(entries).map((page, index) => ({ path: catalogJsonPage(index + 1), reportCount: page.length }))
  }
  return `${JSON.stringify(catalog, null, 2)}\n`
}

/**
 * dist/catalog/<n>.json: the catalog's pages, each listing at most catalogPageSize reports, in the
 * order of the site's index, with the files published for them; each links the index and the pages
 * before and after it. No page for a site without reports.
 */
export function emitCatalogJsonPages(entries: readonly CatalogJsonEntry[]): CatalogPageFile[] {
  const pages = catalogPages(entries)
  return pages.map((listed, index) => {
    const number = index + 1
    const render = (): string => {
      const page: CatalogPage = {
        $schema: schemaId('catalog-page.schema.json') as CatalogPage['$schema'],
        generator,
        page: number,
        pageCount: pages.length,
        index: 'catalog.json',
        ...(number > 1 && { previous: catalogJsonPage(number - 1) }),
        ...(number < pages.length && { next: catalogJsonPage(number + 1) }),
        reports: listed.map(catalogReport)
      }
      return `${JSON.stringify(page, null, 2)}\n`
    }
    return { path: catalogJsonPage(number), render }
  })
}

/** A report in the catalog: what it is, how many facts it holds, and its files from the site's root. */
function catalogReport({ report, files }: CatalogJsonEntry): CatalogReport {
  const info = report.bundle.report
  return {
    slug: info.slug,
    title: info.title,
    issuer: info.issuer,
    entity: info.entity,
    period: info.period,
    language: info.language,
    ...(info.url !== undefined && { url: info.url }),
    source: info.source,
    factCount: report.bundle.facts.length,
    metricCount: Object.keys(report.bundle.metrics).length,
    files: files.map((file) => ({ path: `${info.slug}/${file.href}`, mediaType: file.type, title: file.label }))
  }
}
