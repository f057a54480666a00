import type { Nodes, Root } from 'mdast'
import type { Point } from 'unist'
import type { Figure } from '../chinese-number/index.js'
import { comesBefore, parsePeriod, sameTimeOf } from '../model/period.js'
import { eachNode } from '../remark/each-node.js'
import { blockText, sourceOffset, type BlockText } from './block-text.js'
import { findFigures, type FoundFigure } from './find-figures.js'
import { spansOf } from '../model/spans.js'
import { phraseStarts } from '../model/phrases.js'
import { guessMetric, takes } from './metric-guess.js'
import type { KnownMembers } from './known-members.js'
import { memberNamed, ownWords } from './member-proposals.js'
import { sharedLevels, type SharedLevel } from './shared-levels.js'
import { statedLevelKey, taggedLevels, takenKey, valueKey, type TakenLevels } from './taken-levels.js'
import type { Registry } from '../model/compiled.js'
import type { Metric } from '../model/schema-types.js'
import {
  comparedLevelPeriod,
  isChangeAspect,
  readComparison,
  targetListSpan,
  type Comparison,
  type ProposedAspect
} from './comparison-words.js'
import { CONFIDENT } from './confidence.js'
import { readRespectively, type RespectivelyReading } from './respectively.js'
import { figureBeforeCompared, restatedFigure, sameSentence } from './restated-figure.js'
import { ignorePhrasesOf, type ProposedIgnore } from './ignore-phrases.js'
import { periodOfClause } from './clause-period.js'
import { isBound } from '../validate/interval.js'

/** A figure in the text that no annotation covers, with the annotation factmark proposes for it. */
export interface UntaggedFigure {
  start: Point
  end: Point
  /** The figure as printed: the label to wrap. */
  text: string
  figure: Figure
  /** The metric guessed from the registry's aliases, when the guess is confident enough to propose. */
  metric?: string
  /**
   * 0..1: how sure the metric guess is; below 0.35 the proposal says `metric=?`, as it does where the
   * report already states another value of the metric guessed (see TakenLevels). 0 when nothing
   * points to a metric.
   */
  confidence: number
  /** The aspect the words before the figure give it (同比提升 → increase, 不低于 → target). */
  aspect?: ProposedAspect
  /** For a change on the period before (同比, 较上年): that period. */
  base?: string
  /**
   * For a figure said of several things by 均 (A、B均为100%): the metric proposed for each thing but
   * the last, whose is `metric`, in the order named; `?` where none is guessed. The proposal is an
   * annotation for each, the first outermost.
   */
  shared?: string[]
  /**
   * The words that name what the figure measures where they do not stand right before it: the
   * name a 分别-list gives it (昼间达标率 for the first of 昼间、夜间达标率分别为100%、86.2%). A
   * draft metric (--stubs) takes them as its label.
   */
  labelWords?: string
  /**
   * For a figure said of several things by 均, the words that name each, in the order of `shared`
   * and then `metric`: the labels of their draft metrics (--stubs).
   */
  levelWords?: string[]
  /**
   * Where the figure stands whose metric this one takes, when neither has one yet: the level a
   * change restates (面积比84.2%、同比提升2.2个百分点). A draft metric made for that figure is this one's.
   */
  sameMetricAs?: Point
  /** `:fact[...]{metric=...}`, ready to paste over the figure. */
  proposal: string
  /**
   * The dimensions its metric requires (`required: true`) that the proposal names no member of
   * (list= of a count given only per list): the editor names them, or check tells (dimension-missing).
   */
  needs?: string[]
  /**
   * Set when the figure belongs to a name (the year of the report's title, 第三轮…督察): the
   * phrase around it to add to the front matter's `ignore:` list, which `suggest --write` adds
   * in place of the annotation, and the rule that saw it (see ignore-phrases.ts).
   */
  ignore?: ProposedIgnore
}

export interface UntaggedOptions {
  tree: Root
  source: string
  toPoint: (offset: number) => Point
  isFact: (node: Nodes) => boolean
  registry?: Registry
  /** Phrases whose figures are deliberately untagged (front matter `ignore:`). */
  ignore?: readonly string[]
  /** The report's period, to propose `base=` for a year-on-year change. */
  period?: string
  /** The members of dimensions the collection's reports annotate, to put a figure in their series (see knownMembers). */
  known?: KnownMembers
  /** Source spans of broken annotations, whose figures other diagnostics already explain. */
  skip?: ReadonlyArray<[number, number]>
}

