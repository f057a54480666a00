import type { Download } from '../emit/downloads.js'

/**
 * What each report's folder holds, in the order its files are rendered and offered for download;
 * the page comes last, as it describes the others. render-artifacts.ts gives each its emitter.
 */
// prettier-ignore
export const reportDownloads = [
  { href: 'facts.json', label: '数据(JSON)', type: 'application/json', data: true },
  { href: 'facts.csv', label: '数据表(CSV,UTF-8)', type: 'text/csv', data: true },
  { href: 'facts-excel.csv', label: '数据表(Excel/WPS 用 CSV)', type: 'text/csv', data: false },
  { href: 'facts.xbrl.json', label: 'xBRL-JSON', type: 'application/json', data: true },
  { href: 'report.md', label: '报告原文(Markdown)', type: 'text/markdown', data: false },
  { href: 'datapackage.json', label: '数据包描述(Frictionless Data Package)', type: 'application/json', data: false },
  { href: 'index.html', label: '网页', type: 'text/html', data: false }
] as const satisfies readonly Download[]

export type ReportHref = (typeof reportDownloads)[number]['href']
