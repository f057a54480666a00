import type { RespectivelyReading } from './respectively.js'

/** Where a figure stands in the text it is read from. */
interface Span {
  start: number
  end: number
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
  const previous = figures[index - 1]
  const { start } = figures[index] as Span
  return isChange && previous && restatesPrevious(text.slice(previous.end, start)) ? index - 1 : undefined
}

/**
 * Whether a change restates the figure just before it: only words of
 * comparison stand between them, in one sentence (面积比84.2%、同比提升2.2个百分点,
 * but not 优良率99.5%,优级率同比上升…).
 */
function restatesPrevious(between: string): boolean {
  if (!sameSentence(between)) return false
  return !/[\u4e00-\u9fff]/.test(between.replace(COMPARISON_WORDS, ''))
}

const COMPARISON_WORDS = /同比|较上年|比上年|与上年|分别|[提上]升|提高|增加|增长|下降|降低|减少|改善|恶化|相比|基本/g

/** Whether no sentence ends in the text between two figures. */
export function sameSentence(between: string): boolean {
  return !/[。;；!?！？\n]/.test(between)
}