export interface UntaggedResult {
  untagged: UntaggedFigure[]
  /** Ignore phrases that covered at least one figure. */
  usedIgnores: Set<string>
  /** How many figures stand in broken annotations (see UntaggedOptions.skip): tagged by none. */
  inBroken: number
}

/** Every figure of the text outside fact annotations and deliberate ignores, in document order. */
export function findUntagged(options: UntaggedOptions): UntaggedResult {
  const untagged: UntaggedFigure[] = []
  const usedIgnores = new Set<string>()
  let inBroken = 0
  const skipped = spansOf(options.skip ?? [])
  const ignoreOf = ignorePhrasesOf(options.source)
  // The levels the annotations state are read once a figure is proposed a level: a report with no
  // figure untagged, as a build's usually are, is not walked for them.
  let tagged: TakenLevels | undefined
  const taken = (): TakenLevels =>
    (tagged ??= options.registry
      ? taggedLevels(options.tree, options.isFact, options.registry)
      : new Map<string, string>())
  eachNode(options.tree, (node, index, parent) => {
    // A table's header row names its columns (2024年, 2025年): it labels the figures below it and is
    // no figure to tag. Every other cell is read like a paragraph.
    if (node.type === 'tableRow' && parent?.type === 'table' && index === 0) return 'skip'
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return
    const block = blockText(node, options.source, options.isFact)
    const tagged = spansOf(block.tagged)
    const ignored = ignoredRanges(block.text, options.ignore ?? [])
    const figures = findFigures(block.text)
    // The guesses of the block so far, by figure: a change or a 分别-list may take the metric of an earlier figure.
    const guessed: Array<UntaggedFigure | undefined> = []
    const targets = targetListSpan(block.text)
    for (const [index, found] of figures.entries()) {
      if (tagged.overlaps(found.start, found.end)) continue
      const covering = ignored.find((phrase) => phrase.covers(found.start, found.end))
      if (covering) {
        usedIgnores.add(covering.phrase)
        continue
      }
      const respectively = readRespectively(block.text, figures, index)
      const figure = describe(block, figures, index, guessed, options, { targets, taken, respectively })
      guessed[index] = figure
      const start = figure.start.offset ?? 0
      if (skipped.covers(start)) {
        inBroken++
        continue
      }
      const ignore = ignoreOf({ figure: figure.figure, text: figure.text, start, end: figure.end.offset ?? 0 })
      untagged.push(ignore ? { ...figure, ignore } : figure)
    }
    return 'skip'
  })
  return { untagged, usedIgnores, inBroken }
}

function describe(
  block: BlockText,
  figures: readonly FoundFigure[],
  index: number,
  guessed: ReadonlyArray<UntaggedFigure | undefined>,
  options: UntaggedOptions,
  context: { targets: [number, number]; taken: () => TakenLevels; respectively: RespectivelyReading | undefined }
): UntaggedFigure {
  const { targets, taken, respectively } = context
  const found = figures[index] as FoundFigure
  const { end, figure } = found
  // The words that matter stand within a clause of the figure; a slice of the whole paragraph for
  // each figure would make a long paragraph quadratic.
  const before = block.text.slice(Math.max(0, found.start - 64), found.start)
  const read = readComparison(before, figure, targets[0] <= found.start && found.start < targets[1])
  const { start, text, period } = spanAndPeriod(found, before, read.aspect === 'target', options.period)
  const comparison = planned(read, { figure, before, period, reportPeriod: options.period })
  const isChange = isChangeAspect(comparison.aspect)
  const restated = restatedFigure(block.text, figures, index, respectively, isChange)
  const guess =
    options.registry && guessFor(block, figures, index, guessed, options.registry, { isChange, respectively, restated })
  // A place the collection annotates, named in the figure's clause, puts the figure in that place's
  // series: it decides a metric the words only lean to, and gives the place (see memberNamed).
  const named = memberOfCollection(block.text, figures, index, guess, options, isChange)
  const { metric, confidence } = decided(guess, named)
  const base = baseOf(comparison, isChange || figure.kind === 'unchanged', period ?? options.period)
  // A figure said of several things by 均 is an annotation for each, one inside the other (see sharedBy).
  const shared = options.registry && sharedLevels(block.text, found, options.registry, isChange, options.known)
  const proposed: SharedLevel[] = shared ?? (named ? named.members.map((member) => ({ metric, member })) : [{ metric }])
  const levels = comparison.aspect
    ? proposed
    : unlessTaken(proposed, { figure, period, registry: options.registry, taken })
  const innermost = levels.at(-1)?.metric
  const result: UntaggedFigure = {
    start: options.toPoint(sourceOffset(block, start)),
    end: options.toPoint(sourceOffset(block, end - 1) + 1),
    text,
    figure,
    confidence,
    proposal: proposalOf(text, levels, { aspect: comparison.aspect, base, period })
  }
  if (innermost) result.metric = innermost
  const needs = options.registry && membersNeeded(levels, options.registry)
  if (needs && needs.length > 0) result.needs = needs
  if (levels.length > 1) sharedOf(result, levels)
  if (comparison.aspect) result.aspect = comparison.aspect
  if (base) result.base = base
  relate(result, restated, { guessed, respectively })
  return result
}

