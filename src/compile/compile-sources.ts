import type { Root } from 'mdast'
import { visit } from 'unist-util-visit'
import { VFile } from 'vfile'
import { collectSeries } from '../collection/collect.js'
import { compareDiagnostics, report, toDiagnostic } from '../diagnostics/report.js'
import { isFactNode } from '../extract/facts.js'
import { pointsOf } from '../model/positions.js'
import { loadReport, type LoadedReport } from '../load/front-matter.js'
import { processReport } from '../remark/process-report.js'
import { loadRegistry } from '../load/registry.js'
import type {
  CompileInput,
  CompileResult,
  CompiledReport,
  Coverage,
  Diagnostic,
  Registry,
  SkippedSource
} from '../model/compiled.js'
import { describeSchemaErrors } from '../diagnostics/schema-messages.js'
import type { Fact, FactBundle, ReportFrontMatter } from '../model/schema-types.js'
import { schemaId, validators } from '../model/schemas.js'
import { err, ok, type Result } from '../model/result.js'
import { findUntagged, type UntaggedFigure } from '../suggest/untagged.js'
import { version } from '../version.js'

/**
 * Compile annotated reports against a metric registry: parse, extract the
 * facts, validate them, and return the bundles and diagnostics. Reads and
 * writes nothing.
 */
export function compileSources(input: CompileInput): CompileResult {
  const { file: registryFile, registry, locate } = loadRegistry(input.registry.path, input.registry.text)
  const files: VFile[] = [registryFile]
  const reports: CompiledReport[] = []
  const coverage: Coverage[] = []
  const slugs = new Map<string, string>()
  const fileOf = new Map<CompiledReport, VFile>()
  const used = new Set<string>()
  const skipped = (input.skipped ?? []).map(reportSkipped)
  let unread = skipped.length

  for (const source of input.reports) {
    const loaded = loadReport(source.path, source.text, source.unreadSize)
    const { file } = loaded
    files.push(file)
    if (!registry || !loaded.frontMatter) {
      coverage.push({ path: source.path, tagged: 0, untagged: 0, read: false })
      unread++
      continue
    }
    const compiled = compileReport(source.path, loaded, loaded.frontMatter, registry)
    const measured = compiled.ok ? compiled.value : compiled.error
    coverage.push(measured.coverage)
    if (measured.coverage.read === false) unread++
    for (const metric of measured.metrics) used.add(metric)
    if (!compiled.ok) continue
    const compiledReport = compiled.value.report
    const slug = compiledReport.frontMatter.slug
    const owner = slugs.get(slug)
    if (owner !== undefined) {
      report(
        file,
        'front-matter-invalid',
        `Front matter: the slug "${slug}" is already used by ${owner}; each report needs its own output folder`,
        loaded.locate(['slug'])
      )
      continue
    }
    slugs.set(slug, source.path)
    if (!file.messages.some((message) => message.fatal)) {
      reports.push(compiledReport)
      fileOf.set(compiledReport, file)
    }
  }

  for (const { path } of input.skipped ?? []) coverage.push({ path, tagged: 0, untagged: 0, read: false })

  // With a report unread, its metrics would all look unused.
  if (registry && input.checkUnusedMetrics !== false && unread === 0)
    reportUnused(registry, used, (id) =>
      report(registryFile, 'metric-unused', `The metric "${id}" is used by no report`, locate(['metrics', id], 'key'))
    )

  const collection = registry && collectSeries(reports, registry, (compiled) => fileOf.get(compiled) as VFile)

  // A skipped path has no text to show, so its file is not among `files`, only its warning among the diagnostics.
  const diagnostics = [...files, ...skipped].flatMap((file) => file.messages.map(toDiagnostic)).sort(compareDiagnostics)
  const count = (severity: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === severity).length
  return {
    reports,
    files,
    diagnostics,
    errorCount: count('error'),
    warningCount: count('warning'),
    infoCount: count('info'),
    coverage,
    ...(registry && { registry }),
    ...(collection && { collection })
  }
}

function reportUnused(registry: Registry, used: ReadonlySet<string>, unused: (id: string) => void): void {
  for (const id of registry.metrics.keys()) if (!used.has(id)) unused(id)
}

