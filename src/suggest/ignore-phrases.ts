import type { Figure } from '../chinese-number/index.js'
import { findFigures } from './find-figures.js'
import { chineseWords } from './word-breaks.js'
import { BUILT_IN_NAMES } from './names.js'
import { ENDING_YEAR_WORD } from './clause-period.js'
import { CLAUSE_ENDS, SENTENCE_ENDS, sentenceRest } from './sentence.js'

/**
 * Dates and ordinals that belong to a name (the year in a report's title,
 * 2025年第二季度, 第三轮省生态环保督察, 第六届…) or define what a metric
 * counts (Ⅰ~Ⅲ类 in 优质水(Ⅰ~Ⅲ类)比例): they carry no data of their own, so
 * `suggest --write` proposes them as `ignore:` phrases of the front matter
 * rather than annotations. Each rule is a reason an editor would give.
 */
export interface NameFigureRule {
  id: string
  description: string
  applies: (figure: FigureInContext) => boolean
  /** Characters of the text before the figure the phrase keeps, so that it names the place and not every such figure. */
  before: number | ((figure: FigureInContext) => number)
  /** How many characters after the figure the phrase may keep: enough to name the thing, not the whole clause. */
  after: (figure: FigureInContext) => number
  /** Whether the phrase may run past a comma: the date that opens a sentence is only told apart by what follows. */
  pastComma?: boolean
}

/** A figure with the text of its line around it, as written in the source. */
export interface FigureInContext {
  figure: Figure
  text: string
  /** The source line before the figure. */
  before: string
  /** The source line after the figure. */
  after: string
}

/** Ordinals of these measure words count editions, rounds and batches of something named: 第六届, 第三轮, 第二批. */
const EDITION_WORDS = new Set(['届', '轮', '批', '次', '期', '季度', '届次', '批次'])
/** Words after which a year is the edition of a list or an award: 入选2025年…, 获评2024年度…. */
const LIST_VERBS = /(?:入选|获评|获得|列入|纳入|荣获|评为|荣登)$/
/** As long as each of the LIST_VERBS: the end of a line before a figure that they are read in. */
const LIST_VERB_LENGTH = 2
/** Words that end the name a date opens within a clause: 2025年生态环境保护工作总结, 2025年度重点课题. */
const NAMED_THINGS =
  /^度?[^，,。；;：:！？!?、]{0,16}?(?:工作总结|工作要点|工作计划|任务清单|清单|课题|大练兵|志愿服务|评估|考核|名单|案例|大会|会议|论坛|活动|行动|方案|规划|报告|公报|督察|试点|项目)/
const HEADING = /^\s{0,3}#{1,6}\s/