/** The dimensions the metrics of a figure's annotations require that none of them names a member of. */
function membersNeeded(levels: readonly SharedLevel[], registry: Registry): string[] {
  const needed = levels.flatMap(({ metric, member }) =>
    Object.entries((metric !== undefined && registry.metrics.get(metric)?.dimensions) || {})
      .filter(([name, dimension]) => dimension.required && member?.dimension !== name)
      .map(([name]) => name)
  )
  return [...new Set(needed)]
}

/** What a figure of several annotations tells beside its proposal: their metrics, and the words naming each. */
function sharedOf(result: UntaggedFigure, levels: readonly SharedLevel[]): void {
  result.shared = levels.slice(0, -1).map((level) => level.metric ?? '?')
  if (levels.some((level) => level.words !== undefined)) result.levelWords = levels.map((level) => level.words ?? '')
}

/** The members the collection annotates that the figure's own words name (see memberNamed). */
function memberOfCollection(
  text: string,
  figures: readonly FoundFigure[],
  index: number,
  guess: { metric: string; confidence: number } | undefined,
  { registry, known }: UntaggedOptions,
  isChange: boolean
): ReturnType<typeof memberNamed> {
  if (!registry || !known) return undefined
  const found = figures[index] as FoundFigure
  return memberNamed(ownWords(text, figures, index), guess, found.figure, registry, known, isChange)
}

/** The metric proposed and how sure it is: a member of the collection decides it, else a confident guess. */
function decided(
  guess: { metric: string; confidence: number } | undefined,
  named: { metric: string } | undefined
): { metric: string | undefined; confidence: number } {
  const confidence = guess?.confidence ?? 0
  if (named) return { metric: named.metric, confidence: Math.max(confidence, CONFIDENT) }
  return { metric: guess && confidence >= CONFIDENT ? guess.metric : undefined, confidence }
}

/**
 * The levels proposed, but for a metric the report already states another value of for the same
 * period and members (see TakenLevels), which is left to the editor (`metric=?`); the others are
 * taken in turn.
 */
function unlessTaken(
  levels: readonly SharedLevel[],
  {
    figure,
    period,
    registry,
    taken
  }: { figure: Figure; period: string | undefined; registry: Registry | undefined; taken: () => TakenLevels }
): SharedLevel[] {
  if (!registry) return [...levels]
  const value = valueKey(figure)
  return levels.map((level) => {
    if (level.metric === undefined) return level
    const attributes = {
      ...(period !== undefined && { period }),
      ...(level.member && { [level.member.dimension]: level.member.value })
    }
    const of = statedLevelKey(registry, level.metric, attributes)
    if (of === undefined) return level
    const key = takenKey(of, figure)
    const stated = taken().get(key)
    if (stated !== undefined && stated !== value) return { ...level, metric: undefined }
    taken().set(key, value)
    return level
  })
}

/** `:fact[…]{…}` with an annotation for each level, the first outermost, each with the figure's aspect, base and period. */
function proposalOf(
  label: string,
  levels: readonly SharedLevel[],
  common: { aspect: ProposedAspect | undefined; base: string | undefined; period: string | undefined }
): string {
  const attributesOf = ({ metric, member }: SharedLevel) => {
    const attributes = [`metric=${metric ?? '?'}`]
    if (member) attributes.push(`${member.dimension}=${attributeValue(member.value)}`)
    if (common.aspect) attributes.push(`aspect=${common.aspect}`)
    if (common.base) attributes.push(`base=${common.base}`)
    if (common.period) attributes.push(`period=${common.period}`)
    return attributes.join(' ')
  }
  return levels.reduceRight<string>((inner, level) => `:fact[${inner}]{${attributesOf(level)}}`, label)
}

