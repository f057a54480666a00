import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { compareDiagnostics, report, toDiagnostic, type Diagnostic } from './diagnostics.js'
import { extractFacts, isFactDirective } from './extract.js'
import { restoreForeignDirectives } from './literal-directives.js'
import { loadReport } from './load.js'
import { parseMarkdown } from './parse.js'
import { loadRegistry, type Registry } from './registry.js'
import { describeSchemaErrors } from './schema-messages.js'
import type { Fact, FactBundle, ReportFrontMatter } from './schema-types.js'
import { schemaId, validators } from './schemas.js'
import { version } from './version.js'

/** A file handed to the compiler: its path as it should appear in output, and its text. */
export interface SourceText {
  path: string
  text: string
}

export interface CompileInput {
  reports: readonly SourceText[]
  registry: SourceText
}

export interface CompiledReport {
  /** Path of the annotated source. */
  path: string
  frontMatter: ReportFrontMatter
  /** The syntax tree: foreign directives restored to text, fact annotations marked with their fact ids. */
  tree: Root
  /** The source text, for outputs that splice it. */
  source: string
  /** What facts.json holds. */
  bundle: FactBundle
}

export interface CompileResult {
  /** The reports that compiled without errors. */
  reports: CompiledReport[]
  /** Every file read, each carrying its messages. */
  files: VFile[]
  /** All messages as plain records, sorted by file and position. */
  diagnostics: Diagnostic[]
  errorCount: number
  warningCount: number
}

/**
 * Compile annotated reports against a metric registry: parse, extract the
 * facts, validate them, and return the bundles and diagnostics. Reads and
 * writes nothing.
 */
export function compileSources(input: CompileInput): CompileResult {
  const { file: registryFile, registry } = loadRegistry(input.registry.path, input.registry.text)
  const files: VFile[] = [registryFile]
  const reports: CompiledReport[] = []
  const slugs = new Map<string, string>()

  for (const source of input.reports) {
    const compiled = registry ? compileReport(source, registry) : undefined
    const file = compiled?.file ?? loadReport(source.path, source.text).file
    files.push(file)
    if (!compiled?.report) continue
    const slug = compiled.report.frontMatter.slug
    const owner = slugs.get(slug)
    if (owner !== undefined) {
      report(file, 'front-matter-invalid', `Front matter: the slug "${slug}" is already used by ${owner}; each report needs its own output folder`, { line: 1, column: 1 })
      continue
    }
    slugs.set(slug, source.path)
    if (!file.messages.some((message) => message.fatal)) reports.push(compiled.report)
  }

  const diagnostics = files.flatMap((file) => file.messages.map(toDiagnostic)).sort(compareDiagnostics)
  const errorCount = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length
  return { reports, files, diagnostics, errorCount, warningCount: diagnostics.length - errorCount }
}

function compileReport(source: SourceText, registry: Registry): { file: VFile; report?: CompiledReport } {
  const loaded = loadReport(source.path, source.text)
  const { file, frontMatter } = loaded
  if (!frontMatter) return { file }
  const tree = parseMarkdown(loaded.markdown)
  restoreForeignDirectives(tree, String(file.value), isFactDirective)
  const facts = extractFacts({ tree, file, sourcePath: source.path, frontMatter, registry })
  const bundle = makeBundle(source.path, frontMatter, facts, registry)
  const validate = validators().bundle
  if (!validate(bundle)) {
    for (const problem of describeSchemaErrors(validate.errors ?? [])) {
      report(file, 'bundle-invalid', `The bundle breaks schema/bundle.schema.json at ${problem.path.join('/')}: ${problem.message}`, { line: 1, column: 1 })
    }
    return { file }
  }
  return { file, report: { path: source.path, frontMatter, tree, source: String(file.value), bundle } }
}

function makeBundle(path: string, frontMatter: ReportFrontMatter, facts: Fact[], registry: Registry): FactBundle {
  const used = [...new Set(facts.map((fact) => fact.metric))].sort()
  const metrics = Object.fromEntries(used.flatMap((id) => {
    const metric = registry.metrics.get(id)
    return metric ? [[id, metric]] : []
  }))
  const { title, issuer, entity, period, language, slug, published, url } = frontMatter
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
      source: path
    },
    metrics,
    facts
  }
}
