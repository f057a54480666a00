import type { Nodes, Root } from 'mdast'
import type { Point } from 'unist'
import { visit } from 'unist-util-visit'
import type { Figure } from '../chinese-number/index.js'
import { previousPeriod } from '../model/period.js'
import { blockText, sourceOffset, type BlockText } from './block-text.js'
import { findFigures } from './find-figures.js'
import { spansOf } from '../model/spans.js'
import { phraseStarts } from '../model/phrases.js'
import { guessAspect, guessMetric } from './metric-guess.js'
import type { Registry } from '../model/compiled.js'

/** A figure in the text that no annotation covers, with the annotation factmark proposes for it. */
export interface UntaggedFigure {
  start: Point
  end: Point
  /** The figure as printed: the label to wrap. */
  text: string
  figure: Figure
  /** The metric guessed from the registry's aliases, if any. */
  metric?: string
  /** `:fact[...]{metric=...}`, ready to paste over the figure. */
  proposal: string
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
  /** Source spans of broken annotations, whose figures other diagnostics already explain. */
  skip?: ReadonlyArray<[number, number]>
}

export interface UntaggedResult {
  untagged: UntaggedFigure[]
  /** Ignore phrases that covered at least one figure. */
  usedIgnores: Set<string>
}

/** Every figure of the text outside fact annotations and deliberate ignores, in document order. */
export function findUntagged(options: UntaggedOptions): UntaggedResult {
  const untagged: UntaggedFigure[] = []
  const usedIgnores = new Set<string>()
  const skipped = spansOf(options.skip ?? [])
  visit(options.tree, (node, index, parent) => {
    // A table's header row names its columns (2024年, 2025年): it labels the figures below it and is
    // no figure to tag. Every other cell is read like a paragraph.
    if (node.type === 'tableRow' && parent?.type === 'table' && index === 0) return 'skip'
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return
    const block = blockText(node, options.source, options.isFact)
    const tagged = spansOf(block.tagged)
    const ignored = ignoredRanges(block.text, options.ignore ?? [])
    for (const found of findFigures(block.text)) {
      if (tagged.overlaps(found.start, found.end)) continue
      const covering = ignored.find((phrase) => phrase.covers(found.start, found.end))
      if (covering) {
        usedIgnores.add(covering.phrase)
        continue
      }
      const figure = describe(block, found.start, found.end, found.text, found.figure, options)
      if (skipped.covers(figure.start.offset ?? 0)) continue
      untagged.push(figure)
    }
    return 'skip'
  })
  return { untagged, usedIgnores }
}

function describe(
  block: BlockText,
  start: number,
  end: number,
  text: string,
  figure: Figure,
  options: UntaggedOptions
): UntaggedFigure {
  const before = block.text.slice(0, start)
  const guess = options.registry ? guessMetric(before, block.text.slice(end), figure, options.registry) : undefined
  const aspect = guessAspect(before, figure)
  const attributes = [`metric=${guess?.metric ?? '?'}`]
  if (aspect) attributes.push(`aspect=${aspect}`)
  const base =
    options.period && /同比|较上年|比上年/.test(before.slice(-8)) ? previousPeriod(options.period) : undefined
  if (base && (aspect === 'increase' || aspect === 'decrease')) attributes.push(`base=${base}`)
  const result: UntaggedFigure = {
    start: options.toPoint(sourceOffset(block, start)),
    end: options.toPoint(sourceOffset(block, end - 1) + 1),
    text,
    figure,
    proposal: `:fact[${text}]{${attributes.join(' ')}}`
  }
  if (guess) result.metric = guess.metric
  return result
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
