import { VFile } from 'vfile'
import type { Position } from 'unist'
import { collectSeries } from '../collection/collect.js'
import { slugOwners, tellSlugTaken, type SlugClaim } from '../collection/slug-owners.js'
import { repeatedReport, reportTwins } from '../collection/report-twins.js'
import { nameVariants } from '../collection/name-variants.js'
import { compareDiagnostics, report, toDiagnostic } from '../diagnostics/report.js'
import { loadRegistry, type LoadedRegistry } from '../load/registry.js'
import type {
  CompileInput,
  CompileResult,
  CollectedReport,
  CompiledReport,
  Coverage,
  Diagnostic,
  Registry
} from '../model/compiled.js'
import { compileSource } from './compile-report.js'
import { leftUnread, skippedFile } from '../diagnostics/skipped-source.js'

/**
 * Compile annotated reports against a metric registry: parse, extract the
 * facts, validate them, and return the bundles and diagnostics. Reads and
 * writes nothing.
 */
export function compileSources(input: CompileInput): CompileResult {
  return compileWithRegistry(input, loadRegistry(input.registry.path, input.registry.text))
}

/** compileSources, with the registry read already, as a command that keeps it between runs has it (see checkedRegistry). */
export function compileWithRegistry(input: CompileInput, loaded: LoadedRegistry): CompileResult {
  return compileKeeping(input, loaded, (compiled) => compiled)
}

/** What compileWithRegistry returns, with what is kept of each report that compiled. */
export type CompileOutcome<Kept extends CollectedReport> = Omit<CompileResult, 'reports'> & { reports: Kept[] }

/**
 * compileWithRegistry, for a caller that reads only what the reports say (check): each report's
 * syntax tree and text are let go once it is compiled. Checking 1,000 copies of the seed peaked at
 * 547 MB so, against 804 MB with every tree held.
 */
export function checkWithRegistry(
  input: CompileInput,
  loaded: LoadedRegistry,
  onCompiled?: OnCompiled
): CompileOutcome<CollectedReport> {
  return compileKeeping(input, loaded, ({ path, frontMatter, bundle }) => ({ path, frontMatter, bundle }), onCompiled)
}

/** Told each time a report is compiled: how many are, of how many there are. */
export type OnCompiled = (compiled: number, of: number) => void

function compileKeeping<Kept extends CollectedReport>(
  input: CompileInput,
  loaded: LoadedRegistry,
  keep: (compiled: CompiledReport) => Kept,
  onCompiled?: OnCompiled
): CompileOutcome<Kept> {
  const { file: registryFile, registry, locate } = loaded
  const files: VFile[] = [registryFile]
  const reports: Kept[] = []
  const coverage: Coverage[] = []
  const claims: Array<ReportClaim<Kept>> = []
  const fileOf = new Map<CollectedReport, VFile>()
  const used = new Set<string>()
  const skipped = (input.skipped ?? []).map(skippedFile)
  const skippedUnread = (input.skipped ?? []).filter(leftUnread)
  let unread = skippedUnread.length

  // A registry with errors in some metrics: each report is checked against the others, and the rules
  // across reports wait until it is mended.
  const checkedAgainst = registry ?? loaded.partial
  for (const source of input.reports) {
    const { file, locate: locateInReport, outcome: compiled } = compileSource(source, checkedAgainst)
    files.push(file)
    // The registry's file comes first.
    onCompiled?.(files.length - 1, input.reports.length)
    if (!compiled) {
      coverage.push({ path: source.path, tagged: 0, untagged: 0, read: false })
      unread++
      continue
    }
    const measured = compiled.ok ? compiled.value : compiled.error
    coverage.push(measured.coverage)
    if (measured.coverage.read === false) unread++
    for (const metric of measured.metrics) used.add(metric)
    if (!compiled.ok) continue
    const compiledReport = compiled.value.report
    claims.push({
      path: source.path,
      slug: compiledReport.frontMatter.slug,
      file,
      place: locateInReport(['slug']),
      entityPlace: locateInReport(['entity']),
      kept: keep(compiledReport),
      fatal: file.messages.some((message) => message.fatal)
    })
  }
  // Which report keeps a slug that several claim is known once every report is read (see slugOwners).
  // A report with errors is no report of the result, but what its facts state is checked against the
  // others all the same: left out, a level it prints would read as published by no report.
  const collected: Kept[] = []
  const keepers = slugKeepers(claims)
  tellRepeated(keepers)
  tellVariants(keepers)
  for (const { kept, file, fatal } of keepers) {
    collected.push(kept)
    if (!fatal) reports.push(kept)
    fileOf.set(kept, file)
  }

  for (const { path } of skippedUnread) coverage.push({ path, tagged: 0, untagged: 0, read: false })

  // With a report unread, its metrics would all look unused.
  if (registry && input.checkUnusedMetrics !== false && unread === 0)
    reportUnused(registry, used, (id) =>
      report(registryFile, 'metric-unused', `The metric "${id}" is used by no report`, locate(['metrics', id], 'key'))
    )

  const collection = registry && collectSeries(collected, registry, (compiled) => fileOf.get(compiled) as VFile)

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

/** Tell each report that repeats another (see reportTwins). */
function tellRepeated<Kept extends CollectedReport>(keepers: ReadonlyArray<ReportClaim<Kept>>): void {
  const twinOf = reportTwins<ReportClaim<Kept>>()
  for (const claim of keepers) {
    const twin = twinOf(claim, claim.kept.frontMatter)
    if (twin) report(twin.copy.file, 'report-repeated', repeatedReport(twin.of.path), twin.copy.place)
  }
}

/** Tell each report that writes an entity or a member of a dimension otherwise than the others (see nameVariants). */
function tellVariants<Kept extends CollectedReport>(keepers: ReadonlyArray<ReportClaim<Kept>>): void {
  const variants = nameVariants()
  const files = new Map<string, VFile>()
  for (const { path, file, entityPlace, kept } of keepers) {
    files.set(path, file)
    variants.add({ path, entity: kept.frontMatter.entity, place: entityPlace, facts: kept.bundle.facts })
  }
  variants.tell((path) => files.get(path) as VFile)
}

/** A compiled report's claim to its slug, with what it keeps for the collection. */
interface ReportClaim<Kept> extends SlugClaim {
  file: VFile
  /** Where its slug is written. */
  place: Position
  /** Where its entity is written. */
  entityPlace: Position
  kept: Kept
  /** Whether its messages hold an error. */
  fatal: boolean
}

/**
 * The reports that keep the slugs they claim (see slugOwners), in order, each with its file; each
 * other is told whose slug it took.
 */
function slugKeepers<Kept>(claims: ReadonlyArray<ReportClaim<Kept>>): Array<ReportClaim<Kept>> {
  const owners = slugOwners(claims)
  const keepers: Array<ReportClaim<Kept>> = []
  for (const claim of claims) {
    const owner = owners.get(claim.slug) ?? claim.path
    if (owner !== claim.path) tellSlugTaken(claim.file, claim.slug, owner, claim.place)
    else keepers.push(claim)
  }
  return keepers
}
