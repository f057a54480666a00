import { CURRENCY, type Figure, type FigureKind } from '../chinese-number/index.js'
import type { Metric, MetricKind } from '../model/schema-types.js'
import { isChangeAspect, type ProposedAspect } from './comparison-words.js'
import { findFigures } from './find-figures.js'
import { chineseWords } from './word-breaks.js'

/**
 * Draft metrics for figures whose metric nobody can guess (`suggest --write
 * --stubs`): what the figure says of itself (its kind and unit) and the words
 * before it (its label), marked `draft: true` for an editor to confirm.
 *
 * Ids are `draft.<kind>_<n>`: an ASCII id cannot be made from Chinese words
 * without a pinyin dictionary (a large dependency that gives long ids nobody
 * reads, and homophones that collide), while the kind and a number are short,
 * say what sort of figure it is, and never collide with a metric already
 * there. The `draft.` prefix makes every unconfirmed metric easy to find in
 * the reports; the editor who confirms one gives it its lasting id.
 */
export interface MetricStub {
  id: string
  metric: Metric
  /** The words its `better` was guessed from, for a figure said to improve or worsen (改善): the editor confirms it. */
  betterFrom?: string
}

/** What each form of figure makes of a metric: its kind, and its unit when the figure's own is not it. */
const KIND_OF_FIGURE: Partial<Record<FigureKind, { kind: MetricKind; unit?: string }>> = {
  percent: { kind: 'percent', unit: '%' },
  'percentage-point': { kind: 'percentage-point', unit: '%' },
  count: { kind: 'count', unit: '1' },
  quantity: { kind: 'quantity' },
  money: { kind: 'money', unit: CURRENCY },
  rank: { kind: 'rank', unit: '1' },
  class: { kind: 'class', unit: '1' },
  number: { kind: 'index', unit: '1' },
  date: { kind: 'date', unit: '1' }
}

/** The English label of a draft: the registry requires one, and only an editor can write it. */
const DRAFT_ENGLISH = '(draft) to be translated'

/** Words between a metric's name and its figure that are not part of the name: 为, 达到, 同比提升, 约. */
const LINKING_WORDS =
  /(?:分别为|分别|达到|达|为|是|共计|共|累计|合计|总计|约|近|超过|超|逾|已|同比|较上年|比上年|提升|提高|增长|增加|上升|下降|降低|减少|改善|好转|恶化|变差|下滑|增幅|降幅|完成|实现|保持|稳定在|控制在|在|连续|并列|等|至|由|从)+$/
