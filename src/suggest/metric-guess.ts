import { RANK_PLACE_CLASSIFIERS, type Figure } from '../chinese-number/index.js'
import { accepts } from '../extract/fact-value.js'
import type { Registry } from '../model/compiled.js'
import type { Metric } from '../model/schema-types.js'
import { confidenceOf } from './confidence.js'
import { metricsNear } from './phrase-index.js'
import { lastScope, scopeOfLabel, type Scope } from './scope-words.js'

export interface MetricGuess {
  metric: string
  /** The alias (or words of the metric's label) that weighed most, for the reader of a suggestion. */
  alias: string
  /** 0..1: how far the evidence for this metric outweighs that for the next best. */
  confidence: number
}

export interface GuessContext {
  /**
   * Where in `before` the figure's own words start: the end of the figure
   * before it in the sentence. Words before that named the earlier figure
   * (面积比84.2%、…点位比) and weigh less.
   */
  ownWordsFrom?: number
  /** The figure is a change (同比提升…): a percentage is then a relative change, which any number may take. */
  isChange?: boolean
  /**
   * The metric of the figure just before, in the same sentence: a rank
   * after a level ranks it (优良率99.5%、并列全省第一 → the rank by 优良率).
   */
  previous?: Metric
  /** The metric of a figure written right before this one, with nothing between (15批92件). */
  adjacentTo?: string
}

// How far from its figure a metric's phrase may stand, and where a sentence and a clause end.
// Chinese names what is counted before the figure (优良率99.2%) or after its
// measure word (205个超标入河排污口), so both sides are read; the list comma
// 、 does not end a clause before a figure (PM2.5、PM10浓度分别为…).
const reach = 40
const sentenceEnd = /[。;；!?！？\n]/g
const endAfter = /[。;；!?！？,，、\n]/
// 、 lists what one figure counts (围绕环境资源、花园城市…等4个方面): it ends no clause here.
const clauseEnd = /[,，;；:：]/g

/**
 * Words that introduce many metrics, or none: an alias made of them
 * (同比提升, 全国排名) is weak evidence, however long.
 */
const GENERIC_WORDS: readonly string[] = [
  '同比',
  '较上年',
  '比上年',
  '提升',
  '提高',
  '上升',
  '增加',
  '增长',
  '下降',
  '降低',
  '减少',
  '改善',
  '排名',
  '全国',
  '全省',
  '全市',
  '分别',
  '完成',
  '达到',
  '保持',
  '稳定',
  '首次',
  '至',
  '为'
]
const GENERIC_CHAR_WEIGHT = 0.2

// Evidence weighs less the further it stands: at 8 characters, half.
const decay = (distance: number) => 1 / (1 + Math.max(0, distance) / 8)
// Words before an earlier figure of the sentence, the metric's label, and words after a figure without a measure word count less.
const EARLIER_WORDS = 0.15
const LABEL_WORDS = 0.5
const ALIAS_PIECES = 0.5
const AFTER_PLAIN_FIGURE = 0.1
// A metric whose label counts the figure's measure word (…批次 for 12批, …方面数 for 4个方面) weighs more,
// the more so as the word is specific, but only with some evidence of its own; a scope that agrees or disagrees.
const COUNTS_FACTOR = 1.3
const SCOPE_BONUS = 1.5
const SCOPE_MISMATCH = 0.15
const RANKS_PREVIOUS = 2

/**
 * The metric a figure most likely belongs to, with how sure the guess is:
 * every metric whose kind can take a figure of this form is weighed by its
 * aliases (and, more lightly, the words of its label) found near the figure,
 * each by how specific it is and how close it stands; a scope word (全省)
 * rules out metrics of another scope. A metric whose label counts the
 * figure's measure word (…批次 for 12批, …件数 for 92件) is preferred.
 */