// prettier-ignore
export const NAME_FIGURES: readonly NameFigureRule[] = [
  {
    id: 'heading-date',
    description: 'A date in a heading names the report or the section: 厦门市生态环境局2025年生态环境保护工作总结, 2026年工作计划',
    applies: ({ figure, before }) => figure.kind === 'date' && HEADING.test(before),
    before: 0,
    after: () => 16
  },
  {
    id: 'sentence-date',
    description: 'A date that opens a sentence says when it speaks of, the report’s own time: 2025年，我局…, 1—11月，…; so does a year alone that dates no figure of its clause: 2024年我局深入打好…, 2024年是攻坚之年',
    applies: ({ figure, before, after }) =>
      figure.kind === 'date' && opensClause(withoutYearWord(before)) && (/^[，,]/.test(after) || (/^\d{4}$/.test(figure.period ?? '') && !SPAN_START.test(after) && !figureInClause(after))),
    before: ({ before }) => ENDING_YEAR_WORD.exec(before)?.[0].length ?? 0,
    after: () => 6,
    pastComma: true
  },
  {
    id: 'date-of-list',
    description: 'A year after 入选, 获评 or 列入 is the edition of a list or an award: 入选2025年生物多样性…',
    applies: ({ figure, before }) => figure.kind === 'date' && LIST_VERBS.test(before.slice(-LIST_VERB_LENGTH)),
    before: 2,
    after: () => 6
  },
  {
    id: 'date-of-name',
    description: 'A date that opens the name of a plan, list, campaign or meeting, or of what a year or quarter selected: 2025年度重点课题, 2025年生态文明体制改革任务清单, 2025年第二季度优秀作品',
    applies: ({ figure, text, after }) =>
      figure.kind === 'date' &&
      (NAMED_THINGS.test(after) || quotedNameFollows(after) || (/(?:年度|季度)$/.test(text) && /^[\u4e00-\u9fff“《]/.test(after))),
    before: 0,
    after: ({ after }) => NAMED_THINGS.exec(after)?.[0].length ?? 6
  },
  {
    id: 'month-of-clause',
    description: 'A month, a span of months or a quarter that opens a clause dates the figures in it, which take it as their period: 1—11月全市优良率为99.1%, 今年1月…, 2024年11月PM2.5浓度为…, 第一季度全市…',
    applies: ({ figure, before, after }) =>
      (isMonthly(figure) || (figure.kind === 'rank' && figure.classifier === '季度')) && opensClause(withoutYearWord(before), CLAUSE_ENDS) && figureInClause(after),
    before: ({ before }) => ENDING_YEAR_WORD.exec(before)?.[0].length ?? 0,
    after: () => 6,
    pastComma: true
  },
  {
    id: 'edition-ordinal',
    description: 'An ordinal of editions, rounds or batches belongs to the name it opens: 第三轮省生态环保督察, 第六届, 第二批',
    applies: ({ figure, after }) =>
      figure.kind === 'rank' && figure.classifier !== undefined && EDITION_WORDS.has(figure.classifier) && /^[\u4e00-\u9fff“《]/.test(after),
    before: 0,
    after: ({ after }) => NAMED_THINGS.exec(after)?.[0].length ?? 6
  },
  {
    id: 'year-of-clause',
    description: 'A year or a span of years that opens a clause dates the figures in it, which take it as their period (2024年PM2.5年均浓度为17.4微克/立方米, 2021年至2024年累计…, …，2025年为21微克/立方米), or opens the span they count (2024年以来)',
    applies: ({ figure, before, after }) =>
      figure.kind === 'date' && /^\d{4}(?:\/\d{4})?$/.test(figure.period ?? '') && opensClause(before, CLAUSE_ENDS) && (SPAN_START.test(after) || figureInClause(after)),
    before: 0,
    after: ({ after }) => SPAN_START.exec(after)?.[0].length ?? 6
  },
  {
    id: 'span-of-years',
    description: 'A number of years after 近, 过去 or 今后, or before 来, is the span the figures of its clause count over, or a record it names: 近五年累计…, 五年来, 今后三年, 三年来最低',
    applies: ({ figure, before, after }) =>
      figure.kind === 'quantity' && figure.unit === 'a' && (SPAN_BEFORE.test(before) || after.startsWith('来')),
    before: ({ before }) => SPAN_BEFORE.exec(before)?.[0].length ?? 0,
    after: () => 4
  },
  {
    id: 'year-compared',
    description: 'A year a sentence compares with names the base of the changes after it, which take it as base=, and the period of the level it prints: 与2024年相比, 较2024年, 由2023年的84.2%',
    applies: ({ figure, before, after }) =>
      figure.kind === 'date' && /^\d{4}$/.test(figure.period ?? '') && (/(?:与|较|比)$/.test(before) || (/(?:由|从)$/.test(before) && after.startsWith('的'))),
    before: 1,
    after: ({ after }) => /^(?:同期相比|相比|同期|的)/.exec(after)?.[0].length ?? 0
  },
  {
    id: 'count-of-figures',
    description: 'A count right before a figure counts the figures it stands for, not a thing of the world: 保持“四个100%”, four rates of 100%',
    applies: ({ figure, after }) => figure.kind === 'count' && figure.classifier === '个' && /^\d/.test(after),
    before: 1,
    after: () => 0
  },
  {
    id: 'class-range',
    description: 'A range of classes defines what a metric counts (优质水(Ⅰ~Ⅱ类)比例), it is not a measurement',
    applies: ({ figure }) => figure.kind === 'class' && figure.upper !== undefined,
    before: 4,
    after: () => 3
  }
]

// A line is read from the figure to its end or back to its start for every figure of it: what a
// rule reads of it is found where it stands, never by a pattern run over the whole line, which made
// a long line of dates quadratic.

/** Whether a date names months (1—11月, 2024年11月, 2025年第一季度), not years or days. */
function isMonthly(figure: Figure): boolean {
  return figure.kind === 'date' && /^(?:\d{4}|-)-\d{2}(?:\/(?:\d{4}|-)-\d{2})?$/.test(figure.period ?? '')
}

function withoutYearWord(before: string): string {
  return before.replace(ENDING_YEAR_WORD, '')
}

/** Words before a number of years that make it a span: 近五年, 过去三年, 今后三年. */
const SPAN_BEFORE = /(?:近|过去|今后|未来)$/

/** Words after a year that make it the start of a span: 2024年以来, 2024年至今. */
const SPAN_START = /^(?:以来|至今)/

/** Whether a figure stands in the clause that opens `after`. */
function figureInClause(after: string): boolean {
  return findFigures(sentenceRest(after.slice(0, LOOK_AHEAD))).length > 0
}

/** Whether the text before a figure is empty or ends a sentence (or, given CLAUSE_ENDS, a clause), but for spaces. */
function opensClause(before: string, ends: ReadonlySet<string> = SENTENCE_ENDS): boolean {
  const trimmed = before.trimEnd()
  return trimmed === '' || ends.has(trimmed.at(-1) as string)
}

/** The names in quotes or book-title marks of names.ts, where they open a text. */
const OPENING_NAME = new RegExp(
  `^(?:${BUILT_IN_NAMES.filter((name) => name.id === 'quoted' || name.id === 'book-title')
    .map((name) => name.pattern.source)
    .join('|')})`
)

