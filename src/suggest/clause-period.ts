import type { Figure } from '../chinese-number/index.js'
import { findFigures } from './find-figures.js'
import { mayStartAt } from './label-chars.js'
import { clausesSoFar } from './sentence.js'

/**
 * Words before a date that place it in a year: the report's own (今年1—11月) or the one before
 * (去年12月), as a number of years back from the report's.
 */
const YEAR_WORDS: ReadonlyMap<string, number> = new Map([
  ['今年', 0],
  ['本年', 0],
  ['去年', 1],
  ['上年', 1]
])
const YEAR_WORD_LIST = [...YEAR_WORDS.keys()].join('|')
const YEAR_WORD = new RegExp(`^(?:${YEAR_WORD_LIST})`)

/** A word that places the date right after it in a year (今年1—11月, 去年12月), as `text` ends with it. */
export const ENDING_YEAR_WORD = new RegExp(`(?:${YEAR_WORD_LIST})$`)

/** Words that open a span of years up to the report's (近五年, 过去三年) or after it (今后三年, 未来五年). */
const SPAN_WORDS = /^(?:近|最近|过去|今后|未来)/

/** Parts of a year named by words, not figures: the months they cover. */
// prettier-ignore
const PARTS_OF_YEAR: ReadonlyArray<{ words: RegExp; months: [number, number] }> = [
  { words: /^上半年/, months: [1, 6] },
  { words: /^下半年/, months: [7, 12] },
  { words: /^前三季度/, months: [1, 9] },
  { words: /^(?:第一|一)季度/, months: [1, 3] },
  { words: /^(?:第二|二)季度/, months: [4, 6] },
  { words: /^(?:第三|三)季度/, months: [7, 9] },
  { words: /^(?:第四|四)季度/, months: [10, 12] }
]

/**
 * What after a date makes it no period of the figures after it: the start of a span (2024年以来,
 * 2023年至今, 1月起), a point of time (2025年底, 11月中旬), a list of dates (2023年、2024年), or a
 * name (2024年度市绩效评估, which date-of-name tells).
 */
const NO_PERIOD_AFTER =
  /^(?:以来|至|到|起|底|末|初|前|后|中旬|上旬|下旬|上半|下半|度|[0-9０-９〇一二三四五六七八九十、和与及—–~～-])/

/** How far into a clause its opening date is read: the longest (2025年1月至11月份) with room to spare. */
const OPENING = 24

/**
 * The period a figure is of, when a clause of its sentence opens with a time other than the
 * report's period: a report of 2025 that recalls 2024年PM2.5年均浓度为17.4微克/立方米 prints a level
 * of 2024; 1—11月，… a level of 2025-01/2025-11; 去年12月 of 2024-12; 上半年 of 2025-01/2025-06;
 * 近五年 and 五年来 of 2021/2025; 今后三年 of 2026/2028. The clause is the nearest of its sentence
 * that opens with a time, so that 2021—2024年均值为35微克/立方米，2025年为21微克/立方米 dates the
 * second figure 2025. A time that starts a span (2024年以来, 2024年至今, 2024年底前) or a list of
 * years dates no single figure; neither does a month when the report names no year of its own.
 */
export function periodOfClause(before: string, reportPeriod: string | undefined): string | undefined {
  const year = /^\d{4}/.exec(reportPeriod ?? '')?.[0]
  for (const clause of clausesSoFar(before)) {
    const opening = openingTime(clause.trimStart(), year === undefined ? undefined : Number(year))
    if (opening === undefined) continue
    return opening.period !== reportPeriod ? opening.period : undefined
  }
  return undefined
}

/** How many characters of a clause the time that opens it takes (去年12月 of 去年12月为…), 0 when none does. */
export function timeOpening(clause: string): number {
  const trimmed = clause.trimStart()
  const opening = openingTime(trimmed, undefined)
  return opening === undefined ? 0 : clause.length - trimmed.length + opening.length
}

