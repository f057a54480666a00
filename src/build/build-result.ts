import { sourcesReadAgain } from '../load/sources-read-again.js'
import type { CompileResult, Coverage, Diagnostic, SiteReport } from '../model/compiled.js'

/** What a build says about the sources: the messages of check, and what it published. */
export interface BuildResult {
  diagnostics: Diagnostic[]
  errorCount: number
  warningCount: number
  infoCount: number
  coverage: Coverage[]
  /**
   * The text of a file a message is about, to print the line it points at: read when asked, since
   * a build keeps no report's text and a collection's texts would not fit in memory together.
   */
  sources: { get(file: string): string | undefined }
  /** The reports published, in the order read. */
  reports: PublishedReport[]
  factCount: number
}

export interface PublishedReport {
  slug: string
  path: string
  factCount: number
}

/** The result of a build from its messages, its coverage and the reports it publishes. */
export function buildResult(
  diagnostics: Diagnostic[],
  coverage: Coverage[],
  reports: readonly PublishedReport[],
  cwd: string,
  compiledFrom?: (file: string) => string | undefined
): BuildResult {
  const count = (severity: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === severity).length
  return {
    diagnostics,
    errorCount: count('error'),
    warningCount: count('warning'),
    infoCount: count('info'),
    coverage,
    sources: sourcesReadAgain(diagnostics, cwd, compiledFrom),
    reports: [...reports],
    factCount: reports.reduce((sum, report) => sum + report.factCount, 0)
  }
}

export function publishedReport(report: SiteReport): PublishedReport {
  return { slug: report.frontMatter.slug, path: report.path, factCount: report.bundle.facts.length }
}

/** The result of compiling every report in this thread, as a build that publishes nothing reports it. */
export function fromCompiled(compiled: CompileResult): BuildResult {
  const reports = compiled.reports.map(publishedReport)
  return {
    diagnostics: compiled.diagnostics,
    errorCount: compiled.errorCount,
    warningCount: compiled.warningCount,
    infoCount: compiled.infoCount,
    coverage: compiled.coverage,
    sources: new Map(compiled.files.map((file) => [file.path, String(file.value)])),
    reports,
    factCount: reports.reduce((sum, report) => sum + report.factCount, 0)
  }
}
