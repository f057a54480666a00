import { readFigure, type Figure } from '../chinese-number/index.js'
import { labelLimit, mayEndAt, mayStartAt } from './label-chars.js'
import { isSuggestedLabel } from './label-rules.js'
import { lookAlikeSpans } from './look-alikes.js'
import { nameSpans } from './names.js'
import { phraseStarts } from '../model/phrases.js'

export interface FoundFigure {
  /** Offset in `text`, UTF-16 code units. */
  start: number
  /** Exclusive. */
  end: number
  /** `text.slice(start, end)`: exactly the label an editor would wrap in :fact[...]. */
  text: string
  /** `readFigure(text)` of that label. */
  figure: Figure
}

export interface FindOptions {
  /** Phrases the report marks as deliberately untagged: a figure inside any occurrence of one is not returned. */
  ignore?: readonly string[]
}

/**
 * Every figure printed in `text`, in text order, never overlapping: the span
 * an editor would wrap, without the words around it (第8 in 排名第8, 六年 in
 * 连续六年). At each place a figure may start, the longest label that
 * `readFigure` reads wins, so that 2025年11月 is one figure and 15批92件 two;
 * a label overlapping a built-in name (十四五, PM2.5, “…”) or a look-alike
 * (［24］, 九市一区, 两个大局) is not a figure.
 */
export function findFigures(text: string, options: FindOptions = {}): FoundFigure[] {
  // The names are looked for once a figure may start: most blocks of a report hold no figure at all.
  let covered: Overlaps | undefined
  const named: Overlaps = (start, end) =>
    (covered ??= coverage(text.length, [...nameSpans(text), ...lookAlikeSpans(text)]))(start, end)
  const found: FoundFigure[] = []
  let position = 0
  while (position < text.length) {
    const figure =
      mayStartAt(text, position) && !named(position, position + 1) ? figureAt(text, position, named) : undefined
    if (figure) found.push(figure)
    position = figure ? figure.end : position + 1
  }
  const ignored = phraseSpans(text, options.ignore ?? [])
  return found.filter((figure) => !ignored.some((span) => span.start <= figure.start && figure.end <= span.end))
}

type Overlaps = (start: number, end: number) => boolean

function figureAt(text: string, start: number, named: Overlaps): FoundFigure | undefined {
  for (let end = labelLimit(text, start); end > start; end -= 1) {
    if (!mayEndAt(text, end) || named(start, end)) continue
    const label = text.slice(start, end)
    const result = readFigure(label)
    if (result.ok && isSuggestedLabel(label, result.value, text[end] ?? ''))
      return { start, end, text: label, figure: result.value }
  }
  return undefined
}

/** Whether [start, end) overlaps any span, in constant time: a running count of covered units. */
function coverage(length: number, spans: ReadonlyArray<{ start: number; end: number }>): Overlaps {
  const depth = new Int32Array(length + 1)
  for (const span of spans) {
    depth[span.start] = (depth[span.start] ?? 0) + 1
    depth[span.end] = (depth[span.end] ?? 0) - 1
  }
  const covered = new Int32Array(length + 1)
  let open = 0
  for (let index = 0; index < length; index += 1) {
    open += depth[index] ?? 0
    covered[index + 1] = (covered[index] ?? 0) + (open > 0 ? 1 : 0)
  }
  return (start, end) => (covered[end] ?? 0) - (covered[start] ?? 0) > 0
}

/** Every occurrence of every phrase, overlapping occurrences included. */
function phraseSpans(text: string, phrases: readonly string[]): Array<{ start: number; end: number }> {
  return phrases.flatMap((phrase) => phraseStarts(text, phrase).map((at) => ({ start: at, end: at + phrase.length })))
}
