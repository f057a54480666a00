import { VFile } from 'vfile'
import path from 'node:path'
import { collectSeries, mostCommon, type CollectOptions } from '../collection/collect.js'
import { comparePublished } from '../collection/published.js'
import { report, toDiagnostic } from '../diagnostics/report.js'
import type { LoadedRegistry } from '../load/registry.js'
import type {
  CollectedReport,
  Collection,
  CollectionFact,
  Coverage,
  Diagnostic,
  SiteReport,
  SkippedSource
} from '../model/compiled.js'
import { factGrouper, type FactBudget, type FactGroups, type FactParts, type ReportFacts } from './fact-groups.js'
import { headOf, type KeptSlices, type ReportHead } from './report-head.js'
import { compareStrings } from '../model/compare.js'
import { allCoverage, allDiagnostics, type AcrossMessages, type Told } from './across-memo.js'
import type { ReportSummary, ReportUnit } from './report-unit.js'
import { jsonLinesAppender, jsonLinesOf } from './json-lines.js'
import { seriesJoiner } from './series-parts.js'
import { seriesInputs, type SeriesInputs } from './series-inputs.js'
import { fullCollection } from './full-collection.js'
import { pooledDiagnostic, stringPool } from '../model/string-pool.js'
import { groupBy } from '../validate/fact-groups.js'
import { SummaryUnreadable } from './summary-unreadable.js'
import { slugOwners, tellSlugTaken } from '../collection/slug-owners.js'
import { repeatedReport, reportTwins } from '../collection/report-twins.js'
import { nameVariants } from '../collection/name-variants.js'
import { leftUnread, skippedFile } from '../diagnostics/skipped-source.js'

/**
 * The rules across reports over the units of a build, as compileSources applies them over compiled
 * reports: a slug used twice, metrics no report uses, and the collection's series and checks.
 * The messages are the same, in the same order.
 */
export interface CrossReport {
  /** The reports the site publishes, in the order read, with the position in `units` of each. */
  published: Array<{ index: number; report: SiteReport }>
  /** The rules' own messages (see allDiagnostics). */
  messages: AcrossMessages
  diagnostics: Diagnostic[]
  coverage: Coverage[]
  /** What the series of each metric is made of (see seriesInputs). */
  inputs: Omit<SeriesInputs, 'add'>
  /**
   * The collection of one metric made again from every report's summary, what it tells let go:
   * for a metric taken as an earlier build concluded it (see CrossReportInput.take) whose series'
   * files must be written anew.
   */
  remake: (metric: string) => Collection
}

/** The series of the next group of metrics (see crossReport). */
export interface SeriesMade {
  collection: Collection
  /** The reports whose facts it holds: those published, and those with errors, which fail the build. */
  reports: readonly SiteReport[]
  /** Whether the facts were too many to hold at once (see FactGroups). */
  spilled: boolean
  /**
   * Of each metric collected, when the collection is held whole: its id, the digest of what its
   * series is made of (see seriesInputs), and what the rules told of its facts; unset when a
   * message could not be told apart by metric.
   */
  metrics?: MetricTold[]
}

interface MetricTold {
  id: string
  inputs: string | undefined
  told: Told
}

export interface CrossReportInput {
  units: readonly ReportUnit[]
  /** The summary of a unit that has one, read when the rules come to it: they hold one at a time. */
  summaryOf: (index: number) => ReportSummary | undefined
  /** The head of the summary of a unit that has one (see ReportHead); by default, made from its summary. */
  headOf?: (index: number) => ReportHead | undefined
  /**
   * The facts of one metric of a unit's summary, read alone where its head says they stand (see
   * readMetricFacts); undefined when they cannot be, and its summary is read.
   */
  metricFactsOf?: (index: number, head: KeptSlices, metric: string) => CollectionFact[] | undefined
  loaded: LoadedRegistry
  skipped: readonly SkippedSource[]
  checkUnusedMetrics: boolean
  /** How many facts are held at once; the others wait in `folder` (see FactGroups). */
  budget: FactBudget
  folder: string
  /**
   * What an earlier build told of the facts of a metric whose series is made of `inputs` (see
   * seriesInputs), when it holds all else the build needs of it: the metric is not collected again.
   */
  take?: (metric: string, inputs: string, reports: readonly SiteReport[]) => Told | undefined
}

