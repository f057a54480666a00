import path from 'node:path'
import { collectionLookup, levelKey, type LevelQuery, type PublishedLevel } from '../emit/html/collection-lookup.js'
import type { Collection, SiteReport } from '../model/compiled.js'
import { compareStrings } from '../model/compare.js'
import { crossReport, type CrossReport, type CrossReportInput } from './cross-report.js'
import type { MetricConclusions, Told } from './across-memo.js'
import type { FactBudget } from './fact-groups.js'
import { reportTitles } from './site-files.js'
import { seriesKeeper, type SiteSeries } from './site-series.js'
import { defaultFactsHeld } from './site-build.js'
import { relocatedTold, type Moves } from './relocation.js'

/** The rules across reports made from every report's summary, the reports the site publishes, and what they publish. */
export interface WholeCollection {
  across: CrossReport
  reports: SiteReport[]
  /** The levels the reports' pages asked for that the collection publishes, by levelKey. */
  answers: ReadonlyMap<string, PublishedLevel>
  series: SiteSeries
  /** Whether every fact was held at once, rather than a group at a time (see factBudget). */
  held: boolean
  /** What was concluded of each metric, in the order of their ids, when every fact was held. */
  metrics?: MetricConclusions[]
}

/**
 * What an earlier build concluded of each metric, and the levels its reports' pages were
 * answered; with where facts moved since, a build at a time (see MetricInputs).
 */
export interface KeptConclusions {
  metrics: ReadonlyMap<string, MetricConclusions>
  levels: ReadonlyMap<string, PublishedLevel | null>
  moves?: readonly Moves[]
}

export interface WholeCollectionInput extends Omit<CrossReportInput, 'budget' | 'folder' | 'take'> {
  /** At most this many facts are held at once; see BuildOptions. */
  factsHeld?: number
  /** Where a collection too large to hold waits meanwhile, made when needed; the caller removes it. */
  folder: string
  /** The key of a metric's conclusions, of the environment and of what its series is made of (see seriesInputs). */
  metricKey: (inputs: string) => string
  /** What an earlier build concluded: a metric whose key is the same is taken from there. */
  kept?: KeptConclusions
}

/**
 * Run the rules across reports over every report's summary, answer the levels the units' pages
 * asked for, and keep the series for the site's files, a group of metrics at a time past the
 * budget (see FactGroups and seriesKeeper). A metric whose conclusions are kept, and that answers
 * every level asked of it, is taken from there; its series is made again only if its files are.
 */
export function wholeCollection(input: WholeCollectionInput): WholeCollection {
  const { factsHeld, folder, metricKey, kept, ...rest } = input
  // The levels asked, by metric: each group answers those of its own metrics.
  const asked = new Map<string, Map<string, LevelQuery>>()
  for (const unit of input.units)
    for (const { query } of unit.levels ?? []) {
      const ofMetric = asked.get(query.metric) ?? new Map<string, LevelQuery>()
      asked.set(query.metric, ofMetric.set(levelKey(query), query))
    }
  const answers = new Map<string, PublishedLevel>()
  const keeper = seriesKeeper(path.join(folder, 'series'))
  const metrics: MetricConclusions[] = []
  let titleOf: ((slug: string) => string) | undefined
  // Set in the callbacks of the rules, which narrowing does not follow.
  let held = true as boolean
  const take = (id: string, inputs: string, reports: readonly SiteReport[]): Told | undefined => {
    const conclusions = kept?.metrics.get(id)
    if (!kept || conclusions?.key !== metricKey(inputs)) return undefined
    const levels = [...(asked.get(id)?.keys() ?? [])]
    if (!levels.every((key) => kept.levels.has(key))) return undefined
    // What was told of facts that moved since tells where they stand now, or the metric is collected again.
    let told: Told | undefined = conclusions.told
    for (const moves of kept.moves ?? []) told = told && relocatedTold(told, moves)
    if (!told) return undefined
    for (const key of levels) {
      const answer = kept.levels.get(key)
      if (answer) answers.set(key, answer)
    }
    titleOf ??= reportTitles(reports)
    if (conclusions.entry)
      keeper.take(conclusions.entry, titleOf, () => {
        // Asked only once the rules are done (see SeriesKeeper.take).
        const series = across.remake(id).series[0]
        if (!series) throw new Error(`the series of ${id} could not be made again`)
        return series
      })
    metrics.push({ ...conclusions, told })
    return told
  }
  const across = crossReport(
    { ...rest, budget: factBudget(factsHeld), folder: path.join(folder, 'facts'), ...(kept && { take }) },
    ({ collection, reports, spilled, metrics: made }) => {
      held &&= !spilled
      titleOf ??= reportTitles(reports)
      answerLevels(collection, asked, titleOf, answers)
      const listed = new Map(keeper.add(collection, spilled, titleOf).map((entry) => [entry.id, entry]))
      for (const { id, inputs, told } of made ?? []) {
        if (inputs === undefined) continue
        const entry = listed.get(id)
        metrics.push({ id, key: metricKey(inputs), told, ...(entry && { entry }) })
      }
    }
  )
  // A series written to disk as it was made costs nothing more to stage: only a held one has a key.
  const series = { ...keeper.kept(), key: (id: string) => (held ? across.inputs.keyOf(id) : undefined) }
  return {
    across,
    reports: across.published.map((entry) => entry.report),
    answers,
    series,
    held,
    // Those taken come before the others made.
    ...(held && { metrics: metrics.sort((a, b) => compareStrings(a.id, b.id)) })
  }
}

/**
 * Put in `answers` the levels asked of the metrics of `collection` that it publishes. The index of
 * its levels is let go on return, before its series are written: a metric ten thousand districts
 * print has 90,000 levels, each with its key.
 */
function answerLevels(
  collection: Collection,
  asked: ReadonlyMap<string, ReadonlyMap<string, LevelQuery>>,
  titleOf: (slug: string) => string,
  answers: Map<string, PublishedLevel>
): void {
  const lookup = collectionLookup(collection, titleOf)
  for (const series of collection.series)
    for (const [key, query] of asked.get(series.metric.id) ?? []) {
      const answer = lookup.publishedLevel(query)
      if (answer) answers.set(key, answer)
    }
}

/**
 * The facts the rules across reports hold at once: 150,000 by default, about 70 MB of them, the
 * collection of a thousand reports like the bench's. A larger collection is made a group of
 * metrics at a time, its facts and series kept on disk meanwhile, in groups of 10,000 facts: the
 * rules hold several times a group's facts in what they make of them. At 10,000 reports, groups of
 * 150,000 facts made the peak 1.9 GB, and of 40,000, 1.5 GB; with the heap kept tighter (see
 * tightHeap) and the series written a piece at a time, a rebuild after a title changed peaked at
 * 676 and 618 MB with groups of 40,000, and at 551 and 598 MB with groups of 20,000, for the same
 * CPU. Later, with a district in each report, the rules peaked at 418 MB in a rebuild and 460 MB
 * in a build compiling every report with groups of 20,000; with groups of 10,000, at 388 MB in two
 * rebuilds and at 419 and 430 MB in builds compiling every report. The rules took 66 to 74 s with
 * groups of 10,000 (six builds) against 62 to 69 s with groups of 20,000 (three, the same day).
 */
export function factBudget(held = defaultFactsHeld): FactBudget {
  return { held, group: Math.min(held, 10_000) }
}
