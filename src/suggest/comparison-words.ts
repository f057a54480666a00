import type { Figure } from '../chinese-number/index.js'
import { sameTimeOf } from '../model/period.js'
import { sentenceSoFar } from './sentence.js'

/** The aspect words before a figure give it; `level` (the default) is never proposed. */
export type ProposedAspect = 'start' | 'target' | 'increase' | 'decrease' | 'improve' | 'worsen'

/** Whether an aspect is a change from a base: a start or a target is a level of its own. */
export function isChangeAspect(aspect: ProposedAspect | undefined): boolean {
  return aspect !== undefined && aspect !== 'start' && aspect !== 'target'
}

/**
 * Words that compare a figure with the period before (同比, 较上年): with them
 * a change gets `base=` the previous period. README's table "How the words of
 * a comparison become a signed value" says how the compiler reads each.
 */
const BASE_WORDS: readonly string[] = ['同比', '较上年', '比上年', '与上年', '较去年', '比去年', '与去年']

/**
 * Verbs of change, as the aspect they give. 改善 and 恶化 leave the sign to
 * the metric's `better` (an index falls as it improves); the others say the
 * direction of the number itself: a rank 上升4位 is `increase`, which the
 * compiler reads as a fall of the place number.
 */
// prettier-ignore
const DIRECTION_WORDS: ReadonlyArray<{ word: string; aspect: ProposedAspect }> = [
  { word: '改善', aspect: 'improve' },
  { word: '好转', aspect: 'improve' },
  { word: '恶化', aspect: 'worsen' },
  { word: '变差', aspect: 'worsen' },
  { word: '提升', aspect: 'increase' },
  { word: '提高', aspect: 'increase' },
  { word: '上升', aspect: 'increase' },
  { word: '增加', aspect: 'increase' },
  { word: '增长', aspect: 'increase' },
  { word: '增幅', aspect: 'increase' },
  { word: '下降', aspect: 'decrease' },
  { word: '降低', aspect: 'decrease' },
  { word: '减少', aspect: 'decrease' },
  { word: '下滑', aspect: 'decrease' },
  { word: '降幅', aspect: 'decrease' }
]

/** Bounds written before a figure of a plan: 优良率不低于99.2%. */
const TARGET_WORDS: readonly string[] = ['不低于', '不高于', '不少于', '不超过', '力争']

/** Headings of a plan's list of targets: every figure after them and their colon, to the end of the sentence, is a target. */
const TARGET_LIST_WORDS: readonly string[] = ['主要指标', '主要目标', '预期目标']

export interface Comparison {
  aspect?: ProposedAspect
  /** Whether the words compare with the period before, so that the change gets `base=`. */
  againstBase: boolean
  /** The year the words compare with, when they name it (与2024年相比, 较2024年): the change's base. */
  baseYear?: string
}

// The comparison words stand in the clause of the figure, a few characters before it:
// 同比分别提升7.5个百分点和9.1个百分点 reaches the second figure across the first.
const reach = 16
const clauseEnd = /[。;；!?！？,，:：\n]/g

/**
 * What the words before a figure say about it: 由50% is where a change
 * starts, 不低于99.2% a target, 同比提升2.1个百分点 an increase on the year
 * before. A percentage-point figure after a verb of change is a change even
 * without 同比; any other figure needs the comparison word, since 提升至66.7%
 * is a level.
 */
export function readComparison(before: string, figure: Figure, inTargetList = false): Comparison {
  const near = clause(before)
  const compared = comparisonBefore(before)
  const againstBase = compared !== undefined
  const base = { againstBase, ...(compared?.year !== undefined && { baseYear: compared.year }) }
  if (/由$/.test(near)) return { aspect: 'start', againstBase: false }
  if (TARGET_WORDS.some((word) => near.endsWith(word))) return { aspect: 'target', againstBase: false }
  if (inTargetList) return { aspect: 'target', againstBase: false }
  if (figure.kind === 'unchanged') return base
  if (figure.kind !== 'percentage-point' && !againstBase) return { againstBase: false }
  const direction = lastDirection(near)?.aspect
  return direction ? { aspect: direction, ...base } : { againstBase: false }
}

