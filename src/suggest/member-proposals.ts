/**
 * How the members of dimensions the collection annotates (see knownMembers) weigh on a proposal:
 * a place named in a figure's own words puts the figure in that place's series.
 */

import type { Registry } from '../model/compiled.js'
import type { FoundFigure } from './find-figures.js'
import type { KnownMember, KnownMembers } from './known-members.js'
import { CONFIDENT } from './confidence.js'
import { countsWhatFollows, takes, type MetricGuess } from './metric-guess.js'
import { clauseSoFar } from './sentence.js'

/**
 * The metric and dimension the collection annotates the places under, when that decides the
 * metric: the metric the words lean to, if some place is annotated under it; else the one metric
 * that takes the figure under which every place known is annotated.
 */
export function membersAgree(
  places: readonly string[],
  leaning: Pick<MetricGuess, 'metric'> | undefined,
  figure: FoundFigure['figure'],
  registry: Registry,
  known: KnownMembers,
  isChange: boolean
): KnownMember | undefined {
  const members = places.flatMap((place) => known.get(place) ?? [])
  const fitting = members.filter((member) => {
    const metric = registry.metrics.get(member.metric)
    return metric !== undefined && takes(metric, figure, isChange)
  })
  const leaned = fitting.find((member) => member.metric === leaning?.metric)
  if (leaned) return leaned
  const metrics = new Set(fitting.map((member) => member.metric))
  const placesKnown = places.filter((place) => known.has(place)).length
  const [only] = fitting
  return metrics.size === 1 && only && placesKnown === places.length ? only : undefined
}

/**
 * The words of a figure's clause that may name what it is of: before it, back to the clause's start,
 * but for what the figure before counts (54项工程措施和3项: 工程措施 are the 54); after it, what it
 * counts, up to the next word that joins or parts (3项工作任务).
 */
export function ownWords(
  text: string,
  figures: readonly FoundFigure[],
  index: number
): { before: string; after: string } {
  const found = figures[index] as FoundFigure
  const from = Math.max(0, found.start - 64)
  let before = text.slice(from, found.start)
  const previous = figures[index - 1]
  if (previous && previous.end > from && countsWhatFollows(previous.figure)) {
    // What the figure before counts is blanked out, up to the word that joins the two or the end of
    // its clause: 甲断面水质为Ⅱ类，乙断面水质为Ⅲ类 keeps the clause of 乙断面 for Ⅲ类.
    const start = previous.end - from
    const glue = before.slice(start).search(/[和与及、，,。；;！？!?：:\n]/)
    const end = glue === -1 ? before.length : start + glue
    before = before.slice(0, start) + ' '.repeat(end - start) + before.slice(end)
  }
  const clause = clauseSoFar(before)
  const ahead = countsWhatFollows(found.figure) ? text.slice(found.end, found.end + 32) : ''
  return { before: clause, after: ahead.slice(0, Math.max(0, ahead.search(/[和与及、。；;！？!?，,：:\n]|$/))) }
}

/**
 * A place the collection annotates (see knownMembers), named in the figure's own words (see
 * ownWords), whose metric decides the figure's: the metric the words lean to, or the only one the
 * place is annotated under that takes the figure when the words name none. What the figure counts
 * (3项工作任务) comes first; else the place nearest before it, the longest at one end.
 */
export function memberNamed(
  words: { before: string; after: string },
  guess: Pick<MetricGuess, 'metric' | 'confidence'> | undefined,
  figure: FoundFigure['figure'],
  registry: Registry,
  known: KnownMembers,
  isChange: boolean
): { metric: string; members: Array<{ dimension: string; value: string }> } | undefined {
  const counted = longest([...known.keys()].filter((value) => words.after.startsWith(value)))
  const value = counted ?? nearestBefore(words.before, known)
  if (value === undefined) return undefined
  const found = membersAgree([value], guess, figure, registry, known, isChange)
  // Words that confidently name another metric outweigh the place.
  if (!found || (guess && guess.confidence >= CONFIDENT && guess.metric !== found.metric)) return undefined
  const { metric, dimension } = found
  // 坂头-石兜水库、汀溪水库水质稳定保持Ⅱ类: places of the metric named together each have the level (not
  // a total: 两水库共4675亩 is one figure of both), as after 均.
  const kind = registry.metrics.get(metric)?.kind
  const each =
    counted === undefined && kind !== undefined && !ADDITIVE_KINDS.includes(kind)
      ? placesNamed(words.before, known, found)
      : []
  const values = each.length >= 2 ? each : [value]
  return { metric, members: values.map((member) => ({ dimension, value: member })) }
}

function longest(values: readonly string[]): string | undefined {
  return values.reduce<string | undefined>(
    (best, value) => (value.length > (best?.length ?? 0) ? value : best),
    undefined
  )
}

/** The member that ends nearest the end of a text, the longest of those that end there. */
function nearestBefore(text: string, known: KnownMembers): string | undefined {
  let nearest: { value: string; end: number } | undefined
  for (const value of known.keys()) {
    const at = text.lastIndexOf(value)
    const end = at + value.length
    if (at === -1 || (nearest && (end < nearest.end || (end === nearest.end && value.length <= nearest.value.length))))
      continue
    nearest = { value, end }
  }
  return nearest?.value
}

/** Kinds of metric whose figure said of several places is their sum, not each one's. */
const ADDITIVE_KINDS: readonly string[] = ['quantity', 'count', 'money']

/** The members of one metric's dimension named in a text, in order, none inside another. */
function placesNamed(text: string, known: KnownMembers, of: KnownMember): string[] {
  const found: Array<{ value: string; at: number }> = []
  for (const [value, members] of known) {
    if (!members.some((member) => member.metric === of.metric && member.dimension === of.dimension)) continue
    for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length)) found.push({ value, at })
  }
  const inside = (a: { value: string; at: number }, b: { value: string; at: number }) =>
    a !== b && b.at <= a.at && a.at + a.value.length <= b.at + b.value.length && a.value.length < b.value.length
  const places = found
    .filter((entry) => !found.some((other) => inside(entry, other)))
    .sort((a, b) => a.at - b.at)
    .map((entry) => entry.value)
  return [...new Set(places)]
}
