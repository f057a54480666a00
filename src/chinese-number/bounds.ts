import type { Bound } from './types.js'

export interface BoundWord {
  text: string
  bound: Bound
}

/**
 * Words before a figure that qualify it. 超过 ("more than") is read as
 * at-least: the figure model has no strict bounds, and the difference is
 * below the precision of any report figure. Longest first.
 */
// prettier-ignore
export const PREFIX_BOUNDS: readonly BoundWord[] = [
  { text: '不超过', bound: 'at-most' },
  { text: '不少于', bound: 'at-least' },
  { text: '不低于', bound: 'at-least' },
  { text: '不高于', bound: 'at-most' },
  { text: '不到', bound: 'at-most' },
  { text: '不足', bound: 'at-most' },
  { text: '超过', bound: 'at-least' },
  { text: '超', bound: 'at-least' },
  { text: '多于', bound: 'at-least' },
  { text: '高于', bound: 'at-least' },
  { text: '少于', bound: 'at-most' },
  { text: '低于', bound: 'at-most' },
  { text: '大约', bound: 'about' },
  { text: '将近', bound: 'about' },
  { text: '逾', bound: 'at-least' },
  { text: '约', bound: 'about' },
  { text: '近', bound: 'about' }
]

/** Words after a figure: 50%左右, 30家以上, 5%以下, 65岁及以上. Longest first. */
// prettier-ignore
export const SUFFIX_BOUNDS: readonly BoundWord[] = [
  { text: '及以上', bound: 'at-least' },
  { text: '及以下', bound: 'at-most' },
  { text: '左右', bound: 'about' },
  { text: '上下', bound: 'about' },
  { text: '以上', bound: 'at-least' },
  { text: '以下', bound: 'at-most' },
  { text: '以内', bound: 'at-most' }
]

/** Words between the number and its unit: 100余个, 100多个, 3万余吨; after a ratio word: 两成多, 一倍多. */
export const INFIX_BOUNDS: readonly BoundWord[] = [
  { text: '余', bound: 'at-least' },
  { text: '多', bound: 'at-least' }
]

/**
 * Words before a figure that say it stays where it was, 保持100% ("held at 100%"): a level that
 * did not move, or a target to keep. They read as part of the label and bound nothing.
 */
const PREFIX_HOLDS: readonly string[] = ['保持', '维持']

/** Remove one leading hold word, one leading and one trailing bound word; the bounds found, in order. */
export function stripBounds(text: string): { text: string; bounds: Bound[] } {
  const bounds: Bound[] = []
  const hold = PREFIX_HOLDS.find((word) => text.startsWith(word))
  let rest = hold === undefined ? text : text.slice(hold.length)
  const prefix = PREFIX_BOUNDS.find((word) => rest.startsWith(word.text))
  if (prefix) {
    bounds.push(prefix.bound)
    rest = rest.slice(prefix.text.length)
  }
  const suffix = SUFFIX_BOUNDS.find((word) => rest.endsWith(word.text))
  if (suffix) {
    bounds.push(suffix.bound)
    rest = rest.slice(0, rest.length - suffix.text.length)
  }
  return { text: rest, bounds }
}

export function infixBoundAt(text: string, position: number): BoundWord | undefined {
  return INFIX_BOUNDS.find((word) => text.startsWith(word.text, position))
}