/** An attribute's value as written in a proposal: quoted when it holds what ends an unquoted one. */
function attributeValue(value: string): string {
  return /^[^\s"'=<>`{}]+$/.test(value) ? value : `"${value.replaceAll('"', '&quot;')}"`
}

/**
 * The base of a change: the same part of the year its words name (与2024年相比), else of the year
 * before its own period, which is the one its clause names or the report's (a change of 2024 in a
 * report of 2025 is on 2023; of 1—11月 on the same months of the year before).
 */
function baseOf(comparison: Comparison, isChange: boolean, period: string | undefined): string | undefined {
  if (!period || !comparison.againstBase || !isChange) return undefined
  return sameTimeOf(period, comparison.baseYear === undefined ? undefined : Number(comparison.baseYear))
}

/** The label of a figure and its period, when it is not the report's: a target's (see asTarget), or of its clause. */
function spanAndPeriod(
  found: FoundFigure,
  before: string,
  isTarget: boolean,
  reportPeriod: string | undefined
): { start: number; text: string; period: string | undefined } {
  if (isTarget) return asTarget(found, before, reportPeriod)
  if (found.figure.kind === 'date') return { ...found, period: undefined }
  const period = periodOfClause(before, reportPeriod)
  return { ...found, period: comparedLevelPeriod(before, period ?? reportPeriod) ?? period }
}

/**
 * A target's span and period: its bound goes into the label, where it is read (不低于94% is at least
 * 94), and a year that opens its sentence gives its period.
 */
function asTarget(
  found: FoundFigure,
  before: string,
  reportPeriod: string | undefined
): { start: number; text: string; period: string | undefined } {
  const bound = TARGET_BOUNDS.find((word) => before.endsWith(word)) ?? ''
  return { start: found.start - bound.length, text: bound + found.text, period: targetYear(before, reportPeriod) }
}

/** Bounds of a plan's targets, read as part of the figure when they stand right before it. */
const TARGET_BOUNDS = ['不低于', '不高于', '不少于', '不超过']

/**
 * The year a target is for, when its sentence opens with one other than the report's period: a
 * summary of 2023 that closes with 2024年,…不低于94% sets a target for 2024, not for 2023.
 */
function targetYear(before: string, period: string | undefined): string | undefined {
  const sentence = before.slice(Math.max(before.lastIndexOf('。'), before.lastIndexOf('\n')) + 1)
  const year = /^\s*(\d{4})年/.exec(sentence)?.[1]
  return year !== undefined && year !== period ? year : undefined
}

/**
 * The metric of a figure: from the names of a 分别-list, from the figure a
 * list or a change restates (面积比84.2%、同比提升2.2个百分点), or from the
 * words around it.
 */
function guessFor(
  block: BlockText,
  figures: readonly FoundFigure[],
  index: number,
  guessed: ReadonlyArray<UntaggedFigure | undefined>,
  registry: Registry,
  {
    isChange,
    respectively,
    restated: earlierFigure
  }: { isChange: boolean; respectively: RespectivelyReading | undefined; restated: number | undefined }
): { metric: string; confidence: number } | undefined {
  const { start, end, figure } = figures[index] as FoundFigure
  if (respectively?.kind === 'named') {
    const guess = guessMetric(respectively.words, '', figure, registry, { isChange })
    // The names of one list are different things: a name the registry lacks (PM10 beside PM2.5) must
    // not take the metric of another name, which would publish one measure under another's id.
    const taken = guessed.slice(respectively.first, index).some((other) => other?.metric === guess?.metric)
    return taken ? undefined : guess
  }
  const restated = restatedGuess(block, figures, earlierFigure, guessed)
  const earlier = restated?.metric === undefined ? undefined : registry.metrics.get(restated.metric)
  if (restated?.metric !== undefined && earlier && takes(earlier, figure, true))
    return { metric: restated.metric, confidence: restated.confidence }
  return guessMetric(block.text.slice(0, start), block.text.slice(end), figure, registry, {
    ...figureBefore(block.text, figures, index, guessed, registry),
    isChange
  })
}

/** What the figure before a figure tells of its metric: where its own words start, and the metric guessed for it. */
function figureBefore(
  text: string,
  figures: readonly FoundFigure[],
  index: number,
  guessed: ReadonlyArray<UntaggedFigure | undefined>,
  registry: Registry
): { ownWordsFrom?: number; previous?: Metric; adjacentTo?: string } {
  const { start } = figures[index] as FoundFigure
  // 由2023年的84.2%: the year compared with is one of the figure's words, not a figure before it.
  const before = figureBeforeCompared(text, figures, index)
  const previous = figures[before]
  if (!previous) return {}
  const previousGuess = guessed[before]?.metric
  const previousMetric =
    previousGuess !== undefined && sameSentence(text.slice(previous.end, start))
      ? registry.metrics.get(previousGuess)
      : undefined
  return {
    // 15批92件: a figure right after another shares its words.
    ...(previous.end < start && { ownWordsFrom: previous.end }),
    ...(previousMetric && { previous: previousMetric }),
    ...(previous.end === start && previousGuess !== undefined && { adjacentTo: previousGuess })
  }
}

/**
 * The guess of the earlier figure this one restates, by a 分别-list or as its change; of a figure an
 * annotation tags, the metric it names (面积比:fact[93.8%]{metric=…},同比提升2.1个百分点).
 */
function restatedGuess(
  block: BlockText,
  figures: readonly FoundFigure[],
  earlier: number | undefined,
  guessed: ReadonlyArray<UntaggedFigure | undefined>
): Pick<UntaggedFigure, 'metric' | 'confidence'> | undefined {
  if (earlier === undefined) return undefined
  const tagged = block.metrics.get(figures[earlier]?.start ?? -1)
  return guessed[earlier] ?? (tagged === undefined ? undefined : { metric: tagged, confidence: 1 })
}

/**
 * What a draft metric (--stubs) needs of a figure beside its proposal: the words a 分别-list names it
 * by, which do not stand right before it, and the figure it restates, whose metric it takes once
 * that is decided.
 */
function relate(
  figure: UntaggedFigure,
  earlier: number | undefined,
  {
    guessed,
    respectively
  }: { guessed: ReadonlyArray<UntaggedFigure | undefined>; respectively: RespectivelyReading | undefined }
): void {
  if (respectively?.kind === 'named') figure.labelWords = respectively.words
  const restated = earlier === undefined ? undefined : guessed[earlier]
  if (figure.metric === undefined && restated) figure.sameMetricAs = restated.start
}

/** Words of a plan right before a level: 控制在20微克/立方米以内, 保持在98%以上, 力争达到…. */
const PLAN_WORDS = /(?:控制在|保持在|稳定在|达到|力争|确保)$/

/**
 * A level of a period after the report's, with a bound or words of a plan (a summary of 2024 that
 * closes with 2025年，PM2.5年均浓度控制在20微克/立方米以内): a target, since no report publishes the
 * outcome of a year to come.
 */
function planned(
  comparison: Comparison,
  { figure, before, period, reportPeriod }: { figure: Figure; before: string; period?: string; reportPeriod?: string }
): Comparison {
  if (comparison.aspect !== undefined || period === undefined || reportPeriod === undefined) return comparison
  const [own, later] = [parsePeriod(reportPeriod), parsePeriod(period)]
  if (typeof own === 'string' || typeof later === 'string' || !comesBefore(own, later)) return comparison
  return isBound(figure.bound) || PLAN_WORDS.test(before) ? { aspect: 'target', againstBase: false } : comparison
}

/** Each ignore phrase, in the order given, and whether one of its occurrences in the text covers a range. */
function ignoredRanges(
  text: string,
  phrases: readonly string[]
): Array<{ phrase: string; covers: (start: number, end: number) => boolean }> {
  return phrases.flatMap((phrase) => {
    // Occurrences start in increasing order: the one that may cover a range is the last starting at or before it.
    const starts = phraseStarts(text, phrase)
    if (starts.length === 0) return []
    const covers = (start: number, end: number) => {
      let low = 0
      let high = starts.length - 1
      while (low < high) {
        const middle = (low + high + 1) >> 1
        if ((starts[middle] as number) <= start) low = middle
        else high = middle - 1
      }
      const from = starts[low] as number
      return from <= start && end <= from + phrase.length
    }
    return [{ phrase, covers }]
  })
}