/**
 * The time that opens a clause: the period it names, undefined when it dates no single figure
 * (see NO_PERIOD_AFTER) or cannot be placed in a year, and how long it is; undefined when the
 * clause opens with no time.
 */
function openingTime(clause: string, reportYear: number | undefined): Opening | undefined {
  const yearWord = YEAR_WORD.exec(clause)?.[0] ?? ''
  const rest = clause.slice(yearWord.length)
  const year = reportYear === undefined ? undefined : reportYear - (YEAR_WORDS.get(yearWord) ?? 0)
  const opening = partOfYear(rest, year) ?? figureOpening(rest, year, reportYear)
  if (opening) return { period: opening.period, length: yearWord.length + opening.length }
  // 上年优良率为98.7%: the year the word names; not of 去年同期, the months of the clause before.
  if (yearWord === '') return undefined
  return { period: year === undefined || rest.startsWith('同期') ? undefined : String(year), length: yearWord.length }
}

/** The time a figure that opens a clause names: a date (2024年, 1—11月, 2025年上半年) or a span of years (近五年). */
function figureOpening(rest: string, year: number | undefined, reportYear: number | undefined): Opening | undefined {
  const span = SPAN_WORDS.exec(rest)?.[0] ?? ''
  // Most clauses open with words: no figure is looked for in them.
  if (!mayStartAt(rest, span.length)) return undefined
  const found = findFigures(rest.slice(span.length, OPENING))[0]
  if (!found || found.start !== 0) return undefined
  const length = span.length + found.end
  const next = rest.slice(length)
  if (isYearCount(found.figure)) {
    // 五年来 ends with 来; 近五年 is a span without it.
    const since = next.startsWith('来') ? 1 : 0
    if (span === '' && since === 0) return undefined
    return { period: spanOfYears(span, found.figure.value, reportYear), length: length + since }
  }
  if (span !== '' || found.figure.kind !== 'date' || found.figure.period === undefined) return undefined
  const named = found.figure.period
  // 2025年上半年: a year and the part of it that follows.
  const half = /^\d{4}$/.test(named) ? partOfYear(next, Number(named)) : undefined
  if (half) return { period: half.period, length: length + half.length }
  const dated = found.text.endsWith('年度') || NO_PERIOD_AFTER.test(next)
  return { period: dated ? undefined : placed(named, year), length }
}

interface Opening {
  period: string | undefined
  length: number
}

/** The months a part of a year named by words covers (上半年, 前三季度, 第二季度), and the words' length. */
function partOfYear(text: string, year: number | undefined): Opening | undefined {
  for (const { words, months } of PARTS_OF_YEAR) {
    const named = words.exec(text)?.[0]
    if (named === undefined) continue
    const [first, last] = months
    const period = year === undefined ? undefined : `${year}-${twoDigits(first)}/${year}-${twoDigits(last)}`
    return { period, length: named.length }
  }
  return undefined
}

/** A number of years (五年, 3年), which 近, 过去 or 今后 before it, or 来 after it, make a span. */
function isYearCount(figure: Figure): boolean {
  return figure.kind === 'quantity' && figure.unit === 'a' && Number.isInteger(figure.value) && figure.value > 0
}

/** 近五年, 过去五年 and 五年来 end with the report's year; 今后三年 and 未来三年 start after it. */
function spanOfYears(word: string, years: number, reportYear: number | undefined): string | undefined {
  if (reportYear === undefined || years < 2 || years > 30) return undefined
  return word === '今后' || word === '未来'
    ? `${reportYear + 1}/${reportYear + years}`
    : `${reportYear - years + 1}/${reportYear}`
}

/** A period a date names, in the year given where it names none (1—11月 → 2025-01/2025-11). */
function placed(period: string, year: number | undefined): string | undefined {
  if (!period.includes('--')) return period
  return year === undefined ? undefined : period.replaceAll('--', `${year}-`)
}

function twoDigits(month: number): string {
  return String(month).padStart(2, '0')
}