/**
 * The rules across reports; the collection's series are given to `onSeries` a group of metrics at
 * a time, in the order of their ids, but for the metrics taken from an earlier build (see
 * CrossReportInput.take).
 */
export function crossReport(input: CrossReportInput, onSeries: (made: SeriesMade) => void): CrossReport {
  const { units, summaryOf, loaded, skipped, checkUnusedMetrics } = input
  const { registry, file: registryFile, locate } = loaded
  if (!registry) throw new Error('the rules across reports need a valid registry')
  // The reports of a collection mostly use the same metrics: each list's record is made once.
  const records = new Map<string, SiteReport['bundle']['metrics']>()
  const metricsOf = (ids: readonly string[]) => {
    const named = ids.join('\n')
    let metrics = records.get(named)
    if (!metrics) {
      metrics = Object.fromEntries(
        ids.flatMap((id) => {
          const metric = registry.metrics.get(id)
          return metric ? [[id, metric] as const] : []
        })
      )
      records.set(named, metrics)
    }
    return metrics
  }
  // With conclusions of an earlier build to take, the rules read the head of each report's summary
  // first, and then the facts of the metrics they collect only; else every report's summary, its
  // facts given to the grouper as it is read (see FactGroups).
  const grouper = input.take ? undefined : factGrouper(input.budget, input.folder)
  const readOf = (index: number): { head: ReportHead; facts?: readonly CollectionFact[] } | undefined => {
    if (grouper || !input.headOf) {
      const summary = summaryOf(index)
      return summary && { head: headOf(summary), facts: summary.bundle.facts }
    }
    const head = input.headOf(index)
    return head && { head }
  }
  const slugs = new Map<string, string>()
  const used = new Set<string>()
  const published: CrossReport['published'] = []
  // The reports whose facts the rules read, in the order their facts were grouped: the published
  // ones, and those with errors.
  const collected: SiteReport[] = []
  // The place among the units of each report collected.
  const collectedAt: number[] = []
  const inputs = seriesInputs()
  // Where each collected report's facts of each metric stand, while they are few enough to hold (see factsOfMetrics).
  let slicesOf: Array<KeptSlices | undefined> | undefined = []
  let total = 0
  const metricIds = new Set<string>()
  // The file of each report the rules tell something (see keepTold).
  const files = new Map<string, VFile>()
  const fileOf = (shown: string): VFile => {
    let file = files.get(shown)
    if (!file) files.set(shown, (file = new VFile({ path: shown })))
    return file
  }
  let unread = skipped.filter(leftUnread).length
  // Which report keeps a slug that several claim (see slugOwners), told from the units before any
  // summary is read: the facts of each report are let go as it is read.
  const owners = slugOwners(
    units.flatMap((unit) =>
      unit.slug !== undefined && unit.summaryDigest !== undefined ? [{ path: unit.path, slug: unit.slug }] : []
    )
  )
  // The head of each report's summary read in turn (see ReportHead). The names the reports write
  // and their twins are told once all are read, and let go with this function: ten thousand
  // reports' names and where each is written held 15 MB, through every group of the rules.
  const readReports = () => {
    const twinOf = reportTwins<ReportUnit>()
    const variants = nameVariants()
    for (const [index, unit] of units.entries()) {
      if (unit.coverage.read === false) unread++
      for (const metric of unit.metrics) used.add(metric)
      if (!unit.summary && unit.summaryDigest === undefined) continue
      const read = readOf(index)
      if (!read) throw new SummaryUnreadable(unit.path)
      const { head } = read
      const slug = head.frontMatter.slug
      const taken = slugs.get(slug)
      const keeper = owners.get(slug)
      const owner = taken ?? (keeper !== unit.path ? keeper : undefined)
      if (owner !== undefined) {
        // Messages of this build about the report go after its own, as compileSources puts them.
        tellSlugTaken(fileOf(unit.path), slug, owner, unit.slugPlace)
        continue
      }
      slugs.set(slug, unit.path)
      const twin = twinOf(unit, head.frontMatter)
      if (twin !== undefined)
        report(fileOf(twin.copy.path), 'report-repeated', repeatedReport(twin.of.path), twin.copy.slugPlace)
      variants.add({ path: unit.path, entity: head.frontMatter.entity, place: unit.entityPlace, facts: head.naming })
      const site: SiteReport = {
        path: head.path,
        frontMatter: head.frontMatter,
        bundle: { report: head.report, metrics: metricsOf(head.metricIds), facts: { length: head.facts } }
      }
      if (read.facts) grouper?.add(read.facts)
      total += head.facts
      for (const metric in head.factDigests) metricIds.add(metric)
      if (total > input.budget.held) slicesOf = undefined
      slicesOf?.push(head.ends && { ends: head.ends, factDigests: head.factDigests })
      // A report with errors is not published, but what its facts state is checked against the
      // others all the same: left out, a level it prints would read as published by no report.
      collected.push(site)
      collectedAt.push(index)
      inputs.add(head)
      if (!unit.fatal) published.push({ index, report: site })
    }
    variants.tell(fileOf)
  }
  readReports()
  // Each report's facts given to the grouper, from its summary.
  const groupedFacts = (): FactGroups => {
    const grouper = factGrouper(input.budget, input.folder)
    for (const index of collectedAt) {
      const summary = summaryOf(index)
      if (!summary) throw new SummaryUnreadable((units[index] as ReportUnit).path)
      grouper.add(summary.bundle.facts)
    }
    return grouper.done()
  }
  // The registry as loaded may serve several builds: this build's messages about it go to a file of their own.
  const unusedFile = new VFile({ path: registryFile.path })
  if (checkUnusedMetrics && unread === 0)
    for (const id of registry.metrics.keys())
      if (!used.has(id))
        report(unusedFile, 'metric-unused', `The metric "${id}" is used by no report`, locate(['metrics', id], 'key'))

  // Too many to hold, the facts are grouped by metric on disk, read from every report's summary (see FactGroups).
  const spilled = total > input.budget.held
  const groups = grouper?.done() ?? (spilled ? groupedFacts() : undefined)
  // What the rules tell each report, made into diagnostics as each group's rules are done (a slug
  // used twice with the first: a collection held at once is one group, even of no facts), and
  // kept on disk meanwhile when the facts are: ten thousand reports are told 30,000 things, which
  // as the files' messages held 28 MB at the end of the rules, and as diagnostics 20 MB.
  const told = new Map<string, Diagnostic[]>()
  const toldFile = path.join(input.folder, 'told.jsonl')
  const toldLines = jsonLinesAppender(toldFile)
  // Made for each fact, or read back from disk, each message has copies of its own of its file,
  // rule, text, advice and link, which thousands of reports are told alike: pooled, the build's
  // result holds each text once.
  const pooled = stringPool()
  const tell = (shown: string, diagnostic: Diagnostic): Diagnostic => {
    const pooledOne = pooledDiagnostic(diagnostic, pooled)
    const list = told.get(shown)
    if (list) list.push(pooledOne)
    else told.set(pooled(shown), [pooledOne])
    return pooledOne
  }
  // What is told of the files is kept, and returned when it is held (a collection held whole is
  // made a metric at a time, and what is told of each is kept with its conclusions).
  const keepTold = (): Told => {
    const kept: Array<readonly [string, Diagnostic]> = []
    for (const [shown, file] of files) {
      for (const message of file.messages) {
        const diagnostic = toDiagnostic(message)
        if (spilled) toldLines.add([shown, diagnostic])
        else kept.push([shown, tell(shown, diagnostic)])
      }
      file.messages = []
    }
    toldLines.flush()
    return kept
  }
  // A group holds the facts of a few metrics, which most reports do not print: its collection is
  // made of the reports that do, in the order of publication, worked out once for every group.
  // Made of every report, each of a hundred groups of ten thousand reports sorted them all again.
  const byPublication = collected.map((_, at) => at)
  byPublication.sort((a, b) => comparePublished(collected[a] as SiteReport, collected[b] as SiteReport))
  const collectedOf = (facts: ReportFacts, options: CollectOptions | undefined, tellTo: (shown: string) => VFile) => {
    const reports = byPublication.flatMap((at): CollectedReport[] => {
      const ofReport = facts[at]
      if (ofReport === undefined || ofReport.length === 0) return []
      const { path: shown, frontMatter } = collected[at] as SiteReport
      return [{ path: shown, frontMatter, bundle: { facts: ofReport } }]
    })
    return collectSeries(reports, registry, (site) => tellTo(site.path), options)
  }
  const collectionOf = (facts: ReportFacts, options?: CollectOptions) => {
    const collection = collectedOf(facts, options, fileOf)
    keepTold()
    return collection
  }
  // Made by a function of its own, so that the facts of a group, and the index of the lines of its
  // parts, are let go before its series are written.
  const collectionOfGroup = (groups: FactGroups, group: readonly string[], number: number): Collection => {
    const parts = groups.partsOf(group)
    if (parts.count === 1) return collectionOf(parts.factsOf(0))
    return joinedParts(parts, collected, collectionOf, path.join(input.folder, `checks-${number}.jsonl`))
  }
  // The facts of `metrics` of each report collected, in the order of their report: read alone
  // where a report prints a few of them, else from its summary.
  const factsOfMetrics = (metrics: ReadonlySet<string>): ReportFacts =>
    collectedAt.map((index, at) => {
      const kept = slicesOf?.[at]
      const wanted = kept && Object.keys(kept.factDigests).filter((metric) => metrics.has(metric))
      if (kept && wanted && wanted.length <= fewMetrics) {
        const read = wanted.map((metric) => input.metricFactsOf?.(index, kept, metric))
        if (read.every((facts) => facts !== undefined)) return read.flat()
      }
      const summary = summaryOf(index)
      if (!summary) throw new SummaryUnreadable((units[index] as ReportUnit).path)
      const { facts } = summary.bundle
      return metrics.size === metricIds.size ? facts : facts.filter((fact) => metrics.has(fact.metric))
    })
  // Held whole, a metric is taken as an earlier build concluded it when what it is made of is the
  // same (see seriesInputs), and the others are collected together: a figure corrected makes
  // again the series of one metric. What the reports' summaries told is of no metric.
  const collectHeld = (held: FactGroups | undefined) => {
    keepTold()
    const made = new Map<string, string | undefined>()
    for (const id of [...metricIds].sort(compareStrings)) {
      const inputsOf = inputs.keyOf(id)
      const taken = inputsOf === undefined ? undefined : input.take?.(id, inputsOf, collected)
      if (taken) for (const [shown, diagnostic] of taken) tell(shown, diagnostic)
      else made.set(id, inputsOf)
    }
    if (made.size === 0) return
    // Held as they were read, when nothing was to be taken.
    const facts = held?.factsOf([...made.keys()]) ?? factsOfMetrics(new Set(made.keys()))
    const collection = collectedOf(facts, undefined, fileOf)
    const told = toldOfEach(keepTold(), facts, collected, made)
    onSeries({ collection, reports: collected, spilled: false, ...(told && { metrics: told }) })
  }
  // Past the budget the groups are many and each is let go whole: the heap is collected between
  // them (see fullCollection), which at 10,000 reports costs about 75 ms a group.
  const collectGroups = (groups: FactGroups) => {
    const betweenGroups = groups.spilled ? fullCollection() : () => undefined
    for (const [number, group] of groups.groups.entries()) {
      onSeries({ collection: collectionOfGroup(groups, group, number), reports: collected, spilled: groups.spilled })
      betweenGroups()
    }
  }
  if (groups?.spilled) collectGroups(groups)
  else if (metricIds.size > 0) collectHeld(groups)
  // A collection of no facts is one group all the same, whose rules tell what was read.
  else
    collectGroups({ groups: [[]], spilled: false, factsOf: () => [], partsOf: () => ({ count: 1, factsOf: () => [] }) })
  if (toldLines.written())
    for (const [shown, diagnostic] of jsonLinesOf(toldFile) as Generator<[string, Diagnostic]>) tell(shown, diagnostic)
  const skippedFiles = skipped.map(skippedFile)
  const messages: AcrossMessages = {
    registry: [...registryFile.messages, ...unusedFile.messages].map(toDiagnostic),
    // In the order the reports were read.
    reports: Object.fromEntries(
      units.flatMap(({ path: shown }) => {
        const diagnostics = told.get(shown)
        return diagnostics ? [[shown, diagnostics]] : []
      })
    ),
    skipped: skippedFiles.flatMap((file) => file.messages.map(toDiagnostic))
  }
  return {
    published,
    messages,
    diagnostics: allDiagnostics(units, messages),
    coverage: allCoverage(units, skipped),
    inputs,
    remake: (metric) => collectedOf(factsOfMetrics(new Set([metric])), undefined, (shown) => new VFile({ path: shown }))
  }
}

