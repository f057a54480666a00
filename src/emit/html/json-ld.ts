import type { FactBundle } from '../../model/schema-types.js'
import { safePageText } from './safe-text.js'
import type { Download } from '../downloads.js'

/**
 * schema.org Dataset metadata for search engines and data portals, as JSON
 * that is safe inside a script element: `<` never appears, so no text of a
 * report can close the element, and no character a page must not hold
 * appears even as an escape.
 */
export function datasetJsonLd(bundle: FactBundle, downloads: readonly Download[]): string {
  const { report } = bundle
  const dataset = {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: report.title,
    description: `${report.title}中标注的 ${bundle.facts.length} 项数据:数值、单位、期间、主体与原文位置。`,
    inLanguage: report.language,
    creator: { '@type': 'GovernmentOrganization', name: report.issuer },
    temporalCoverage: report.period,
    spatialCoverage: { '@type': 'Place', name: report.entity },
    ...(report.url !== undefined && { isBasedOn: report.url }),
    variableMeasured: Object.entries(bundle.metrics).map(([id, metric]) => ({
      '@type': 'PropertyValue',
      propertyID: id,
      name: metric.label.zh,
      alternateName: metric.label.en,
      ...(metric.definition && { description: metric.definition.zh }),
      unitText: metric.unit
    })),
    distribution: downloads
      .filter((file) => file.data)
      .map((file) => ({ '@type': 'DataDownload', name: file.label, encodingFormat: file.type, contentUrl: file.href }))
  }
  // JSON would write a control character as an escape, which the page's own guard cannot see.
  const text = (_key: string, value: unknown) => (typeof value === 'string' ? safePageText(value) : value)
  // On one line: search engines read it, people read the page, and indenting made a sixth of it spaces.
  return JSON.stringify(dataset, text).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
}
