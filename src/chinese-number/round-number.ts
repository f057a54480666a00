import type { Result } from '../model/result.js'
import { PREFIX_BOUNDS } from './bounds.js'
import { readMeasured } from './measured.js'
import { readNumberTokens } from './number-token.js'
import { failure, success, type Reading } from './reading.js'
import { reasons } from './reasons.js'
import { SCALES } from './scales.js'
import type { FigureProblem } from './types.js'

/**
 * A scale word standing for its own round number, as reports write approximate counts: 近万场
 * (about ten thousand), 上千家 (upwards of a thousand), 万余人 (ten thousand and more). The scale
 * alone is no number (万家灯火, 老百姓): it takes one only with a word that says how near.
 */

/** Written before the scale, "upwards of": 上千家, 上万人, 上亿元. */
const UPWARDS = { text: '上', bound: 'at-least' } as const

/** Every word a round number may open with: 上, and the bound words (近万场, 逾千人, 超百亿元). */
export const ROUND_PREFIXES: readonly string[] = [UPWARDS.text, ...PREFIX_BOUNDS.map((word) => word.text)]

/** Scales that stand alone, longest first; not 十, which is a numeral already (近十个 is 10). */
export const ROUND_SCALES: readonly string[] = SCALES.map((scale) => scale.text).filter(
  (text) => !text.startsWith('十')
)

/**
 * Words that make a count vague, with no value to publish: 数百个 (several hundred), 几十家 (some
 * tens), 成千上万 (thousands upon thousands).
 */
const VAGUE_WORDS: readonly string[] = ['数', '几', '成']
const VAGUE_SCALES = new Set(['十', '百', '千', '万', '萬', '亿', '億'])

/** The round number itself: 万余人 is read as 1万余人 is, to the 万 (decimals -4). */
const ONE = '1'

/**
 * 上千家, 万余人, and 万场 after 近 was taken off as a bound; undefined when the text does not start
 * with a bare scale. `qualified`: a bound word stood before the scale, so that 近万场 is a figure
 * and 万场 alone is not.
 */
export function readRoundNumber(
  label: string,
  text: string,
  qualified: boolean
): Result<Reading, FigureProblem> | undefined {
  const vague = VAGUE_WORDS.find((word) => text.startsWith(word) && VAGUE_SCALES.has(text[word.length] ?? ''))
  if (vague !== undefined) return failure(reasons.vagueCount(label))
  const upwards = text.startsWith(UPWARDS.text)
  const rest = upwards ? text.slice(UPWARDS.text.length) : text
  if (!ROUND_SCALES.some((scale) => rest.startsWith(scale))) return undefined
  const written = ONE + rest
  const tokens = readNumberTokens(written, 0)
  if (!tokens?.ok) return failure(reasons.noNumber(label))
  const reading = readMeasured(label, written, tokens.value, 0)
  if (!reading.ok) return reading
  const bound = upwards ? UPWARDS.bound : reading.value.bound
  if (bound === undefined && !qualified) return failure(reasons.bareScale(label))
  return success(bound === undefined ? reading.value : { ...reading.value, bound })
}
