/**
 * 危险废物处置率、医疗废物处置率均为100%: a figure after 均 is said of each thing named before it.
 * Tagged with one annotation, it is a fact of one of them, and the others' are lost while the
 * coverage counts the figure as tagged.
 */

/** Where a clause begins: after the last of these before the figure. */
const CLAUSE_END = /[。；;！？!?，,：:\n]/
/** 均 and the verb after it, right before the figure. */
const SAID_OF_EACH = /均(?:为|是|达|达到|保持|保持在|稳定保持|维持|维持在)?\s*$/
/** What joins the things named: 、, and 和 or 与 between two. 及 is left out: it joins words inside one name (省控及“以奖促治”断面). */
const NAME_GLUE = /、|和|与/

/**
 * The things a figure at `start` of `source` is said of by 均, when its clause names two or more
 * before it; else undefined. Markup in the clause (an annotation, emphasis) names nothing.
 */
export function sharedBy(source: string, start: number): string[] | undefined {
  const before = source.slice(Math.max(0, start - 200), start)
  const said = SAID_OF_EACH.exec(before)
  if (!said) return undefined
  const head = before.slice(0, said.index)
  let from = head.length
  while (from > 0 && !CLAUSE_END.test(head[from - 1] as string)) from -= 1
  const clause = head.slice(from)
  // A clause with markup in it (another figure's annotation, a link) is not read.
  if (/[[\]{}*_`]/.test(clause)) return undefined
  const names = clause
    .split(NAME_GLUE)
    .map((name) => name.trim())
    .filter((name) => name !== '')
  return names.length >= 2 ? names : undefined
}
