import { readNumberTokens, tokenInteger } from './number-token.js'
import { failure, success, type Reading } from './reading.js'
import { reasons } from './reasons.js'
import type { Bound, FigureProblem } from './types.js'
import type { Result } from '../model/result.js'

interface UnchangedPhrase {
  text: string
  /** 基本持平 is "about the same": the change is about zero, not zero. */
  bound?: Bound
}

/**
 * Words that state a change of zero without a digit: 与上年持平 ("level with the year before").
 * Longest first.
 */
// prettier-ignore
const UNCHANGED_PHRASES: readonly UnchangedPhrase[] = [
  { text: '基本持平', bound: 'about' },
  { text: '持平' }
]

/** 持平 and 基本持平: a change of zero, in no unit of its own. */
export function readUnchanged(text: string): Reading | undefined {
  const phrase = UNCHANGED_PHRASES.find((candidate) => candidate.text === text)
  if (!phrase) return undefined
  const reading: Reading = {
    kind: 'unchanged',
    value: 0,
    // Nothing is written, so nothing is rounded: the figure has no places of its own.
    decimals: 0,
    unit: '1',
    displayUnit: '',
    scaleText: '',
    unitText: ''
  }
  if (phrase.bound) reading.bound = phrase.bound
  return reading
}

/**
 * A ranking goal of plans, 保X争Y ("hold X, strive for Y"): 保十争先 is "stay in the top ten, aim
 * for first", a rank of at most X. Y is a better place than X (a smaller number, or 先 for first).
 */
const RANK_GOAL = /^保(.+)争(.+)$/u

/** The words of 保X争Y that are not places: the one it opens with, and first place (保十争先). */
export const RANK_GOAL_WORDS = { hold: '保', first: '先' } as const

const FIRST = RANK_GOAL_WORDS.first

export function readRankGoal(label: string, text: string): Result<Reading, FigureProblem> | undefined {
  const match = RANK_GOAL.exec(text)
  if (!match) return undefined
  const [, hold = '', strive = ''] = match
  const held = wholeNumber(hold)
  const aimed = strive === FIRST ? 1 : wholeNumber(strive)
  if (held === undefined || aimed === undefined) return undefined
  if (held < 1 || aimed < 1 || aimed > held) return failure(reasons.rankGoal(label))
  return success({
    kind: 'rank',
    value: held,
    decimals: 0,
    unit: '1',
    displayUnit: '',
    scaleText: '',
    unitText: '',
    bound: 'at-most'
  })
}

function wholeNumber(text: string): number | undefined {
  const tokens = readNumberTokens(text, 0)
  if (!tokens?.ok) return undefined
  const token = tokens.value.find((candidate) => candidate.end === text.length)
  return token && tokenInteger(token)
}
