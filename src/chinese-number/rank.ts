import type { Result } from '../model/result.js'
import { COUNT_CLASSIFIERS, ORDINAL_CLASSIFIERS } from './classifiers.js'
import { readNumberTokens, tokenInteger } from './number-token.js'
import { failure, success, type Reading } from './reading.js'
import { reasons } from './reasons.js'
import type { Bound, FigureProblem } from './types.js'

export interface RankPrefix {
  text: string
  /** 前4 is "among the first four": position 4 at most. */
  bound?: Bound
}

/** Longest first. */
// prettier-ignore
export const RANK_PREFIXES: readonly RankPrefix[] = [
  { text: '排名第' },
  { text: '位居第' },
  { text: '位列第' },
  { text: '排名前', bound: 'at-most' },
  { text: '位居前', bound: 'at-most' },
  { text: '位列前', bound: 'at-most' },
  { text: '第' },
  { text: '前', bound: 'at-most' }
]

const RANK_CLASSIFIERS = new Set([...COUNT_CLASSIFIERS, ...ORDINAL_CLASSIFIERS])

export function rankPrefixOf(text: string): RankPrefix | undefined {
  return RANK_PREFIXES.find((prefix) => text.startsWith(prefix.text))
}

/** 第8, 排名第二, 前4, 第20届, 第三批. */
export function readRank(label: string, text: string, prefix: RankPrefix): Result<Reading, FigureProblem> {
  const rest = text.slice(prefix.text.length)
  const tokens = readNumberTokens(rest, 0)
  if (!tokens) return failure(reasons.noNumberAfter(label, prefix.text))
  if (!tokens.ok) return tokens
  const readings = tokens.value.map((token) => ({ token, tail: rest.slice(token.end) }))
  const fitting = readings
    .filter(({ tail }) => tail === '' || RANK_CLASSIFIERS.has(tail))
    .sort((a, b) => b.tail.length - a.tail.length)[0]
  if (!fitting) return failure(reasons.unknownUnit(label, readings[0]?.tail ?? rest))
  const value = tokenInteger(fitting.token)
  if (value === undefined || value < 1) return failure(reasons.rankNotWhole(label))
  const reading: Reading = {
    kind: 'rank',
    value,
    decimals: 0,
    unit: '1',
    displayUnit: fitting.tail,
    scaleText: '',
    unitText: fitting.tail
  }
  if (fitting.tail !== '') reading.classifier = fitting.tail
  if (prefix.bound) reading.bound = prefix.bound
  return success(reading)
}