/** Where the words naming a figure start: after the end of the previous clause. */
const CLAUSE_END = /[。；;！？!?，,、：:（(）)\n“”"'《》]/
/** Markup and annotations in the source line: the label is made from what a reader sees. */
const MARKUP = /:fact\[([^\]]*)\]\{[^}]*\}|[*_`#>|[\]]/g
const LABEL_LENGTH = 16

/** The metric's Chinese label from the source line before the figure, or undefined when no words name it. */
export function labelBefore(before: string): string | undefined {
  const plain = before.replace(MARKUP, (_match, label: string | undefined) => label ?? '')
  const cut = Math.max(...[...plain].map((char, index) => (CLAUSE_END.test(char) ? index : -1)))
  const clause = [...plain].slice(cut + 1).join('')
  // A figure earlier in the clause is no part of the name: the words after it name this figure, or,
  // when none do (优良率99.7%并列全国第一), those before it.
  const last = findFigures(clause).at(-1)
  const after = unlinked(last === undefined ? clause : clause.slice(last.end))
  // A scope alone after it (连续四年全省第一, 99.7%并列全国第一) goes with the words before that figure.
  let own = last === undefined || [...after].length > 2 ? after : unlinked(clause.slice(0, last.start)) + after
  // So does a scope alone after the figure of the clause before (优良率99.5%、并列全省第一)…
  const scoped = SCOPE.exec(own)
  if (scoped?.index === 0 && cut >= 0 && /[、，,]/.test([...plain][cut] ?? '')) {
    const before = labelBefore([...plain].slice(0, cut).join(''))
    if (before !== undefined) own = before + own
  }
  // …and a scope after the words that link a name to it (满意度保持全省第一) follows the name.
  const scope = SCOPE.exec(own)
  if (scope) own = unlinked(own.slice(0, scope.index)) + scope[0]
  const kept = lastWords(own, LABEL_LENGTH)
  return kept === '' || /^[\d\s.]*$/.test(kept) ? undefined : kept
}

/**
 * The label of a figure's draft, from the words before it (labelBefore) and, where they do not name
 * what it counts, those after it: a count after a list closed by 等 counts what follows it
 * (…回收利用等7项经验做法全国推广 is of 经验做法全国推广, not of the list's last item), as does a
 * count that opens its clause (3个案例入选全国优秀案例). A number of years after 连续 counts the
 * years something held (考核成绩连续四年全省第一: 考核成绩全省第一连续年数).
 */
export function stubLabel(before: string, after: string, figure: Figure): string | undefined {
  const named = labelBefore(before)
  const plain = before.replace(MARKUP, (_match, label: string | undefined) => label ?? '').trimEnd()
  const following = afterWords(after)
  // Words after it that hold a figure of their own are another figure's (3个…完成5项).
  const counted = following !== undefined && findFigures(following).length === 0 ? following : undefined
  if (figure.kind === 'count' && counted !== undefined && (named === undefined || /等$/.test(plain))) return counted
  if (figure.unit === 'a' && /连续$/.test(plain) && named !== undefined && following !== undefined)
    return lastWords(`${named}${following}`, LABEL_LENGTH - YEARS_HELD.length) + YEARS_HELD
  return named
}

/** stubLabel of the figure at [start, end) of a text, from the words on its line. */
export function stubLabelAt(text: string, start: number, end: number, figure: Figure): string | undefined {
  const lineEnd = text.indexOf('\n', end)
  return stubLabel(
    text.slice(text.lastIndexOf('\n', start - 1) + 1, start),
    text.slice(end, lineEnd === -1 ? text.length : lineEnd),
    figure
  )
}

/** What a draft of a number of years after 连续 counts. */
const YEARS_HELD = '连续年数'

/** The words after a figure, to the end of its clause, as a label: undefined when there are none. */
function afterWords(after: string): string | undefined {
  const plain = after.replace(MARKUP, (_match, label: string | undefined) => label ?? '')
  const end = [...plain].findIndex((char) => CLAUSE_END.test(char))
  const clause = (end === -1 ? [...plain] : [...plain].slice(0, end)).join('').trim()
  const segments = [...chineseWords(clause)].map((piece) => piece.segment)
  let kept = ''
  for (const segment of segments) {
    if ([...kept].length + [...segment].length > LABEL_LENGTH) break
    kept += segment
  }
  return kept === '' ? undefined : kept
}

/** Where a figure ranks or holds (全省第一), at the end of the words before it: a scope, which names nothing alone. */
const SCOPE = /(?:全国|全省|全市|全区|全县)$/

/** Words that link a name to its figure, at either end of a text (并列全国, 达标率为): not part of the name. */
const LEADING_WORDS = /^(?:并列|连续|均|都|同比|分别)+/

function unlinked(text: string): string {
  return text.replace(LINKING_WORDS, '').replace(LEADING_WORDS, '').trim()
}

/** The last whole words of a text, at most `most` characters in all (a word longer than that is cut). */
function lastWords(text: string, most: number): string {
  const segments = [...chineseWords(text)].map((piece) => piece.segment)
  let kept = ''
  for (const segment of segments.reverse()) {
    if ([...kept].length + [...segment].length > most) break
    kept = segment + kept
  }
  return kept === '' ? [...text].slice(-most).join('') : kept
}

/** Names of what is better lower: a concentration, an amount let out, a share of the worst water. */
const LOWER_NAMES = /(?:浓度|排放量|排放总量|强度|能耗|降尘量|超标率|发生率|频率)$|劣[ⅤV]类/
/** Names of what is better higher: a rate or share of what meets a standard, is treated, reused or covered. */
const HIGHER_NAMES = /(?:率|比例|比率|满意度)$/

/**
 * Which way a draft is better. A draft is neutral, for the editor to say, but a figure said to
 * improve or worsen (改善3.2个百分点) means nothing against a neutral metric: the draft then takes
 * the way its name gives (a concentration falls as it improves, a rate rises), else higher, as most
 * figures a report says improved are rates, and the editor confirms it with the rest of the draft.
 */
function draftBetter(
  label: string,
  aspect: ProposedAspect | undefined
): Pick<MetricStub, 'betterFrom'> & { better: Metric['better'] } {
  if (aspect !== 'improve' && aspect !== 'worsen') return { better: 'neutral' }
  const word = aspect === 'improve' ? '改善' : '恶化'
  if (LOWER_NAMES.test(label)) return { better: 'lower', betterFrom: `${word} of ${label}` }
  return { better: 'higher', betterFrom: HIGHER_NAMES.test(label) ? `${word} of ${label}` : word }
}

/**
 * What a figure makes of a metric. A change in percentage points (同比提高2.1个百分点) is one of a
 * percentage, whose levels the reports print as 85.3%; only a level in points (城乡差距3.5个百分点)
 * is of a metric in points.
 */
function draftForm(
  figure: Figure,
  aspect: ProposedAspect | undefined
): { kind: MetricKind; unit?: string } | undefined {
  if (figure.kind === 'percentage-point' && isChangeAspect(aspect)) return KIND_OF_FIGURE.percent
  return KIND_OF_FIGURE[figure.kind]
}

/**
 * The draft metric for a figure, or undefined when its form says nothing of
 * a metric (持平). `taken` holds every id in use; the draft takes the first
 * free number of its kind. `aspect` is the one proposed for the figure.
 */
export function draftStub(
  figure: Figure,
  label: string,
  taken: ReadonlySet<string>,
  aspect?: ProposedAspect
): MetricStub | undefined {
  const form = draftForm(figure, aspect)
  if (!form) return undefined
  const prefix = `draft.${form.kind.replace(/-/g, '_')}_`
  let number = 1
  while (taken.has(`${prefix}${number}`)) number += 1
  const { better, betterFrom } = draftBetter(label, aspect)
  return {
    id: `${prefix}${number}`,
    metric: {
      label: { zh: label, en: DRAFT_ENGLISH },
      kind: form.kind,
      unit: form.unit ?? figure.unit,
      better,
      draft: true
    },
    ...(betterFrom !== undefined && { betterFrom })
  }
}

/**
 * A metric already in the registry (or drafted earlier in this run) that a
 * draft would duplicate: the same Chinese label and kind. The figure then
 * names it, and no second metric is drafted.
 */
export function sameMetric(stub: MetricStub, metrics: ReadonlyMap<string, Metric>): string | undefined {
  for (const [id, metric] of metrics)
    if (metric.label.zh === stub.metric.label.zh && metric.kind === stub.metric.kind) return id
  return undefined
}
