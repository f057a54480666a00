import type { Catalog } from '../model/schema-types.js'
import { schemaId } from '../model/schemas.js'
import { version } from '../version.js'
import type { Download } from './downloads.js'
import type { CompiledReport } from '../model/compiled.js'

/** dist/catalog.json: every report and the files published for it, for programs that crawl the site. */
export function emitCatalogJson(
  entries: ReadonlyArray<{ report: CompiledReport; files: readonly Download[] }>
): string {
  const catalog: Catalog = {
    $schema: schemaId('catalog.schema.json') as Catalog['$schema'],
    generator: { name: 'factmark', version },
    reports: entries.map(({ report, files }) => {
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
    })
  }
  return `${JSON.stringify(catalog, null, 2)}\n`
}
