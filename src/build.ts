import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { CompileResult, CompiledReport } from './compile.js'
import { emitCatalogHtml, type CatalogEntry } from './emit/catalog-html.js'
import { emitFactsJson } from './emit/facts-json.js'
import type { Download } from './emit/html/view.js'
import { emitReportHtml } from './emit/report-html.js'
import { emitReportMarkdown } from './emit/report-md.js'

/** One output file, its path relative to the output folder. */
export interface Artifact {
  path: string
  content: string
}

/** The files beside each report's page, in the order the page offers them. */
const reportFiles: ReadonlyArray<Download & { emit: (report: CompiledReport) => string }> = [
  { href: 'facts.json', label: '数据(JSON)', type: 'application/json', data: true, emit: emitFactsJson },
  { href: 'report.md', label: '报告原文(Markdown)', type: 'text/markdown', data: false, emit: emitReportMarkdown }
]

const page: Download = { href: 'index.html', label: '网页', type: 'text/html', data: false }

/** Every file of the output tree, in a fixed order. */
export function renderArtifacts(result: CompileResult): Artifact[] {
  const artifacts: Artifact[] = []
  const entries: CatalogEntry[] = []
  const downloads = reportFiles.map(({ emit: _emit, ...file }) => file)
  for (const report of result.reports) {
    const slug = report.frontMatter.slug
    artifacts.push({ path: `${slug}/${page.href}`, content: emitReportHtml(report, result.registry, downloads) })
    for (const file of reportFiles) artifacts.push({ path: `${slug}/${file.href}`, content: file.emit(report) })
    entries.push({ report, artifacts: [page, ...downloads] })
  }
  artifacts.push({ path: 'index.html', content: emitCatalogHtml(entries) })
  return artifacts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/**
 * Write a complete new output tree beside `out`, then swap it in: readers
 * and a failing build never see a half-written `dist/`.
 */
export async function writeArtifacts(out: string, artifacts: readonly Artifact[]): Promise<void> {
  const parent = path.dirname(path.resolve(out))
  const base = path.basename(path.resolve(out))
  const staging = path.join(parent, `.${base}-new-${process.pid}`)
  const retired = path.join(parent, `.${base}-old-${process.pid}`)
  await rm(staging, { recursive: true, force: true })
  try {
    for (const artifact of artifacts) {
      const target = path.join(staging, artifact.path)
      await mkdir(path.dirname(target), { recursive: true })
      await writeFile(target, artifact.content)
    }
    await mkdir(staging, { recursive: true })
    const hadPrevious = await rename(out, retired).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false
        throw error
      }
    )
    try {
      await rename(staging, out)
    } catch (error) {
      if (hadPrevious) await rename(retired, out)
      throw error
    }
    if (hadPrevious) await rm(retired, { recursive: true, force: true })
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}
