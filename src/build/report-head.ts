import { createHash } from 'node:crypto'
import { namingFacts, type NamingFact } from '../collection/name-variants.js'
import type { CollectionFact } from '../model/compiled.js'
import { compareStrings } from '../model/compare.js'
import { groupBy } from '../validate/fact-groups.js'
import type { FactBundle, ReportFrontMatter } from '../model/schema-types.js'

/** A report as the site's pages and the rules across reports read it. */
export interface ReportSummary {
  path: string
  frontMatter: ReportFrontMatter
  bundle: { report: FactBundle['report']; metricIds: string[]; facts: CollectionFact[] }
  /**
   * A digest of its facts of each metric, by the metric's id: what the rules across reports make
   * of a metric depends on no other metric's facts, so its series is known to be the same from
   * these, without the series itself made into JSON again (see seriesInputs).
   */
  factDigests: Record<string, string>
}

/** Of each metric, in the order of their ids, the digest of its facts in the order given, 128 bits of it. */
export function factDigests(facts: readonly CollectionFact[]): Record<string, string> {
  return Object.fromEntries(metricGroups(facts).map(([metric, json]) => [metric, factsDigest(json)]))
}

/** The digest of the JSON of a metric's facts, as factDigests gives it. */
export function factsDigest(json: string): string {
  return createHash('sha256').update(json).digest().subarray(0, 16).toString('base64url')
}

/**
 * Of each metric, in the order of their ids, the JSON of its facts in the order given. Made once
 * for a report's facts: the digests of its summary and the file of its facts by metric that its
 * unit keeps are made of the same JSON, on the thread that compiled it.
 */
function metricGroups(facts: readonly CollectionFact[]): Array<[string, string]> {
  let groups = groupsMade.get(facts)
  if (!groups) {
    const byMetric = groupBy(facts, (fact) => fact.metric)
    groups = [...byMetric.keys()].sort(compareStrings).map((metric) => [metric, JSON.stringify(byMetric.get(metric))])
    groupsMade.set(facts, groups)
  }
  return groups
}

const groupsMade = new WeakMap<readonly CollectionFact[], Array<[string, string]>>()

/**
 * What the rules across reports read of a report but its facts: a thousand reports' summaries
 * took 0.45 s to read, of which the facts are most, and a build whose collection differs by a
 * figure corrected collects again the facts of one metric only (see crossReport). Kept beside its
 * summary, with its facts grouped by metric in a file of their own (see keptHead).
 */
export interface ReportHead {
  path: string
  frontMatter: ReportFrontMatter
  report: FactBundle['report']
  metricIds: string[]
  /** How many facts it has. */
  facts: number
  factDigests: Record<string, string>
  /** The facts that first write a name (see namingFacts): what the check of names across reports reads. */
  naming: NamingFact[]
  /**
   * Where the JSON of each metric's facts ends in the file of them (see keptHead), in bytes, in
   * the order of `factDigests`: each begins where the one before ends.
   */
  ends?: number[]
}

/** Where a report's facts of each metric stand in the file of them, and their digests (see readMetricFacts). */
export interface KeptSlices {
  ends: number[]
  factDigests: ReportHead['factDigests']
}

/** The head of a report's summary, without the places of its facts by metric. */
export function headOf(summary: ReportSummary): ReportHead {
  const { path, frontMatter, bundle, factDigests: digests } = summary
  return {
    path,
    frontMatter,
    report: bundle.report,
    metricIds: bundle.metricIds,
    facts: bundle.facts.length,
    factDigests: digests,
    naming: namingFacts(frontMatter.entity, bundle.facts)
  }
}

/** The head of a report's summary as it is kept, and the file of its facts by metric that its slices are of. */
export function keptHead(summary: ReportSummary): { head: ReportHead; byMetric: Buffer } {
  const groups = metricGroups(summary.bundle.facts)
  let at = 0
  const ends = groups.map(([, json]) => (at += Buffer.byteLength(json)))
  return {
    head: { ...headOf(summary), ends },
    byMetric: Buffer.from(groups.map(([, json]) => json).join(''))
  }
}
