import { didYouMean } from '../diagnostics/did-you-mean.js'
import { report } from '../diagnostics/report.js'
import type { Registry, RelatedPlace } from '../model/compiled.js'
import { previousPeriod } from '../model/period.js'
import { groupBy, place, seriesKey } from '../validate/fact-groups.js'
import { allowedInterval, factInterval, isBound, mayBeSame } from '../validate/interval.js'
import {
  dateOf,
  orderKnown,
  referenceTo,
  subjectOf,
  type LazyCheck,
  type Printed,
  type Publication
} from './published.js'

/** The published value of one period, entity and dimensions of a metric, and every other report that prints it. */
export interface PublishedLevel {
  key: string
  /** The report whose value stands: the earliest to print it, or the latest to revise it. */
  printed: Printed
  /** Later reports that print the same value. */
  alsoIn: Printed[]
  /** Earlier values that a later report revised, earliest first. */
  revised: Printed[]
  /**
   * Later reports that print another value without saying they revise it (each told as a
   * restatement-conflict): a change is still measured from its own report's value.
   */
  disputed: Printed[]
}

/** A figure and the report that prints it, for the detail of a check: 2.61(xiamen-2023-fact-sheet). */
function said({ fact, publication }: Printed): string {
  return `${fact.text}(${publication.slug})`
}

/** Where a fact stands, as a related place of a message about another. */
export function relatedPlace({ publication, fact }: Printed, message: string): RelatedPlace {
  const { source } = fact
  return {
    file: source.file,
    line: source.line,
    column: source.column,
    endLine: source.endLine,
    endColumn: source.endColumn,
    message: `${message} in ${publication.slug}`
  }
}

/**
 * restatement-conflict: the levels of the reports, one per period, entity and dimensions of each
 * metric. A later report that prints a value again must agree with it at the precision printed,
 * unless it says which report it revises (revises=); each comparison is recorded as a check.
 * Facts repeated within one report are the concern of inconsistent-duplicate.
 */
export function publishedLevels(
  levels: readonly Printed[],
  registry: Registry,
  checks: LazyCheck[]
): Map<string, PublishedLevel> {
  const result = new Map<string, PublishedLevel>()
  const ordered = [...levels].sort(
    (a, b) => a.publication.order - b.publication.order || a.fact.source.offset - b.fact.source.offset
  )
  for (const [key, printings] of groupBy(ordered, (printed) => seriesKey(printed.fact))) {
    const group = revisedBeforeReviser(printings)
    const seen = new Set<Publication>()
    let level: PublishedLevel | undefined
    for (const printed of group) {
      if (seen.has(printed.publication)) continue
      seen.add(printed.publication)
      if (!level) {
        level = { key, printed, alsoIn: [], revised: [], disputed: [] }
        // The first to print the value revises none of the collection's.
        if (printed.fact.revises !== undefined) reportUnmatched(printed, group)
      } else level = restated(level, printed, group, { registry, checks })
    }
    if (level) result.set(key, level)
  }
  return result
}

/**
 * The printings of a figure in the order their reports came out, but where that order is not known
 * (two reports of one day, or of one period and no date, which publication order sorts by slug): the
 * one that says it revises the other (revises=) comes after it, as it says. Each moves once, so that
 * two that say they revise each other keep their order.
 */
function revisedBeforeReviser(group: readonly Printed[]): Printed[] {
  const result = [...group]
  const moved = new Set<Printed>()
  for (let at = 0; at < result.length; at++) {
    const printed = result[at] as Printed
    const { revises } = printed.fact
    if (revises === undefined || moved.has(printed)) continue
    const revised = result.findIndex(
      (other, index) =>
        index > at && other.publication.slug === revises && !orderKnown(other.publication, printed.publication)
    )
    if (revised === -1) continue
    moved.add(printed)
    result.splice(at, 1)
    result.splice(revised, 0, printed)
    at--
  }
  return result
}