/**
 * The collection of a metric too large to make at once, a part at a time (see FactParts), its
 * checks kept in `file` meanwhile (see seriesJoiner). The entity of its series is the one most of
 * the reports that print it are about, as collectSeries decides it over all of them.
 */
function joinedParts(
  parts: FactParts,
  reports: readonly SiteReport[],
  collectionOf: (facts: ReportFacts, options: CollectOptions) => Collection,
  file: string
): Collection {
  const joiner = seriesJoiner(file)
  const printing = new Set<SiteReport>()
  for (let part = 0; part < parts.count; part++) {
    const facts = parts.factsOf(part)
    for (const [at, report] of reports.entries()) if ((facts[at]?.length ?? 0) > 0) printing.add(report)
    for (const series of collectionOf(facts, { entityOf: () => '' }).series) joiner.add(series)
  }
  const entity = mostCommon([...printing].sort(comparePublished).map((report) => report.frontMatter.entity))
  const series = joiner.joined(entity)
  return { series: series ? [series] : [] }
}

/**
 * A report whose facts of at most this many metrics the rules collect has them read alone (see
 * readMetricFacts), each a read of a few hundred bytes; of more, its summary is read whole.
 */
const fewMetrics = 8

/**
 * What the rules told of the facts of each of `metrics`, each message found by the place of the
 * fact it is about: undefined when one is about no fact, or about a place two metrics' facts share.
 */