/**
 * The words before a figure that compare it with an earlier period: a year named (与2024年相比,
 * 较2024年, 比2024年同期, as `year`), anywhere in its sentence before it, as the comparison may open
 * the sentence a clause before the figure; or a word of its clause that means the period before (同比,
 * 比上年). Undefined when there are none.
 */
export function comparisonBefore(before: string): { word: string; year?: string } | undefined {
  const sentence = sentenceSoFar(before.slice(-2 * reach))
  const named = [...sentence.matchAll(/(?:与|较|比)(\d{4})年/g)].at(-1)
  if (named?.[1] !== undefined) return { word: named[0], year: named[1] }
  const near = clause(before)
  const word = BASE_WORDS.find((candidate) => near.includes(candidate))
  return word === undefined ? undefined : { word }
}

/**
 * Where a plan's list of targets stands in a paragraph, [start, end): from its heading word and
 * colon (主要指标：) to the end of that sentence; [Infinity, Infinity] when there is none. 主要指标如下
 * and 主要指标完成情况 open outcomes, not targets. Found once per paragraph, so that asking for each
 * figure costs nothing however long it is.
 */
export function targetListSpan(paragraph: string): [number, number] {
  let start = Infinity
  for (const word of TARGET_LIST_WORDS) {
    for (let at = paragraph.indexOf(word); at !== -1; at = paragraph.indexOf(word, at + 1)) {
      const colon = /^\s*[：:]/.exec(paragraph.slice(at + word.length, at + word.length + 4))
      if (colon) start = Math.min(start, at + word.length + colon[0].length)
    }
  }
  if (start === Infinity) return [Infinity, Infinity]
  // A list of targets goes on past its semicolons: …不低于84.8%;危险废物处置利用率100%。
  const end = paragraph.slice(start).search(/[。！？!?\n]/)
  return [start, end === -1 ? paragraph.length : start + end]
}

function clause(before: string): string {
  const near = before.slice(-reach)
  let cut = -1
  for (const match of near.matchAll(clauseEnd)) cut = match.index
  return near.slice(cut + 1)
}

/**
 * The verb of change in the clause right before a figure (同比下降 before 2.1个百分点), as the
 * aspect it gives; undefined when the clause has none.
 */
export function directionBefore(before: string): { word: string; aspect: ProposedAspect } | undefined {
  return lastDirection(clause(before))
}

/** The verb of change nearest the figure; 提升至 and 提升为 name the level reached, not a change. */
function lastDirection(near: string): { word: string; aspect: ProposedAspect } | undefined {
  let found: { at: number; word: string; aspect: ProposedAspect } | undefined
  for (const { word, aspect } of DIRECTION_WORDS) {
    const at = near.lastIndexOf(word)
    if (at === -1 || /^[至为到]/.test(near.slice(at + word.length))) continue
    if (!found || at > found.at) found = { at, word, aspect }
  }
  return found && { word: found.word, aspect: found.aspect }
}

/** Words right before a level of the period a change is measured from: 较2023年的, 比上年（, 从上年的, 由2023年的. */
const COMPARED_LEVEL = /(?:较|比|与|从|由)(?:(\d{4})年|上年|去年)(?:同期)?(?:的|[（(])$/

/** The words before a level a change is measured from, as `before` ends with them (see COMPARED_LEVEL). */
export function comparedLevelWords(before: string): RegExpExecArray | null {
  return COMPARED_LEVEL.exec(before.slice(-12))
}

/**
 * The period of a level printed as what a change is measured from (较2023年的2.61改善10.3%, 比上年（99.7%）
 * 下降0.2个百分点, 从上年的第7名上升至第3名): the year named, else the same part of the year before
 * `period`, the figure's clause's or the report's. Undefined for any other figure.
 */
export function comparedLevelPeriod(before: string, period: string | undefined): string | undefined {
  const match = comparedLevelWords(before)
  if (!match) return undefined
  return match[1] ?? (period === undefined ? undefined : sameTimeOf(period))
}