function restated(
  level: PublishedLevel,
  later: Printed,
  group: readonly Printed[],
  { registry, checks }: { registry: Registry; checks: LazyCheck[] }
): PublishedLevel {
  const earlier = level.printed
  const kind = registry.metrics.get(later.fact.metric)?.kind
  const agrees = mayBeSame(allowedInterval(earlier.fact, kind), allowedInterval(later.fact, kind))
  const revises = later.fact.revises
  const revisesEarlier =
    revises !== undefined &&
    (earlier.publication.slug === revises || level.alsoIn.some((p) => p.publication.slug === revises))
  // Each check is made when the series is written (see LazyCheck): one closure, no strings yet.
  const check = (holds: boolean, joiner: string, tail: string, revision = false) =>
    checks.push({
      metric: later.fact.metric,
      line: later.fact,
      report: later.publication.slug,
      record: () => ({
        kind: 'restatement',
        holds,
        ...(revision && { revision }),
        statement: referenceTo(later),
        against: [referenceTo(earlier)],
        detail: `${said(later)}${joiner}${said(earlier)}${tail}`
      })
    })
  // The level is this group's own until the group ends: it grows in place, since a value restated
  // by every one of thousands of reports would otherwise be copied once for each of them.
  if (agrees) {
    if (revises !== undefined && !revisesEarlier) reportUnmatched(later, group, printers(level))
    // 92% beside 91.7%: the same at the precision printed, not the same figure.
    check(true, '与', agreement(earlier, later))
    // 99.2% beside 98%以上: the figure that says the value stands for it in the series.
    if (isBounded(earlier) && !isBounded(later)) {
      level.alsoIn.push(earlier)
      level.printed = later
    } else level.alsoIn.push(later)
    return level
  }
  if (revisesEarlier) {
    check(true, '修订了', '', true)
    return {
      key: level.key,
      printed: later,
      alsoIn: [],
      revised: level.revised.concat(earlier, level.alsoIn),
      disputed: level.disputed
    }
  }
  check(false, '与', '不同')
  level.disputed.push(later)
  const { fact } = later
  const hint =
    revises !== undefined
      ? `; revises=${revises} ${namedPrinter(later, group) ? 'names a report that prints it, but not before this one' : `names no report that prints it${revisesMeant(revises, printers(level))}`}`
      : orderKnown(earlier.publication, later.publication)
        ? `; if ${later.publication.slug} corrects it, say so with revises=${earlier.publication.slug}`
        : `; correct the one that is wrong, or say revises= on the one that corrects the other: which came out first is not known, as ${undated(earlier, later)}`
  report(
    later.publication.file,
    'restatement-conflict',
    `${subjectOf(later)} for ${fact.period} is "${fact.text}" here but "${earlier.fact.text}" in ${earlier.publication.slug} (${earlier.fact.source.file}:${earlier.fact.source.line}:${earlier.fact.source.column})${hint}`,
    place(fact),
    [relatedPlace(earlier, `"${earlier.fact.text}"`)]
  )
  return level
}

/** How two printings of a level agree, in the words of a check: the same, within a bound, or at the precision printed. */
function agreement(earlier: Printed, later: Printed): string {
  if (isBounded(earlier) !== isBounded(later)) return '在所述范围内相符'
  return later.fact.value === earlier.fact.value && later.fact.bound === earlier.fact.bound
    ? '相同'
    : '在印刷精度内相符'
}

/** A level printed as a bound (98%以上, 20微克/立方米以内), not as a value. */
function isBounded({ fact }: Printed): boolean {
  return isBound(fact.bound)
}

/**
 * revises-unmatched: a value that says it revises a report none of whose printings of that figure
 * comes before it. A revision that disagrees is a restatement-conflict, which says so itself. When
 * the report named prints the figure, but after this one or in no known order, the message says so.
 */
