import { htmlOf } from './to-html.js'
import type { Fact, Metric } from '../../model/schema-types.js'
import { version } from '../../version.js'
import { factAnchor, fragment, rowAnchor } from './anchors.js'
import { renderBody, type Section } from './body.js'
import { chartsOf } from './charts.js'
import { aspectWord, formatValue, reportTitle } from './display.js'
import { datasetJsonLd } from './json-ld.js'
import { decimalString } from '../decimal.js'
import type { CompiledReport, Registry } from '../../model/compiled.js'
import type { Download } from '../downloads.js'
import { noCollection, type CollectionLookup } from './collection-lookup.js'

export interface ReportView {
  lang: string
  pageTitle: string
  description: string
  generator: string
  title: string
  issuer: string
  period: string
  entity: string
  factCount: number
  keyFigures: Array<{ label: string; value: string; change: string; href: string }>
  /** Headings for the contents: each second-level heading with the third-level ones under it. */
  sections: Array<Section & { children: Section[] }>
  body: string
  chartCount: number
  facts: Array<{
    index: number
    id: string
    rowId: string
    href: string
    metric: string
    /** The metric's series page, or '' when the site has none. */
    seriesHref: string
    label: string
    aspect: string
    text: string
    value: string
    display: string
    period: string
    where: string
  }>
  downloads: Download[]
  jsonld: string
}

/**
 * Everything the report template shows, computed here so the template only lays it out; the
 * collection gives the links to series pages and the levels other reports publish.
 */
export function reportView(
  report: CompiledReport,
  registry: Registry | undefined,
  downloads: readonly Download[],
  collection: CollectionLookup = noCollection
): ReportView {
  const { bundle } = report
  const label = (fact: Fact) => bundle.metrics[fact.metric]?.label.zh ?? fact.metric
  const charts = chartsOf(bundle, registry, collection.publishedLevel)
  const body = renderBody(report.tree, bundle, charts)
  const title = reportTitle(bundle.report)
  return {
    lang: bundle.report.language,
    pageTitle: title,
    description: `${bundle.report.issuer}:${title}。正文中 ${bundle.facts.length} 项数据已标注,可下载。`,
    generator: `factmark ${version}`,
    title,
    issuer: bundle.report.issuer,
    period: bundle.report.period,
    entity: bundle.report.entity,
    factCount: bundle.facts.length,
    keyFigures: keyFigures(
      bundle.facts,
      (id) => bundle.metrics[id]?.headline === true,
      label,
      (fact) => bundle.metrics[fact.metric]
    ),
    sections: nest(body.sections),
    body: htmlOf(body.tree),
    chartCount: charts.length,
    facts: bundle.facts.map((fact, index) => ({
      index: index + 1,
      id: fact.id,
      rowId: rowAnchor(fact.id),
      href: fragment(factAnchor(fact.id)),
      metric: fact.metric,
      seriesHref: collection.seriesHref(fact.metric) ?? '',
      label: label(fact),
      aspect: aspectWord(fact.aspect),
      text: fact.text,
      value: typeof fact.value === 'number' ? decimalString(fact.value) : fact.value,
      display: formatValue(fact, bundle.metrics[fact.metric]),
      period: fact.period,
      where: [fact.entity, ...Object.values(fact.dimensions)].join(' · ')
    })),
    downloads: [...downloads],
    jsonld: datasetJsonLd(bundle, downloads)
  }
}

function nest(sections: readonly Section[]): ReportView['sections'] {
  const top: ReportView['sections'] = []
  for (const section of sections) {
    const parent = top.at(-1)
    if (section.depth > 2 && parent) parent.children.push(section)
    else top.push({ ...section, children: [] })
  }
  return top
}

/**
 * The headline metrics of the registry, each with its first level in the text and the change the
 * report gives for it.
 */
function keyFigures(
  facts: readonly Fact[],
  headline: (metric: string) => boolean,
  label: (fact: Fact) => string,
  metric: (fact: Fact) => Metric | undefined
): ReportView['keyFigures'] {
  const shown = new Set<string>()
  const figures: ReportView['keyFigures'] = []
  for (const fact of facts) {
    if (fact.aspect !== 'level' || !headline(fact.metric) || shown.has(fact.metric)) continue
    shown.add(fact.metric)
    const change = facts.find(
      (other) =>
        other.metric === fact.metric &&
        (other.aspect === 'change' || other.aspect === 'relative-change') &&
        other.period === fact.period &&
        other.entity === fact.entity
    )
    const base = change?.basePeriod ? `较${change.basePeriod}` : '变化'
    figures.push({
      label: label(fact),
      value: formatValue(fact, metric(fact)),
      change: change ? `${base} ${formatValue(change, metric(change))}` : '',
      href: fragment(factAnchor(fact.id))
    })
  }
  return figures
}
