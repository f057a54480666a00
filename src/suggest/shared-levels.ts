import { placesOf, sharedBy } from '../extract/shared-figure.js'
import type { Registry } from '../model/compiled.js'
import type { Metric } from '../model/schema-types.js'
import { CONFIDENT } from './confidence.js'
import type { FoundFigure } from './find-figures.js'
import type { KnownMembers } from './known-members.js'
import { membersAgree } from './member-proposals.js'
import { guessMetric } from './metric-guess.js'

/** One annotation of a figure said of several things: its metric, and the place it is of when the things are places. */
export interface SharedLevel {
  metric: string | undefined
  member?: { dimension: string; value: string }
  /** The words that name this thing of a list (昼间达标率 of 昼间和夜间达标率): a draft metric's label. */
  words?: string
}

/**
 * For a figure said of several things by 均 (双双, 都), an annotation for each, in the order named.
 * Places of one metric (坂头-石兜水库、汀溪水库水质类别) give that metric for each, with the place as
 * the member of its dimension (site=汀溪水库). Else each name is a metric of its own, undefined where
 * no guess is confident or where an earlier name has it: the things of one list are different, as
 * in a 分别-list. Undefined when the figure is said of one thing.
 */
export function sharedLevels(
  text: string,
  found: FoundFigure,
  registry: Registry,
  isChange: boolean,
  known: KnownMembers = new Map()
): SharedLevel[] | undefined {
  const names = sharedBy(text, found.start)?.names
  if (!names) return undefined
  const last = names.at(-1) as string
  const confident = (words: string, head = words.length) => {
    const guess = guessMetric(words, '', found.figure, registry, { isChange })
    // With words borrowed from the last name, the phrase must begin in the name's own: else the
    // borrowed words alone named it (一般工业固体废物 + 废物处置率 is no 危险废物处置率).
    const at = guess === undefined ? -1 : words.indexOf(guess.alias)
    const own = head === words.length || (at !== -1 && at < head)
    return guess && guess.confidence >= CONFIDENT && own ? guess.metric : undefined
  }
  const places = placesOf(names)
  const ofPlaces = places && placeLevels(places.places, last, { found, registry, known, isChange })
  if (ofPlaces) return ofPlaces
  const levels: SharedLevel[] = []
  for (const [position, name] of names.entries()) {
    // 昼间和夜间达标率: the last name carries the words a head that names nothing alone shares.
    const shared = position < names.length - 1 ? name + last.slice(Math.min(2, last.length)) : undefined
    const metric = confident(name) ?? (shared === undefined ? undefined : confident(shared, name.length))
    const words = position < names.length - 1 ? namingWords(name, last) : name
    const taken = metric !== undefined && levels.some((level) => level.metric === metric)
    levels.push({ metric: taken ? undefined : metric, words })
  }
  return levels
}

/**
 * The words that name a thing of a list whose last name carries what they all share: the name,
 * when it ends as the last does (危险废物处置率、医疗废物处置率); else the name and what follows its
 * own ending in the last (功能区昼间 and 夜间达标率 give 功能区昼间达标率; 一般工业固体废物 and
 * 医疗废物处置率, 一般工业固体废物处置率); else the name alone.
 */
function namingWords(name: string, last: string): string {
  if (name.slice(-2) === last.slice(-2)) return name
  for (let size = Math.min(name.length, last.length - 1); size >= 1; size -= 1) {
    const at = last.indexOf(name.slice(-size))
    if (at !== -1 && at + size < last.length) return name + last.slice(at + size)
  }
  return name
}

/**
 * An annotation for each place of one metric: the metric the words of the last name, which carries
 * them, name confidently, else the one the collection annotates the places under (see
 * membersAgree); with each place as a member of its dimension. Undefined when the metric has no
 * dimension for places.
 */
function placeLevels(
  places: readonly string[],
  last: string,
  context: { found: FoundFigure; registry: Registry; known: KnownMembers; isChange: boolean }
): SharedLevel[] | undefined {
  const { found, registry, known, isChange } = context
  const leaning = guessMetric(last, '', found.figure, registry, { isChange })
  const named = leaning && leaning.confidence >= CONFIDENT ? leaning.metric : undefined
  const agreed = membersAgree(places, leaning, found.figure, registry, known, isChange)
  const id = named ?? agreed?.metric
  const metric = id === undefined ? undefined : registry.metrics.get(id)
  // Without a metric, the places are still written, as `site`: the name the registry gives a
  // dimension of places, to be kept or renamed with the metric chosen.
  const dimension = agreed && agreed.metric === id ? agreed.dimension : metric ? placeDimension(metric) : 'site'
  if (dimension === undefined) return undefined
  const [first = '', ...others] = places
  return [withoutLead(first, metric ? [metric] : [...registry.metrics.values()]), ...others].map((value) => ({
    metric: id,
    member: { dimension, value }
  }))
}

/**
 * The first place of a list without the words that lead the list (饮用水水源地甲水库、乙水库…): a
 * scope (全市) and the longest head that a label or an alias of the metrics holds, which name the
 * kind of place, not the place.
 */
function withoutLead(first: string, metrics: readonly Metric[]): string {
  const place = first.replace(/^(?:全市|全省|全区|全县|全国|我市|本市)/, '')
  const phrases = metrics.flatMap((metric) => [metric.label.zh, ...(metric.aliases ?? [])])
  for (let size = place.length - 2; size >= 2; size -= 1)
    if (phrases.some((phrase) => phrase.includes(place.slice(0, size)))) return place.slice(size)
  return place
}

/** The dimension a metric's places are members of: its `site`, else its only dimension. */
function placeDimension(metric: Metric): string | undefined {
  const dimensions = Object.keys(metric.dimensions ?? {})
  return dimensions.includes('site') ? 'site' : dimensions.length === 1 ? dimensions[0] : undefined
}