function reportUnmatched(printed: Printed, group: readonly Printed[], earlier: readonly string[] = []): void {
  const { fact, publication } = printed
  const revises = fact.revises ?? ''
  const named = namedPrinter(printed, group)
  const meant = revisesMeant(revises, earlier)
  const what = `${subjectOf(printed)} for ${fact.period}`
  const message = !named
    ? `revises=${revises} names no earlier report of the collection that prints ${what}, so nothing shows the value "${fact.text}" replaces${meant === '' ? ': check the slug, or add that report to the collection' : meant}`
    : orderKnown(named.publication, publication)
      ? `revises=${revises} names a report that prints ${what} ("${named.fact.text}") but came out after this one: a report revises only what came out before it; if ${revises} corrects this report, put revises=${publication.slug} on its figure instead`
      : `revises=${revises} names a report that prints ${what} ("${named.fact.text}"), but which of the two came out first is not known, as ${undated(named, printed)}: give each its published: date`
  report(publication.file, 'revises-unmatched', message, place(fact))
}

/** The printing of a figure by the report its revises= names, other than the one that names it. */
function namedPrinter(printed: Printed, group: readonly Printed[]): Printed | undefined {
  const { revises } = printed.fact
  return group.find((other) => other.publication.slug === revises && other.publication !== printed.publication)
}

/** Why it is not known which of two reports came out first, in the words of restatement-conflict. */
function undated(earlier: Printed, later: Printed): string {
  const printed = [earlier, later]
  if (earlier.publication.dated && later.publication.dated)
    return `${earlier.publication.slug} and ${later.publication.slug} are both dated ${dateOf(earlier.publication) ?? ''}`
  const slugs = printed.filter(({ publication }) => !publication.dated).map(({ publication }) => publication.slug)
  return slugs.length === 1
    ? `${slugs.join('')} gives no date of publication (published: in its front matter)`
    : `${slugs.join(' and ')} give no date of publication (published: in their front matter), and their periods end together`
}

/** The slugs of the reports that printed a level so far, the first first. */
function printers(level: PublishedLevel): string[] {
  return [level.printed, ...level.alsoIn].map((printed) => printed.publication.slug)
}

/** `; did you mean revises=…?` when a report that printed the figure has a slug like the one given (xiamen-2042 for xiamen-2024). */
export function revisesMeant(revises: string, slugs: readonly string[]): string {
  const meant = didYouMean(revises, slugs)
  return meant === undefined ? '' : `; did you mean revises=${meant}?`
}

/**
 * restatement-conflict, for starts: the value a period starts from (由50%提升至66.7% in the report
 * of 2025) is the level of the period before (50% in 2024), and must agree with it where a report
 * publishes that level.
 */
export function checkStarts(
  starts: readonly Printed[],
  levels: ReadonlyMap<string, PublishedLevel>,
  registry: Registry,
  checks: LazyCheck[]
): void {
  for (const start of starts) {
    const { fact } = start
    const before = previousPeriod(fact.period)
    const level = before === undefined ? undefined : levels.get(seriesKey({ ...fact, period: before }))?.printed
    if (!level || before === undefined) continue
    const kind = registry.metrics.get(fact.metric)?.kind
    const holds = mayBeSame(factInterval(level.fact, kind), factInterval(fact, kind))
    checks.push({
      metric: fact.metric,
      line: fact,
      report: start.publication.slug,
      record: () => ({
        kind: 'start',
        holds,
        statement: referenceTo(start),
        against: [referenceTo(level)],
        detail: `${fact.period}的期初值${said(start)}${holds ? '与' : '不同于'}${before}的${said(level)}${holds ? '相同' : ''}`
      })
    })
    if (holds) continue
    report(
      start.publication.file,
      'restatement-conflict',
      `${subjectOf(start)} starts ${fact.period} from "${fact.text}", but ${level.publication.slug} publishes "${level.fact.text}" for ${before} (${level.fact.source.file}:${level.fact.source.line}:${level.fact.source.column})`,
      place(fact),
      [relatedPlace(level, `the level "${level.fact.text}" of ${before}`)]
    )
  }
}
