import type { Result } from '../model/result.js'
import { isArabicDigit } from './arabic.js'
import { readDate } from './dates.js'
import { readFraction } from './fraction.js'
import { readMeasured } from './measured.js'
import { readNumberTokens } from './number-token.js'
import { isDigitChar } from './numerals.js'
import { readRankGoal, readUnchanged } from './phrases.js'
import { readProportion } from './proportion.js'
import { rankPrefixOf, readRank } from './rank.js'
import type { FigureProblem } from './types.js'
import { failure, success, type Reading } from './reading.js'
import { reasons } from './reasons.js'
import { readRoundNumber } from './round-number.js'
import { readTenths } from './tenths.js'
import { scaledValue } from './token-value.js'
import { readWaterClass } from './water-class.js'

/** Signs in front of a number: ASCII, the minus sign U+2212 and full-width forms. */
const SIGNS: Readonly<Record<string, number>> = { '-': -1, '−': -1, '－': -1, '+': 1, '＋': 1 }

/** Words that write a percentage before the number: 百分之十五. */
const PERCENT_WORDS = '百分之'

/**
 * One figure, no range and no bound words around it. The forms are tried
 * from the most specific: dates (2025年), ranks (第8), the phrases 持平 and
 * 保十争先, spelled-out percents, fractions (五分之一), water-quality
 * classes, proportions (2：1), round numbers (上千家, 万余人), tenths (九成五), then a number
 * with what follows it. `qualified`: a bound word stood before the text, which
 * a bare scale needs (近万场).
 */
export function readSingle(label: string, text: string, qualified = false): Result<Reading, FigureProblem> {
  const date = readDate(label, text)
  if (date) return date
  const rank = rankPrefixOf(text)
  if (rank) return readRank(label, text, rank)
  const unchanged = readUnchanged(text)
  if (unchanged) return success(unchanged)
  const goal = readRankGoal(label, text)
  if (goal) return goal
  if (text.startsWith(PERCENT_WORDS)) return readPercentWords(label, text)
  const written = readFraction(label, text) ?? readWaterClass(label, text) ?? readProportion(label, text)
  if (written) return written
  const round = readRoundNumber(label, text, qualified) ?? readTenths(text)
  if (round) return round
  const sign = SIGNS[text[0] ?? ''] ?? 0
  const start = sign === 0 ? 0 : 1
  const tokens = readNumberTokens(text, start)
  if (!tokens) return failure(sign === 0 ? noNumberReason(label, text) : reasons.notANumber(label))
  if (!tokens.ok) return tokens
  return readMeasured(label, text, tokens.value, sign)
}

/** 百分之百: the whole, 100%. */
const WHOLE = '百'

function readPercentWords(label: string, text: string): Result<Reading, FigureProblem> {
  const rest = text.slice(PERCENT_WORDS.length)
  if (rest === WHOLE) return success(percentWords(100, 0))
  const tokens = readNumberTokens(rest, 0)
  if (!tokens) return failure(reasons.noNumberAfter(label, PERCENT_WORDS))
  if (!tokens.ok) return tokens
  const token = tokens.value.find((candidate) => candidate.end === rest.length)
  if (!token) return failure(reasons.unknownUnit(label, rest.slice(tokens.value[0]?.end ?? 0)))
  const value = scaledValue(label, token, 0, 1, 1)
  if (!value.ok) return value
  return success(percentWords(value.value, token.form === 'arabic' ? token.fraction : 0 - token.scalePower))
}

function percentWords(value: number, decimals: number): Reading {
  return {
    kind: 'percent',
    value,
    decimals,
    unit: '%',
    displayUnit: PERCENT_WORDS,
    scaleText: '',
    unitText: PERCENT_WORDS
  }
}

/** Tell "no number at all" from "something stands before the number" (PM2.5). */
function noNumberReason(label: string, text: string): string {
  const index = [...text].findIndex((char) => isArabicDigit(char) || isDigitChar(char))
  if (index <= 0) return reasons.noNumber(label)
  return reasons.textBeforeNumber(label, [...text].slice(0, index).join(''))
}