function toldOfEach(
  told: Told,
  facts: ReportFacts,
  reports: readonly SiteReport[],
  metrics: ReadonlyMap<string, string | undefined>
): MetricTold[] | undefined {
  const byMetric = new Map<string, Array<readonly [string, Diagnostic]>>([...metrics.keys()].map((id) => [id, []]))
  const at = new Map(reports.map((report, index) => [report.path, index]))
  const spanOf = (span: Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'>) =>
    `${span.line}:${span.column}:${span.endLine}:${span.endColumn}`
  // A report's facts by place, made for one report at a time: the reports told something are most of them.
  for (const [shown, ofReport] of groupBy(told, ([shown]) => shown)) {
    const index = at.get(shown)
    const places = new Map<string, string | null>()
    for (const fact of (index === undefined ? undefined : facts[index]) ?? []) {
      const span = spanOf(fact.source)
      const known = places.get(span)
      places.set(span, known === undefined || known === fact.metric ? fact.metric : null)
    }
    for (const entry of ofReport) {
      const metric = places.get(spanOf(entry[1]))
      const into = metric == null ? undefined : byMetric.get(metric)
      if (!into) return undefined
      into.push(entry)
    }
  }
  return [...metrics].map(([id, inputs]) => ({ id, inputs, told: byMetric.get(id) ?? [] }))
}
