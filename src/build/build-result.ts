import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { VFile } from 'vfile'
import { decodeText } from '../load/encoding/decode.js'
import type { CompileResult, Coverage, Diagnostic, SiteReport } from '../model/compiled.js'

/** What a build says about the sources: the messages of check, and what it published. */
export interface BuildResult {
  diagnostics: Diagnostic[]
  errorCount: number
  warningCount: number
  infoCount: number
  coverage: Coverage[]
  /** The files that have messages, with their text, to print the lines the messages point at. */
  files: VFile[]
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
export async function buildResult(
  diagnostics: Diagnostic[],
  coverage: Coverage[],
  reports: readonly PublishedReport[],
  cwd: string
): Promise<BuildResult> {
  const count = (severity: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === severity).length
  return {
    diagnostics,
    errorCount: count('error'),
    warningCount: count('warning'),
    infoCount: count('info'),
    coverage,
    files: await filesOf(diagnostics, cwd),
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
    files: compiled.files,
    reports,
    factCount: reports.reduce((sum, report) => sum + report.factCount, 0)
  }
}

/** The text of each file a message is about, read again: the build keeps no report's text. */
async function filesOf(diagnostics: readonly Diagnostic[], cwd: string): Promise<VFile[]> {
  const files: VFile[] = []
  // A path skipped on purpose (a pipe, a device) is never opened: its message points at no line.
  const named = diagnostics.filter((diagnostic) => diagnostic.ruleId !== 'source-skipped')
  for (const name of new Set(named.map((diagnostic) => diagnostic.file))) {
    const file = path.resolve(cwd, name)
    const regular = await stat(file).then(
      (stats) => stats.isFile(),
      () => false
    )
    const bytes = regular ? await readFile(file).catch(() => undefined) : undefined
    if (bytes) files.push(new VFile({ path: name, value: decodeText(new Uint8Array(bytes)).text }))
  }
  return files
}
