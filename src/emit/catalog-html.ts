import type { Download } from './downloads.js'
import { reportTitle } from './html/display.js'
import { safePageText } from './html/safe-text.js'
import { render } from './html/templates.js'
import { version } from '../version.js'
import type { SiteReport } from '../model/compiled.js'
import type { Series, SeriesPoint } from '../model/schema-types.js'
import { htmlOf } from './html/to-html.js'
import { mainLine, seriesFileName } from './series-json.js'
import { pointValue } from './html/series-display.js'
import { sparkline } from './html/sparkline.js'
import { catalogFolder, catalogJsonPage, catalogPageSize, type CatalogPageFile } from './catalog-pages.js'
import { pageNavigation } from './html/page-links.js'

export interface CatalogEntry {
  report: SiteReport
  /** The report's files, relative to the report's folder. */
  artifacts: readonly Download[]
}

/** The site's table of every fact, offered above the reports. */
const siteDataset: readonly Download[] = [
  { href: 'facts.csv', label: '全部数据表(CSV,UTF-8)', type: 'text/csv', data: true },
  { href: 'facts.parquet', label: '全部数据表(Parquet)', type: 'application/vnd.apache.parquet', data: true },
  { href: 'datapackage.json', label: '数据包描述(Frictionless Data Package)', type: 'application/json', data: false }
]

/** Where page `number` (from 1) of the catalog is written, relative to the site's root. */
function pagePath(number: number): string {
  return number === 1 ? 'index.html' : `${catalogFolder}/${number}.html`
}

/**
 * The site's index and the catalog's further pages: each lists at most catalogPageSize reports with
 * their issuer, period, fact count and files; the first also every metric's series, as that table
 * grows with the registry, not with the reports. One page, without page links, when the reports fit.
 */
function htmlPages(entries: readonly CatalogEntry[], series: readonly CatalogSeries[]): CatalogPageFile[] {
  const pageCount = Math.max(1, Math.ceil(entries.length / catalogPageSize))
  const factCount = entries.reduce((sum, entry) => sum + entry.report.bundle.facts.length, 0)
  const page = (index: number): string => {
    const number = index + 1
    // Pages after the first sit one folder down: every link climbs back to the root.
    const root = number === 1 ? '' : '../'
    const first = index * catalogPageSize
    const listed = entries.slice(first, first + catalogPageSize)
    const reports = listed.map(({ report, artifacts }) => {
      const slug = report.frontMatter.slug
      return {
        title: reportTitle(report.bundle.report),
        issuer: report.bundle.report.issuer,
        period: report.bundle.report.period,
        factCount: report.bundle.facts.length,
        href: `${root}${slug}/index.html`,
        artifacts: artifacts.map((file) => ({ ...file, href: `${root}${slug}/${file.href}` }))
      }
    })
    const href = (target: number) => `${root}${pagePath(target)}`
    return safePageText(
      render('catalog.njk', {
        lang: entries[0]?.report.bundle.report.language ?? 'zh-CN',
        pageTitle: number === 1 ? '报告数据目录' : `报告数据目录(第 ${number} 页)`,
        description: `factmark 生成的 ${entries.length} 份报告及其数据。`,
        generator: `factmark ${version}`,
        reports,
        reportCount: entries.length,
        dataset: siteDataset.map((file) => ({ ...file, href: `${root}${file.href}` })),
        series: number === 1 ? series : [],
        // The page's reports as data: a site without reports has no such page.
        json: listed.length > 0 ? `${root}${catalogJsonPage(number)}` : undefined,
        factCount,
        pages:
          pageCount === 1
            ? undefined
            : {
                ...pageNavigation('目录分页', number, pageCount, href),
                from: first + 1,
                to: first + listed.length
              }
      })
    )
  }
  return Array.from({ length: pageCount }, (_, index) => ({ path: pagePath(index + 1), render: () => page(index) }))
}

/** The catalog's pages for people: index.html and catalog/<n>.html, with each series' row (see catalogSeries). */
export function emitCatalogHtml(
  entries: readonly CatalogEntry[],
  series: readonly CatalogSeries[] = []
): CatalogPageFile[] {
  return htmlPages(entries, series)
}

/** A series as the catalog lists it. */
export interface CatalogSeries {
  label: string
  id: string
  href: string
  sparkline: string
  values: string
  pointCount: number
  targetCount: number
}

/** A metric in the catalog: its page, a sparkline of its main line and the values it draws, in words. */
export function catalogSeries(series: Series, line: readonly SeriesPoint[] = mainLine(series)): CatalogSeries {
  return {
    label: series.metric.label.zh,
    id: series.metric.id,
    href: `series/${seriesFileName(series.metric.id, 'html')}`,
    sparkline: line.length > 0 ? htmlOf(sparkline(line, series.metric.kind === 'rank')) : '',
    values: `${whoseLine(series, line)}${line
      .map(
        (point) => `${point.period} ${pointValue(point, series.metric)}${point.status === 'inferred' ? '(推算)' : ''}`
      )
      .join(' → ')}`,
    pointCount: series.points.length,
    targetCount: series.targets.length
  }
}

/**
 * Whose values the catalog gives, when it is not plain: 甲市: where other entities have lines too,
 * 甲市 · 隘头潭: for a line of dimensions. The whole of the one entity goes without saying.
 */
function whoseLine(series: Series, line: readonly SeriesPoint[]): string {
  const [first] = line
  if (!first) return ''
  const dimensions = Object.values(first.dimensions)
  if (dimensions.length === 0 && series.points.every((point) => point.entity === first.entity)) return ''
  return `${[first.entity, ...dimensions].join(' · ')}:`
}
