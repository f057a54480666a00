import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { report } from '../diagnostics/report.js'
import { isFactNode } from '../extract/facts.js'
import { pointsOf } from '../model/positions.js'
import { loadReport, type LoadedReport } from '../load/front-matter.js'
import { eachNode } from '../remark/each-node.js'
import { processReport } from '../remark/process-report.js'
import type { CompiledReport, Coverage, Registry, SourceText } from '../model/compiled.js'
import { describeSchemaErrors } from '../diagnostics/schema-messages.js'
import type { Fact, FactBundle, ReportFrontMatter } from '../model/schema-types.js'
import { schemaId, validators } from '../model/schemas.js'
import { err, ok, type Result } from '../model/result.js'
import { findUntagged, type UntaggedFigure } from '../suggest/untagged.js'
import { version } from '../version.js'

/**
 * One report read and compiled on its own: what needs no other report. The rules across reports
 * (a slug used twice, unused metrics, the collection) are the caller's.
 */
export interface CompiledSource {
  /** The report's file, carrying its messages. */
  file: VFile
  /** Where its front matter's slug stands, for a message about a slug another report uses. */
  locate: LoadedReport['locate']
  /** Undefined when the report could not be compiled at all: no valid registry or front matter. */
  outcome?: ReportOutcome
}

/** Load a report and, when it and the registry are valid, compile it. */
export function compileSource(source: SourceText, registry: Registry | undefined): CompiledSource {
  const loaded = loadReport(source.path, source.text, source.unreadSize)
  const { file, locate } = loaded
  if (!registry || !loaded.frontMatter) return { file, locate }
  const paths = { shown: source.path, data: source.dataPath ?? source.path }
  return { file, locate, outcome: compileReport(paths, loaded, loaded.frontMatter, registry) }
}

/** What a report gives whether or not it compiles: its coverage, and the metrics its annotations name. */
interface Measured {
  metrics: Set<string>
  coverage: Coverage
}

/** A compiled report, or only its measures when it did not compile (its diagnostics say why). */
type ReportOutcome = Result<Measured & { report: CompiledReport }, Measured>

/**
 * `paths.shown` is where messages say the report is, `paths.data` where its facts and bundle say
 * it is (see SourceText's dataPath).
 */
function compileReport(
  paths: { shown: string; data: string },
  loaded: LoadedReport,
  frontMatter: ReportFrontMatter,
  registry: Registry
): ReportOutcome {
  const { file } = loaded
  const path = paths.shown
  const source = String(file.value)
  const processed = processReport(file, loaded.markdown, {
    registry,
    defaults: { period: frontMatter.period, entity: frontMatter.entity },
    sourcePath: paths.data
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
  eachNode(tree, (node) => {
    if (!isFactNode(node)) return
    // A bare `:fact`, or one whose label is not closed, tags no figure: the figure is not counted twice.
    if ('children' in node && node.children.length > 0) tagged++
    // Nor is a figure held by several annotations, one for each metric it states.
    eachNode(node, (inner) => {
      const metric = inner.type === 'textDirective' && isFactNode(inner) ? inner.attributes?.['metric'] : undefined
      if (metric) metrics.add(metric)
    })
    return 'skip'
  })
  // A figure in a broken annotation is tagged by none: it counts as untagged, as its error says.
  const coverage = { path, tagged, untagged: untagged.figures.length + untagged.inBroken }

  const bundle = makeBundle(paths.data, frontMatter, facts, registry)
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
): { figures: UntaggedFigure[]; inBroken: number } {
  const { file } = loaded
  const ignore = frontMatter.ignore ?? []
  const { untagged, usedIgnores, inBroken } = findUntagged({
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
    const proposal = figure.ignore
      ? `add "${figure.ignore.phrase}" to ignore: in the front matter; ${figure.ignore.rule}`
      : figure.proposal
    report(file, 'untagged-figure', `The figure "${figure.text}" is not annotated (proposed: ${proposal})`, {
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
  return { figures: untagged, inBroken }
}

function makeBundle(path: string, frontMatter: ReportFrontMatter, facts: Fact[], registry: Registry): FactBundle {
  const metrics = metricsOf([...new Set(facts.map((fact) => fact.metric))].sort(), registry)
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

/** The registry's metrics of these ids, as a bundle lists them; an id the registry lacks is left out. */
export function metricsOf(ids: readonly string[], registry: Registry): FactBundle['metrics'] {
  return Object.fromEntries(
    ids.flatMap((id) => {
      const metric = registry.metrics.get(id)
      return metric ? [[id, metric]] : []
    })
  )
}
