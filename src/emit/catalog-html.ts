import type { Download } from './downloads.js'
import { reportTitle } from './html/display.js'
import { safePageText } from './html/safe-text.js'
import { render } from './html/templates.js'
import { version } from '../version.js'
import type { Collection, CompiledReport } from '../model/compiled.js'
import { toHtml } from 'hast-util-to-html'
import { mainLine, seriesFileName } from './series-json.js'
import { pointValue } from './html/series-display.js'
import { sparkline } from './html/sparkline.js'

export interface CatalogEntry {
  report: CompiledReport
  /** The report's files, relative to the report's folder. */
  artifacts: readonly Download[]
}

/** The site's table of every fact, offered above the reports. */
const siteDataset: readonly Download[] = [
  { href: 'facts.csv', label: '全部数据表(CSV,UTF-8)', type: 'text/csv', data: true },
  { href: 'facts.parquet', label: '全部数据表(Parquet)', type: 'application/vnd.apache.parquet', data: true },
  { href: 'datapackage.json', label: '数据包描述(Frictionless Data Package)', type: 'application/json', data: false }
]

/** dist/index.html: every report with its issuer, period, fact count and files, then every metric's series. */
export function emitCatalogHtml(entries: readonly CatalogEntry[], collection?: Collection): string {
  const reports = entries.map(({ report, artifacts }) => {
    const slug = report.frontMatter.slug
    return {
      title: reportTitle(report.bundle.report),
      issuer: report.bundle.report.issuer,
      period: report.bundle.report.period,
      factCount: report.bundle.facts.length,
      href: `${slug}/index.html`,
      artifacts: artifacts.map((file) => ({ ...file, href: `${slug}/${file.href}` }))
    }
  })
  return safePageText(
    render('catalog.njk', {
      lang: entries[0]?.report.bundle.report.language ?? 'zh-CN',
      pageTitle: '报告数据目录',
      description: `factmark 生成的 ${reports.length} 份报告及其数据。`,
      generator: `factmark ${version}`,
      reports,
      dataset: siteDataset,
      series: (collection?.series ?? []).map(seriesRow),
      factCount: reports.reduce((sum, report) => sum + report.factCount, 0)
    })
  )
}

/** A metric in the catalog: its page, a sparkline of its main line and the values it draws, in words. */
function seriesRow(series: Collection['series'][number]): {
  label: string
  id: string
  href: string
  sparkline: string
  values: string
  pointCount: number
  targetCount: number
} {
  const line = mainLine(series)
  return {
    label: series.metric.label.zh,
    id: series.metric.id,
    href: `series/${seriesFileName(series.metric.id, 'html')}`,
    sparkline: line.length > 0 ? toHtml(sparkline(line, series.metric.kind === 'rank')) : '',
    values: line
      .map(
        (point) => `${point.period} ${pointValue(point, series.metric)}${point.status === 'inferred' ? '(推算)' : ''}`
      )
      .join(' → '),
    pointCount: series.points.length,
    targetCount: series.targets.length
  }
}
