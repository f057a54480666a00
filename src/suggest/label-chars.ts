import {
  CLASS_CLASSIFIERS,
  DATE_MARKERS,
  DIGITS,
  INFIX_BOUNDS,
  ORDINAL_CLASSIFIERS,
  PLACES,
  PROPORTION_COLONS,
  RANGE_SEPARATORS,
  RANK_GOAL_WORDS,
  ROUND_PREFIXES,
  ROUND_SCALES,
  SUFFIX_BOUNDS,
  UNITS,
  WATER_CLASS_CLASSIFIER,
  isArabicDigit,
  isNumeralChar,
  opensNumeral
} from '../chinese-number/index.js'

/**
 * Which characters can open, continue and close a figure label. These only
 * narrow the spans worth reading: `readFigure` still decides what is a figure,
 * so the tables of the number module stay the one source of the grammar.
 */

/** The longest label worth reading: 2024年11月-2025年2月 is 16 characters. */
const MAX_LABEL_LENGTH = 24

/** Words written before the number of a figure: 第8, 前4, 劣Ⅴ类, 百分之十五, 千分之五, 保十争先. */
const OPENING_WORDS: readonly string[] = ['第', '前', '劣', '百分之', '千分之', '万分之', RANK_GOAL_WORDS.hold]

// Sets of single characters, so that the empty string before the text start belongs to none.
const ROMAN_NUMERALS = new Set('ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ')
/** ASCII look-alikes that the number module reads before 类 (IV类). */
const ASCII_ROMAN = new Set('IVX')
const DECIMAL_POINTS = new Set('.．')
const GROUP_SEPARATORS = new Set(',，')

/** Symbols that may stand inside a label: points, percent, unit slashes (微克/立方米), proportions (2：1), ranges. */
const LABEL_SYMBOLS = new Set([
  ...DECIMAL_POINTS,
  '%',
  '％',
  '/',
  '／',
  '℃',
  ...PROPORTION_COLONS,
  ...RANGE_SEPARATORS.flatMap((separator) => [...separator])
])

const isRoman = (char: string) => ROMAN_NUMERALS.has(char)
const isAsciiLetter = (char: string) => /^[A-Za-z]$/.test(char)
export const isIdeograph = (char: string) => (char >= '\u4e00' && char <= '\u9fff') || char === '〇'
const opensNumber = (char: string) =>
  isArabicDigit(char) || opensNumeral(char) || isRoman(char) || ASCII_ROMAN.has(char)

/**
 * The last character of every unit, classifier, date marker and trailing
 * bound: a label ends with one of these or with a digit.
 */
const CLOSING_CHARS = new Set(
  [
    ...UNITS.map((entry) => entry.text),
    ...CLASS_CLASSIFIERS,
    ...ORDINAL_CLASSIFIERS,
    WATER_CLASS_CLASSIFIER,
    ...DATE_MARKERS.map((marker) => marker.text),
    ...SUFFIX_BOUNDS.map((word) => word.text),
    // 两成多, 一倍多
    ...INFIX_BOUNDS.map((word) => word.text),
    // 保十争先
    RANK_GOAL_WORDS.first
  ].map((text) => text.slice(-1))
)

/**
 * The first code unit of everything that `mayStartAt` accepts: digits, numerals that open a number,
 * Roman numerals, and the words written before a number or a round scale.
 */
const OPENING_CODES = new Set(
  [
    ...'0123456789０１２３４５６７８９',
    ...Object.keys(DIGITS),
    ...Object.keys(PLACES).filter((char) => PLACES[char] === 1),
    ...ROMAN_NUMERALS,
    ...ASCII_ROMAN,
    ...OPENING_WORDS,
    ...ROUND_PREFIXES,
    ...ROUND_SCALES
  ].map((text) => text.charCodeAt(0))
)

/**
 * Whether a figure may start at `index`: not inside a number that started
 * earlier (the 5 of 35, the 三 of 两三个), which would read a fragment.
 */
export function mayStartAt(text: string, index: number): boolean {
  // Most characters of a report open nothing: one look-up rules them out before the checks below.
  if (!OPENING_CODES.has(text.charCodeAt(index))) return false
  const char = text[index] ?? ''
  const before = text[index - 1] ?? ''
  if (isArabicDigit(char)) return !isArabicDigit(before) && !DECIMAL_POINTS.has(before) && !isAsciiLetter(before)
  if (opensNumeral(char)) return !isNumeralChar(before)
  if (isRoman(char)) return !isRoman(before)
  if (ASCII_ROMAN.has(char)) return !isAsciiLetter(before)
  if (opensRoundNumber(text, index)) return true
  const word = OPENING_WORDS.find((candidate) => text.startsWith(candidate, index))
  if (word === undefined) return false
  const next = text[index + word.length] ?? ''
  // 百分之百: the whole, with no number written.
  return opensNumber(next) || (word === '百分之' && next === '百')
}

/**
 * A scale that stands for its own round number opens a figure together with the word that makes it
 * one: 近万场, 上千家 (the word belongs to the figure here, as the number is nothing without it), or
 * 万余人 outside a number (not the 万 of 3万余吨).
 */
function opensRoundNumber(text: string, index: number): boolean {
  const prefix = ROUND_PREFIXES.find((word) => text.startsWith(word, index))
  const at = index + (prefix?.length ?? 0)
  const scale = ROUND_SCALES.find((word) => text.startsWith(word, at))
  if (scale === undefined) return false
  if (prefix !== undefined) return true
  const before = text[index - 1] ?? ''
  const outsideNumber = !isNumeralChar(before) && !isArabicDigit(before) && !DECIMAL_POINTS.has(before)
  return outsideNumber && INFIX_BOUNDS.some((word) => text.startsWith(word.text, at + scale.length))
}

/** The furthest end a label starting at `start` can have: it stops at punctuation, spaces and foreign text. */
export function labelLimit(text: string, start: number): number {
  const limit = Math.min(text.length, start + MAX_LABEL_LENGTH)
  let end = start
  while (end < limit && mayContinue(text, end)) end += 1
  return end
}

function mayContinue(text: string, index: number): boolean {
  const char = text[index] ?? ''
  if (isIdeograph(char) || isArabicDigit(char) || isRoman(char) || ASCII_ROMAN.has(char)) return true
  if (LABEL_SYMBOLS.has(char)) return true
  // 1,234 groups thousands; the seed writes its Chinese commas as ASCII commas, which end a figure.
  return GROUP_SEPARATORS.has(char) && isArabicDigit(text[index - 1] ?? '') && isArabicDigit(text[index + 1] ?? '')
}

/**
 * Whether a label may end before `end`: after a digit, a numeral, or the end
 * of a unit, classifier or marker, and never inside a number (第1 of 第1.5,
 * 二 of 二十), which would propose a figure that was not printed.
 */
export function mayEndAt(text: string, end: number): boolean {
  const last = text[end - 1] ?? ''
  const next = text[end] ?? ''
  if (isArabicDigit(last))
    return !isArabicDigit(next) && !(DECIMAL_POINTS.has(next) && isArabicDigit(text[end + 1] ?? ''))
  if (isNumeralChar(last)) return !isNumeralChar(next)
  return isRoman(last) || CLOSING_CHARS.has(last)
}
