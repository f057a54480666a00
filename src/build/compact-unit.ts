import type { CollectionFact } from '../model/compiled.js'
import type { ReportSummary, ReportUnit } from './report-unit.js'
import type { ReportHead } from './report-head.js'
import { pooledDiagnostic, stringPool } from '../model/string-pool.js'

/**
 * A build holds the unit of every report until the site's own pages are made: thousands of them.
 * A unit comes from a thread or from the cache as fresh objects, each fact with its own copy of
 * the metric id, the period, the entity, the file name and empty dimensions; pooled, those are
 * held once for the whole site. So is a list of the metrics a report names that another report
 * names alike: the reports of a series often name the same hundred metrics, which held apart
 * took a third of what a build holds of each report while they compile (0.9 of 3.1 KB). So is
 * the list of phrases a report's front matter ignores, which the reports of a bureau write alike:
 * ten thousand copies of the seed held 8.4 MB of them through the rules across reports.
 */
export function unitPool(): ((unit: ReportUnit) => ReportUnit) & {
  summary: (summary: ReportSummary) => ReportSummary
  head: (head: ReportHead) => ReportHead
} {
  const pooled = stringPool()
  const lists = new Map<string, string[]>()
  const listPooled = (texts: readonly string[]): string[] => {
    // An annotation with errors may name a metric with any text in it: JSON tells every list apart.
    const named = JSON.stringify(texts)
    const known = lists.get(named)
    if (known !== undefined) return known
    const list = texts.map(pooled)
    lists.set(named, list)
    return list
  }
  const noDimensions: CollectionFact['dimensions'] = Object.freeze({})
  const fact = (original: CollectionFact): CollectionFact => {
    const { source } = original
    return {
      ...original,
      metric: pooled(original.metric),
      aspect: pooled(original.aspect) as CollectionFact['aspect'],
      unit: pooled(original.unit),
      period: pooled(original.period),
      entity: pooled(original.entity),
      ...(original.basePeriod !== undefined && { basePeriod: pooled(original.basePeriod) }),
      dimensions: Object.keys(original.dimensions).length === 0 ? noDimensions : original.dimensions,
      source: { ...source, file: pooled(source.file) }
    }
  }
  const frontMatterPooled = (frontMatter: ReportSummary['frontMatter']) =>
    frontMatter.ignore ? { ...frontMatter, ignore: listPooled(frontMatter.ignore) } : frontMatter
  const summaryPooled = (summary: ReportSummary): ReportSummary => ({
    ...summary,
    frontMatter: frontMatterPooled(summary.frontMatter),
    bundle: {
      ...summary.bundle,
      metricIds: summary.bundle.metricIds.map(pooled),
      facts: summary.bundle.facts.map(fact)
    }
  })
  const unitPooled = (unit: ReportUnit): ReportUnit => ({
    ...unit,
    metrics: listPooled(unit.metrics),
    diagnostics: unit.diagnostics.map((diagnostic) => pooledDiagnostic(diagnostic, pooled)),
    ...(unit.summary && { summary: summaryPooled(unit.summary) })
  })
  // A summary or its head read apart from its unit is pooled alone: the rules across reports keep
  // the front matter of each report they read.
  const headPooled = (head: ReportHead): ReportHead => ({ ...head, frontMatter: frontMatterPooled(head.frontMatter) })
  return Object.assign(unitPooled, { summary: summaryPooled, head: headPooled })
}
