import type { Download } from './downloads.js'
import { reportTitle } from './html/display.js'
import { safePageText } from './html/safe-text.js'
import { render } from './html/templates.js'
import { version } from '../version.js'
import type { CompiledReport } from '../model/compiled.js'

export interface CatalogEntry {
  report: CompiledReport
  /** The report's files, relative to the report's folder. */
  artifacts: readonly Download[]
}

/** dist/index.html: every report with its issuer, period, fact count and files. */
export function emitCatalogHtml(entries: readonly CatalogEntry[]): string {
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
      factCount: reports.reduce((sum, report) => sum + report.factCount, 0)
    })
  )
}