export function guessMetric(
  before: string,
  after: string,
  figure: Figure,
  registry: Registry,
  context: GuessContext = {}
): MetricGuess | undefined {
  const window = before.slice(-reach)
  let cut = -1
  for (const match of window.matchAll(sentenceEnd)) cut = match.index
  const left = window.slice(cut + 1)
  // A figure's own words start after the figure before it and after the last clause mark: the words
  // between 43名 and the comma (干部职级晋升) say what 43名 counts, not what the next figure is.
  const ownFrom = Math.max(0, (context.ownWordsFrom ?? 0) - (before.length - left.length), lastClauseEnd(left) + 1)
  const right = after.slice(0, reach).split(endAfter)[0] ?? ''
  const scope = lastScope(left)

  const around: Near = { left, right, ownFrom, scope, figure, context }
  const scored: Array<{ metric: string; alias: string; score: number }> = []
  const near = metricsNear(registry, [left, right, figure.displayUnit])
  for (const [id, metric] of registry.metrics) {
    // Without a word of its own near the figure, a metric could only gain from a rank's bonus.
    if (!near.has(id) && !(metric.kind === 'rank' && context.previous)) continue
    if (!takes(metric, figure, context.isChange === true)) continue
    const { score, alias } = weigh(id, metric, around)
    if (score > 0) scored.push({ metric: id, alias, score })
  }
  scored.sort((a, b) => b.score - a.score)
  const [first, second] = scored
  if (!first) return undefined
  return { metric: first.metric, alias: first.alias, confidence: confidenceOf(first.score, second?.score ?? 0) }
}

/** The text around a figure, read once for all metrics. */
interface Near {
  left: string
  right: string
  ownFrom: number
  scope: Scope | undefined
  figure: Figure
  context: GuessContext
}

/** The evidence for one metric, and the phrase that weighed most. */
function weigh(id: string, metric: Metric, near: Near): { score: number; alias: string } {
  const { figure, context, scope } = near
  const alias = aliasEvidence(metric, near)
  const label = labelEvidence(metric, near)
  let score = alias.score + label.score * LABEL_WORDS
  if (score > 0 && counts(metric, figure)) score = score * COUNTS_FACTOR + specificClassifier(figure)
  if (metric.kind === 'rank' && context.previous && ranks(metric, context.previous)) score += RANKS_PREVIOUS
  // 15批92件: two figures written together are two measures of one thing, never the same metric twice.
  if (id === context.adjacentTo) score *= SCOPE_MISMATCH
  const own = scopeOfLabel(metric.label.zh)
  if (scope !== undefined && own !== undefined) score = own === scope ? score + SCOPE_BONUS : score * SCOPE_MISMATCH
  return { score, alias: alias.score >= label.score * LABEL_WORDS ? alias.words : label.words }
}

function aliasEvidence(metric: Metric, { left, right, ownFrom, figure }: Near): { score: number; words: string } {
  let best = { words: '', score: 0 }
  const consider = (words: string, score: number) => {
    if (score > best.score) best = { words, score }
  }
  for (const alias of metric.aliases ?? []) {
    const at = left.lastIndexOf(alias)
    if (at !== -1) consider(alias, weight(alias) * nearness(left, at + alias.length, ownFrom))
    // A part of an alias (水库水质 of 水库水质稳定保持) is weaker evidence.
    else {
      const pieces = pieceEvidence(alias, 3, (piece) => {
        const found = left.lastIndexOf(piece)
        return found === -1 ? undefined : nearness(left, found + piece.length, ownFrom)
      })
      consider(pieces.words, pieces.score * ALIAS_PIECES)
    }
    // The measure word may itself name what is counted: 4个方面.
    if (alias.length >= 2 && figure.displayUnit.includes(alias)) consider(alias, weight(alias))
    // After a measure word comes what is counted: 43名干部职级晋升.
    const ahead = right.indexOf(alias)
    if (ahead !== -1)
      consider(alias, weight(alias) * (countsWhatFollows(figure) ? decay(ahead - 2) : AFTER_PLAIN_FIGURE))
  }
  return best
}

function labelEvidence(metric: Metric, { left, right, ownFrom, figure }: Near): { score: number; words: string } {
  const before = pieceEvidence(metric.label.zh, 2, (piece) => {
    const at = left.lastIndexOf(piece)
    return at === -1 ? undefined : nearness(left, at + piece.length, ownFrom)
  })
  if (!countsWhatFollows(figure)) return before
  // After a measure word, the label may follow too: 43名干部职级晋升.
  const after = pieceEvidence(metric.label.zh, 2, (piece) => {
    const at = right.indexOf(piece)
    return at === -1 ? undefined : decay(at - 2)
  })
  return after.score > before.score ? after : before
}

