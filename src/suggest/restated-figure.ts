import type { Figure } from '../chinese-number/index.js'
import { timeOpening } from './clause-period.js'
import { comparedLevelWords } from './comparison-words.js'
import type { RespectivelyReading } from './respectively.js'
import { clauseSoFar } from './sentence.js'

/** Where a figure stands in the text it is read from, and what it reads as where that is known. */
interface Span {
  start: number
  end: number
  figure?: Figure
}

/** The earlier figure of the block whose metric this one takes, by a 分别-list or as its change (see restatedGuess). */
export function restatedFigure(
  text: string,
  figures: readonly Span[],
  index: number,
  respectively: RespectivelyReading | undefined,
  isChange: boolean
): number | undefined {
  if (respectively?.kind === 'restated') return respectively.figure
  if (!isChange)
    return elidedFrom(text, figures, index) ?? comparedFrom(text, figures, index) ?? reachedFrom(text, figures, index)
  const { start } = figures[index] as Span
  // The year a change is compared with (与2024年相比) is one of its words, not the figure it restates.
  const previous = figureBeforeCompared(text, figures, index)
  const earlier = figures[previous]
  return earlier && restatesPrevious(text.slice(earlier.end, start)) ? previous : undefined
}

/**
 * The index of the figure before a figure, past the years it is compared with (与2024年相比,
 * 由2023年的84.2%), which are its words and no figure before it; -1 when there is none.
 */
export function figureBeforeCompared(text: string, figures: readonly Span[], index: number): number {
  let before = index - 1
  while (before >= 0 && comparedYear(text, figures[before] as Span)) before--
  return before
}

/** Whether a figure is a year a change is compared with: 与2024年, 较2024年, 由2023年的. */
function comparedYear(text: string, span: Span): boolean {
  if (!/[与较比由从]$/.test(text.slice(Math.max(0, span.start - 1), span.start))) return false
  return /^\d{4}年$/.test(text.slice(span.start, span.end))
}

/** The verb of a clause that says only when: 上年为97.0%, 1—11月达99.1%. */
const ELIDED = /^\s*(?:则|仅|也|亦|均)?(?:为|是|达到?|约为?)\s*$/

/**
 * The earlier figure whose metric a level takes when its clause names only a time, and the
 * sentence the thing measured (优良率为98.5%，上年为97.0%; 一月为98.5%，十二月为97.0%): the last
 * figure of the sentence before it that is no time itself.
 */
function elidedFrom(text: string, figures: readonly Span[], index: number): number | undefined {
  const { start } = figures[index] as Span
  const clause = clauseSoFar(text.slice(Math.max(0, start - 32), start))
  if (!ELIDED.test(clause.slice(timeOpening(clause)))) return undefined
  return lastLevelBefore(text, figures, index)
}

/** The level of the sentence a level of the period compared with is of (2.34 of 2.34,较2023年的2.61). */
function comparedFrom(text: string, figures: readonly Span[], index: number): number | undefined {
  const { start } = figures[index] as Span
  if (!comparedLevelWords(text.slice(Math.max(0, start - 12), start))) return undefined
  return lastLevelBefore(text, figures, index)
}

/** The words between where a level starts and where it ends up: 由84.2%提升至91.7%, 从第7名上升至第3名. */
const REACHED = /^\s*[)）]?\s*(?:提升|提高|上升|增加|增长|下降|降低|减少|改善|回落)?(?:至|到)$/

/** The start a level reached restates (84.2% of 由84.2%提升至91.7%): the figure right before it. */
function reachedFrom(text: string, figures: readonly Span[], index: number): number | undefined {
  const { start } = figures[index] as Span
  const earlier = lastLevelBefore(text, figures, index)
  const span = earlier === undefined ? undefined : figures[earlier]
  return span && REACHED.test(text.slice(span.end, start)) ? earlier : undefined
}

/** The last figure of the sentence before a figure that is no time itself. */
function lastLevelBefore(text: string, figures: readonly Span[], index: number): number | undefined {
  const { start } = figures[index] as Span
  for (let earlier = index - 1; earlier >= 0; earlier--) {
    const span = figures[earlier] as Span
    if (!sameSentence(text.slice(span.end, start))) return undefined
    if (!isTime(span.figure)) return earlier
  }
  return undefined
}

/** A figure that says when (2024年, 第一季度, 五年 of 五年来), which a level of the sentence does not restate. */
function isTime(figure: Figure | undefined): boolean {
  if (figure === undefined) return false
  return figure.kind === 'date' || (figure.kind === 'rank' && figure.classifier === '季度') || figure.unit === 'a'
}

/**
 * Whether a change restates the figure just before it: only words of
 * comparison stand between them, in one sentence (面积比84.2%、同比提升2.2个百分点,
 * but not 优良率99.5%,优级率同比上升…). A digit between is a figure left
 * unannotated, which is the one before it, as a run over the plain text finds.
 */
function restatesPrevious(between: string): boolean {
  if (!sameSentence(between)) return false
  return !/[\u4e00-\u9fff0-9\uff10-\uff19]/.test(between.replace(COMPARISON_WORDS, ''))
}

const COMPARISON_WORDS =
  /同比|较上年|比上年|与上年|[与较比]\d{4}年(?:同期)?|分别|[提上]升|提高|增加|增长|下降|降低|减少|改善|恶化|相比|基本/g

/** Whether no sentence ends in the text between two figures. */
export function sameSentence(between: string): boolean {
  return !/[。;；!?！？\n]/.test(between)
}