/** Names in quotes or book-title marks (see names.ts) that a date opens: 2025年“美丽河湖”…, 2025年《…》. */
function quotedNameFollows(after: string): boolean {
  return OPENING_NAME.test(after.replace(/^度/, ''))
}

// How far past the most a phrase may keep the next figure is looked for: far beyond the longest
// label (24 characters), so that a figure and a name around it read as they do in the whole line.
const LOOK_AHEAD = 64

/** Characters a phrase never crosses: the ends of clauses, and Markdown syntax, which is not in the text a reader sees. */
const STOP = /[。；;！？!?\n\r*_`[\]{}<>|\\&#~]/
const COMMA = /[，,、：:]/

export interface ProposedIgnore {
  rule: string
  phrase: string
}

/**
 * The `ignore:` phrase for a figure that belongs to a name, or undefined
 * when it is a figure to annotate. The phrase is the figure with the words
 * that make it a name, as the source prints them, reaching no other
 * figure, so that it hides none.
 */
export function ignorePhrase(context: FigureInContext): ProposedIgnore | undefined {
  const rule = NAME_FIGURES.find((candidate) => candidate.applies(context))
  if (!rule) return undefined
  // A phrase reaches no other figure, ignored or not, so that it is the same on every run.
  const most = rule.after(context)
  const next = findFigures(context.after.slice(0, most + LOOK_AHEAD))[0]?.start ?? Infinity
  const room = Math.min(most, next, context.after.length)
  let end = 0
  while (end < room) {
    const char = context.after[end] ?? ''
    if (STOP.test(char) || (COMMA.test(char) && !(rule.pastComma && end === 0))) break
    end += 1
  }
  // Cut by its length alone, a phrase ends where a word does: 2025年，我局围绕 and not 2025年，我局围绕改.
  if (end === most && end < context.after.length) end = lastWordEnd(context.after, end)
  const phrase = context.before.slice(leadStart(context, rule)) + context.text + context.after.slice(0, end)
  // The figure alone would hide every figure printed the same way.
  return phrase.length > context.text.length ? { rule: rule.id, phrase } : undefined
}

/** Where in the text before the figure its phrase starts: as far back as the rule keeps, within the clause. */
function leadStart(context: FigureInContext, rule: NameFigureRule): number {
  const lead = typeof rule.before === 'number' ? rule.before : rule.before(context)
  let start = context.before.length
  while (start > context.before.length - lead && start > 0) {
    const char = context.before[start - 1] ?? ''
    if (STOP.test(char) || COMMA.test(char) || /\s/.test(char)) break
    start -= 1
  }
  // The lead stops after the figure before it, found in a wider window: in the lead alone a
  // figure cut in two (.1% of 98.1%) would not be seen as one.
  const windowStart = Math.max(0, start - 24)
  const previous = findFigures(context.before.slice(windowStart)).at(-1)
  return previous ? Math.max(start, windowStart + previous.end) : start
}

/**
 * The end of the last word of `text` that ends at `end` or before it, or `end` when no word does
 * but the one it cuts (a phrase keeps what it can). A word of one Chinese character is often a
 * piece of one the platform's word breaks do not know (凝 of 凝心聚力, 年 of 年均): the phrase ends
 * before it when a longer word or a mark ends earlier.
 */
function lastWordEnd(text: string, end: number): number {
  let last = 0
  let whole = 0
  for (const { index, segment } of chineseWords(text.slice(0, end + LOOK_AHEAD))) {
    const after = index + segment.length
    if (after > end) break
    last = after
    if (!/^\p{Script=Han}$/u.test(segment)) whole = after
  }
  return whole || last || end
}

/** A figure printed as `text` at `start` to `end` of a source. */
export interface PlacedFigure {
  figure: Figure
  text: string
  start: number
  end: number
}

/**
 * The `ignore:` phrase of a figure of `source`, read within its source line (see ignorePhrase), or
 * undefined when it is a figure to annotate: the same for what suggest lists, what check warns of
 * and what suggest --write writes. The line last found is kept, so that the figures of a long line
 * asked for one after another do not each look for its ends.
 */
export function ignorePhrasesOf(source: string): (figure: PlacedFigure) => ProposedIgnore | undefined {
  // A line without a line break in it, [lineStart, lineEnd): a figure within it has its ends.
  let lineStart = 0
  let lineEnd = -1
  return (figure) => {
    const { start, end } = figure
    let from = lineStart
    let to = lineEnd
    if (start < lineStart || end > lineEnd) {
      from = source.lastIndexOf('\n', start - 1) + 1
      const newline = source.indexOf('\n', end)
      to = newline === -1 ? source.length : newline
      const first = source.indexOf('\n', from)
      lineStart = from
      lineEnd = first === -1 ? source.length : first
    }
    return ignorePhrase({
      figure: figure.figure,
      text: figure.text,
      before: source.slice(from, start),
      // The line's own end, without the carriage return of a CRLF file.
      after: source.slice(end, to > end && source[to - 1] === '\r' ? to - 1 : to)
    })
  }
}
