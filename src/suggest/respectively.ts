/**
 * Lists with 分别 give their figures in the order of the things named:
 * 昼间、夜间达标率分别为100%、86.2% names before 分别 what each figure
 * measures; 面积比91.7%、点位比95.5%,同比分别提升7.5个百分点和9.1个百分点
 * names nothing before 分别, and each change restates, in order, a figure
 * already given in the sentence.
 */
export type RespectivelyReading =
  /** The words that name this figure's metric, to guess it from alone, and the index of the list's first figure. */
  | { kind: 'named'; words: string; first: number }
  /** The index of the earlier figure whose metric this one takes. */
  | { kind: 'restated'; figure: number }

interface Span {
  start: number
  end: number
}

const sentenceEnd = /[。;；!?！？\n]/
const clauseEnd = /[。;；!?！？,，:：\n]/
// What may stand between the figures of one list: 100%、86.2%; 7.5个百分点和9.1个百分点.
const listGlue = /^\s*(?:[、,，]|和|及|与|以及)\s*$/
const nameSeparators = /、|和|及|与/

/** How the figure at `index` of the block's figures (in text order) reads in a 分别-list, if it stands in one. */
export function readRespectively(
  text: string,
  figures: readonly Span[],
  index: number
): RespectivelyReading | undefined {
  const figure = figures[index]
  if (!figure) return undefined
  // The list: this figure and those just before it, joined by list words, after 分别…
  let first = index
  while (first > 0 && listGlue.test(text.slice((figures[first - 1] as Span).end, (figures[first] as Span).start)))
    first -= 1
  const opening = text.slice(clauseStart(text, (figures[first] as Span).start), (figures[first] as Span).start)
  const at = opening.lastIndexOf('分别')
  if (at === -1) return undefined
  let last = index
  while (
    last + 1 < figures.length &&
    listGlue.test(text.slice((figures[last] as Span).end, (figures[last + 1] as Span).start))
  )
    last += 1
  const count = last - first + 1
  const position = index - first
  if (count < 2) return undefined

  // …and the names before 分别, in the same clause.
  const namesEnd = (figures[first] as Span).start - opening.length + at
  const names = text
    .slice(clauseStart(text, namesEnd), namesEnd)
    .split(nameSeparators)
    .filter((name) => name !== '')
  if (names.length === count) {
    // 昼间、夜间达标率: the last name carries the words all share; a short head (2 characters, 昼间/夜间) differs.
    const own = names[position] as string
    const lastName = names[count - 1] as string
    const words = position === count - 1 ? own : own + lastName.slice(Math.min(2, lastName.length))
    return { kind: 'named', words, first }
  }

  // No names: the list restates the figures given before it in the sentence, as many and in the same order.
  const sentenceStart = lastIndexOf(text.slice(0, namesEnd), sentenceEnd) + 1
  const earlier = figures.slice(0, first).filter((span) => span.start >= sentenceStart)
  if (earlier.length < count) return undefined
  return { kind: 'restated', figure: first - count + position }
}

function clauseStart(text: string, end: number): number {
  return lastIndexOf(text.slice(0, end), clauseEnd) + 1
}

function lastIndexOf(text: string, pattern: RegExp): number {
  for (let at = text.length - 1; at >= 0; at -= 1) if (pattern.test(text[at] as string)) return at
  return -1
}