function reportSkipped(source: SkippedSource): VFile {
  const file = new VFile({ path: source.path })
  report(file, 'source-skipped', `Skipped: ${source.reason}`, { line: 1, column: 1 })
  return file
}

/** What a report gives whether or not it compiles: its coverage, and the metrics its annotations name. */
interface Measured {
  metrics: Set<string>
  coverage: Coverage
}

/** A compiled report, or only its measures when it did not compile (its diagnostics say why). */
type ReportOutcome = Result<Measured & { report: CompiledReport }, Measured>

function compileReport(
  path: string,
  loaded: LoadedReport,
  frontMatter: ReportFrontMatter,
  registry: Registry
): ReportOutcome {
  const { file } = loaded
  const source = String(file.value)
  const processed = processReport(file, loaded.markdown, {
    registry,
    defaults: { period: frontMatter.period, entity: frontMatter.entity }
  })
  if (!processed.ok) {
    const toPoint = pointsOf(file)
    const { message, start, end } = processed.error
    report(file, 'input-limit', message, { start: toPoint(start), end: toPoint(end) })
    return err({ metrics: new Set(), coverage: { path, tagged: 0, untagged: 0, read: false } })
  }
  const tree = processed.value
  const facts = file.data.facts ?? []
  const untagged = reportUntagged(tree, loaded, frontMatter, registry, file.data.brokenAnnotations ?? [])
  let tagged = 0
  // A metric named by an annotation is in use even when the annotation has an error.
  const metrics = new Set<string>()
  visit(tree, (node) => {
    if (!isFactNode(node)) return
    tagged++
    const metric = node.type === 'textDirective' ? node.attributes?.['metric'] : undefined
    if (metric) metrics.add(metric)
  })
  const coverage = { path, tagged, untagged: untagged.length }

  const bundle = makeBundle(path, frontMatter, facts, registry)
  const validate = validators().bundle
  if (!validate(bundle)) {
    for (const problem of describeSchemaErrors(validate.errors ?? [])) {
      report(
        file,
        'bundle-invalid',
        `The bundle breaks schema/bundle.schema.json at ${problem.path.join('/')}: ${problem.message}`,
        { line: 1, column: 1 }
      )
    }
    return err({ metrics, coverage })
  }
  return ok({ metrics, coverage, report: { path, frontMatter, tree, source, bundle } })
}

/** Warn about each figure no annotation covers, and about ignore phrases that cover none. */
function reportUntagged(
  tree: Root,
  loaded: LoadedReport,
  frontMatter: ReportFrontMatter,
  registry: Registry,
  broken: ReadonlyArray<[number, number]>
): UntaggedFigure[] {
  const { file } = loaded
  const ignore = frontMatter.ignore ?? []
  const { untagged, usedIgnores } = findUntagged({
    tree,
    source: String(file.value),
    toPoint: pointsOf(file),
    isFact: isFactNode,
    registry,
    ignore,
    skip: broken,
    period: frontMatter.period
  })
  for (const figure of untagged) {
    report(file, 'untagged-figure', `The figure "${figure.text}" is not annotated (proposed: ${figure.proposal})`, {
      start: figure.start,
      end: figure.end
    })
  }
  for (const [index, phrase] of ignore.entries()) {
    if (!usedIgnores.has(phrase))
      report(
        file,
        'ignore-unused',
        `The ignore phrase "${phrase}" covers no figure of the text`,
        loaded.locate(['ignore', index])
      )
  }
  return untagged
}

function makeBundle(path: string, frontMatter: ReportFrontMatter, facts: Fact[], registry: Registry): FactBundle {
  const used = [...new Set(facts.map((fact) => fact.metric))].sort()
  const metrics = Object.fromEntries(
    used.flatMap((id) => {
      const metric = registry.metrics.get(id)
      return metric ? [[id, metric]] : []
    })
  )
  const { title, issuer, entity, period, language, slug, published, url, sources } = frontMatter
  return {
    $schema: schemaId('bundle.schema.json') as FactBundle['$schema'],
    generator: { name: 'factmark', version },
    report: {
      title,
      issuer,
      entity,
      period,
      language,
      slug,
      ...(published !== undefined && { published }),
      ...(url !== undefined && { url }),
      ...(sources !== undefined && { sources }),
      source: path
    },
    metrics,
    facts
  }
}
