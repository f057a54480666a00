/**
 * 危险废物处置率、医疗废物处置率均为100%: a figure after 均 (or 双双, 都) is said of each thing named
 * before it. Tagged with one annotation, it is a fact of one of them, and the others' are lost
 * while the coverage counts the figure as tagged.
 */

import { clauseSoFar } from '../suggest/sentence.js'

/**
 * The word that says "each" (均, 双双, 都), up to two adverbs after it (首次, 稳定) and the verb, right
 * before the figure: 水质类别双双首次提升为Ⅱ类. 都 ends a name in 首都 and 成都, and counts only after
 * another character.
 */
const SAID_OF_EACH =
  /(均|双双|(?<![首成京古国旧故帝])都)(?:首次|再次|稳定|持续|继续|全部|全面|已|已经|依然|仍|仍然|同时|同步){0,2}(?:为|是|达|达到|保持|保持在|稳定保持|维持|维持在|提升为|提升至|提升到|提高到|提高至|上升为|上升至|升至|改善为|改善至|好转为)?\s*$/
/**
 * A count of the figures before the figure, after the verb: 水质达标率保持“四个100%”, four rates
 * of 100% for the four things named.
 */
const COUNTED = /(?:保持|达到|实现|均为|均保持|均达到)[“"「]?([两三四五六七八九十])个\s*$/
/** The counts COUNTED reads, from two. */
const COUNTS = '两三四五六七八九十'

/**
 * What joins the things named: 、, and 和, 与, 及 or 以及 between two. 小流域省控及“以奖促治”断面 are
 * two kinds of section, as the report of the next year counts them (饮用水水源地、主要流域国省控断面、
 * 小流域省考及“以奖促治”断面水质达标率保持“四个100%”). 及 in a word (涉及, 普及, 及时) joins nothing.
 */
const NAME_GLUE = /、|和|与|以及|(?<![涉普危波企触])及(?!时)/

export interface SharedFigure {
  /** The things named, in order; the last carries the words they share (坂头-石兜水库、汀溪水库水质类别). */
  names: string[]
  /** The word that says the figure is each one's: 均, 双双, 都, or the count of them (四个). */
  word: string
}

/**
 * The things a figure at `start` of `source` is said of by 均 (双双, 都), when its clause names two or
 * more before it; else undefined. Markup in the clause (an annotation, emphasis) names nothing.
 */
export function sharedBy(source: string, start: number): SharedFigure | undefined {
  const before = source.slice(Math.max(0, start - 200), start)
  const said = SAID_OF_EACH.exec(before)
  const counted = said ? undefined : COUNTED.exec(before)
  const found = said ?? counted
  if (!found) return undefined
  const clause = clauseSoFar(before.slice(0, found.index))
  // A clause with markup in it (another figure's annotation, a link) is not read.
  if (/[[\]{}*_`]/.test(clause)) return undefined
  const names = clause
    .split(NAME_GLUE)
    .map((name) => name.trim())
    .filter((name) => name !== '')
  if (names.length < 2) return undefined
  if (!counted) return { names, word: found[1] as string }
  // 四个 must count the things named, or it counts something else.
  const count = counted[1] as string
  return names.length === COUNTS.indexOf(count) + 2 ? { names, word: `${count}个` } : undefined
}

/**
 * Where the things named are places of one metric (坂头-石兜水库、汀溪水库水质类别: two reservoirs, one
 * class), each place, and the words of the metric that follow the last: the names but the last end
 * alike (水库, two characters or more of it), and the last goes on past that ending. Undefined when
 * the names are not so written.
 */
export function placesOf(names: readonly string[]): { places: string[]; words: string } | undefined {
  const first = names[0] ?? ''
  const last = names.at(-1) ?? ''
  if (names.length < 2 || first.length < 3) return undefined
  const ending = first.slice(-2)
  if (!names.slice(0, -1).every((name) => name.length > ending.length && name.endsWith(ending))) return undefined
  const at = last.indexOf(ending, 1)
  if (at === -1 || at + ending.length >= last.length) return undefined
  const place = last.slice(0, at + ending.length)
  return { places: [...names.slice(0, -1), place], words: last.slice(place.length) }
}