/** Whether a metric can take the figure: its kind accepts the form, or the figure is a change it can be. */
export function takes(metric: Metric, figure: Figure, isChange: boolean): boolean {
  if (accepts[metric.kind].includes(figure.kind)) return true
  // 上升4位: places counted are a change of a rank.
  if (metric.kind === 'rank' && figure.kind === 'count')
    return isChange && RANK_PLACE_CLASSIFIERS.includes(figure.classifier ?? '')
  // 同比改善10.3%: a percentage of change fits any metric with a number.
  return isChange && figure.kind === 'percent' && metric.kind !== 'date' && metric.kind !== 'class'
}

/** Whether what the figure measures may follow it: after a measure word or unit (205个超标入河排污口, 4675亩果林清退), or a date. */
export function countsWhatFollows(figure: Figure): boolean {
  if (figure.kind === 'date') return true
  return figure.displayUnit !== '' && figure.kind !== 'percent' && figure.kind !== 'percentage-point'
}

/** A measure word of two characters or more (家次, 批次) is evidence in itself; 个, 件 and 项 count anything. */
function specificClassifier(figure: Figure): number {
  const classifier = figure.classifier ?? ''
  return classifier.length >= 2 ? weight(classifier) : 0
}

function counts(metric: Metric, figure: Figure): boolean {
  const { classifier } = figure
  const label = metric.label.zh
  return (
    classifier !== undefined &&
    (label.endsWith(classifier) || label.includes(`${classifier}数`) || label.endsWith(`${classifier}次`))
  )
}

/** How specific a phrase is: its characters, those of generic words counting little. */
function weight(phrase: string): number {
  const generic = new Array<boolean>(phrase.length).fill(false)
  for (const word of GENERIC_WORDS)
    for (let at = phrase.indexOf(word); at !== -1; at = phrase.indexOf(word, at + 1))
      for (let index = at; index < at + word.length; index += 1) generic[index] = true
  return generic.reduce((sum, isGeneric) => sum + (isGeneric ? GENERIC_CHAR_WEIGHT : 1), 0)
}

/** The weight of evidence ending at `end` of `left`: by its distance to the figure, less before an earlier figure. */
function nearness(left: string, end: number, ownFrom: number): number {
  return decay(left.length - end) * (end <= ownFrom ? EARLIER_WORDS : 1)
}

/** Whether a rank's label names what another metric measures: 空气质量优良率全省排名 ranks 优良率. */
function ranks(rank: Metric, measured: Metric): boolean {
  if (measured.kind === 'rank') return false
  return (measured.aliases ?? []).some((alias) => weight(alias) >= 2 && rank.label.zh.includes(alias))
}

/**
 * The parts of a phrase (a label, an alias) found near the figure, as
 * evidence: each longest piece of `minimum` characters or more that
 * `nearnessOf` finds, weighed like an alias by how near it stands, and the
 * sum scaled by the share of the phrase found, so that a label found whole
 * outweighs one of which only a common word (断面) stands in the text.
 */
function pieceEvidence(
  phrase: string,
  minimum: number,
  nearnessOf: (piece: string) => number | undefined
): { score: number; words: string } {
  let score = 0
  let covered = 0
  const pieces: string[] = []
  let from = 0
  while (from <= phrase.length - minimum) {
    let found: { piece: string; nearness: number } | undefined
    for (let size = phrase.length - from; size >= minimum && !found; size -= 1) {
      const piece = phrase.slice(from, from + size)
      const nearness = nearnessOf(piece)
      if (nearness !== undefined) found = { piece, nearness }
    }
    if (!found) {
      from += 1
      continue
    }
    score += weight(found.piece) * found.nearness
    covered += found.piece.length
    pieces.push(found.piece)
    from += found.piece.length
  }
  return { score: phrase.length === 0 ? 0 : (score * covered) / phrase.length, words: pieces.join('…') }
}

function lastClauseEnd(text: string): number {
  let cut = -1
  for (const match of text.matchAll(clauseEnd)) cut = match.index
  return cut
}
