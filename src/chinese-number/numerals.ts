import { SCALES } from './scales.js'
/**
 * Chinese numerals, ordinary (一二三, 十百千, 万亿) and financial (壹贰叁,
 * 拾佰仟). Read strictly: a numeral that a careful writer would not produce
 * (两十, 一百零五十, 一万五百) is refused rather than guessed, because a
 * wrong figure in published data is worse than a diagnostic.
 */

export const DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  貳: 2,
  两: 2,
  兩: 2,
  三: 3,
  叁: 3,
  參: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9
}

/** Places inside a section of four digits. */
export const PLACES: Readonly<Record<string, number>> = {
  十: 1,
  拾: 1,
  百: 2,
  佰: 2,
  千: 3,
  仟: 3
}

/** Places that open a new section of four digits. */
export const BIG_PLACES: Readonly<Record<string, number>> = {
  万: 4,
  萬: 4,
  亿: 8,
  億: 8
}

const ZEROS = new Set(['零', '〇'])

/** 两 counts (两百, 两万) but is not a ones digit (二十二, not 二十两) nor a tens digit (二十). */
const TWO_FOR_COUNTING = new Set(['两', '兩'])

/** Digits allowed in a digit-by-digit reading such as the year 二〇二五. */
export const SEQUENCE_DIGITS: ReadonlySet<string> = new Set([
  '〇',
  '零',
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九'
])

/**
 * A digit-by-digit numeral needs three digits or more: two digits side by
 * side (三五个) mean "three or five", an estimate, not 35.
 */
const MIN_SEQUENCE_LENGTH = 3

/** Trailing scales that fix the precision of a Chinese numeral (三千万 is 3000万). */
const TRAILING_SCALES = SCALES.filter((scale) => scale.power >= 4 && scale.power % 4 === 0)

// Every numeral is one UTF-16 unit, and the scan for figures asks of each character of a report
// whether it is one: a set of codes answers about six times sooner than `in` on the tables above,
// which looks up a string made for the one character.
const codesOf = (...tables: Array<Readonly<Record<string, number>>>) =>
  new Set(tables.flatMap((table) => Object.keys(table).map((char) => char.charCodeAt(0))))
const NUMERAL_CODES = codesOf(DIGITS, PLACES, BIG_PLACES)
const DIGIT_CODES = codesOf(DIGITS)
/** What opens a numeral: a digit, or 十 (十五). */
const OPENING_CODES = new Set([
  ...DIGIT_CODES,
  ...Object.keys(PLACES)
    .filter((char) => PLACES[char] === 1)
    .map((char) => char.charCodeAt(0))
])

export function isNumeralChar(char: string): boolean {
  return char.length === 1 && NUMERAL_CODES.has(char.charCodeAt(0))
}

export function isDigitChar(char: string): boolean {
  return char.length === 1 && DIGIT_CODES.has(char.charCodeAt(0))
}

/** Whether a Chinese numeral may open with `char`: a digit, or 十 (十五); 百分点 and 万吨 hold no number. */
export function opensNumeral(char: string): boolean {
  return char.length === 1 && OPENING_CODES.has(char.charCodeAt(0))
}

/** 二〇二五, 一九九八: digits read one by one, as years are written. */
export function isDigitSequence(text: string): boolean {
  const chars = [...text]
  return (
    chars.length >= MIN_SEQUENCE_LENGTH &&
    chars.every((char) => SEQUENCE_DIGITS.has(char)) &&
    !ZEROS.has(chars[0] ?? '')
  )
}

/** The scale a numeral ends with, as written, and its power of ten: 三千万 → 万, 4. */
export function trailingScale(text: string): { text: string; power: number } | undefined {
  return TRAILING_SCALES.find((scale) => text.length > scale.text.length && text.endsWith(scale.text))
}

/** '一百零五' → 105; undefined when `text` is not exactly one numeral. */
export function parseChineseNumeral(text: string): number | undefined {
  const exact = parseChineseNumeralExactly(text)
  return exact === undefined ? undefined : Number(exact)
}

/**
 * The numeral's value in bigint: 九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九
 * has 16 digits, past the integers a double holds, and must not come out as
 * a rounder number than was written.
 */
export function parseChineseNumeralExactly(text: string): bigint | undefined {
  if (text === '') return undefined
  if (isDigitSequence(text)) {
    return [...text].reduce((value, char) => value * 10n + BigInt(DIGITS[char] ?? 0), 0n)
  }
  if ([...text].length === 1 && ZEROS.has(text)) return 0n
  return parseBelow(text, 16)?.value
}

const BIG_PLACES_DESCENDING = Object.entries(BIG_PLACES).sort((a, b) => b[1] - a[1])

interface Parsed {
  value: bigint
  /** Highest place written: 三千五百 → 3. */
  top: number
}

const tenTo = (power: number): bigint => 10n ** BigInt(power)

/** A numeral whose value is below 10^limit; sections split at the highest big place. */
function parseBelow(text: string, limit: number): Parsed | undefined {
  for (const [char, power] of BIG_PLACES_DESCENDING) {
    if (power >= limit) continue
    const index = text.lastIndexOf(char)
    if (index === -1) continue
    const high = parseBelow(text.slice(0, index), power)
    const low = parseRest(text.slice(index + 1), power)
    if (!high || high.value === 0n || low === undefined) return undefined
    return { value: high.value * tenTo(power) + low, top: high.top + power }
  }
  return parseSection(text)
}

/**
 * What follows a big place of `power`: nothing; one digit, which counts one
 * place lower (一万五 = 15000); 零 and a smaller number (一万零五); or a
 * number that starts right below (一万二千).
 */
function parseRest(text: string, power: number): bigint | undefined {
  if (text === '') return 0n
  const chars = [...text]
  const first = chars[0] ?? ''
  if (chars.length === 1 && first in DIGITS && !ZEROS.has(first) && !TWO_FOR_COUNTING.has(first)) {
    return BigInt(DIGITS[first] ?? 0) * tenTo(power - 1)
  }
  if (ZEROS.has(first)) {
    return parseBelow(chars.slice(1).join(''), power - 1)?.value
  }
  const parsed = parseBelow(text, power)
  return parsed && parsed.top === power - 1 ? parsed.value : undefined
}

/** Above every place in a section, so that any place may come first. */
const NO_PLACE_YET = 4

/** How far a section has been read; one per section, updated in place. */
interface SectionState {
  value: bigint
  top: number | undefined
  lastPlace: number
  /** A 零 was read and the place it skips is not yet filled. */
  gap: boolean
}

/** A section below 10000: digit–place pairs in descending places, 零 marking a gap. */
function parseSection(text: string): Parsed | undefined {
  const chars = [...text]
  const state: SectionState = { value: 0n, top: undefined, lastPlace: NO_PLACE_YET, gap: false }
  let index = 0
  while (index < chars.length) {
    const used = readSectionStep(state, chars, index)
    if (used === 0) return undefined
    index += used
  }
  if (state.gap || state.top === undefined) return undefined
  return { value: state.value, top: state.top }
}

/** Reads what starts at `index` into `state`: the characters used, 0 when the section is not well formed. */
function readSectionStep(state: SectionState, chars: string[], index: number): number {
  const char = chars[index] ?? ''
  if (ZEROS.has(char)) return readZero(state)
  const place = PLACES[char]
  if (place !== undefined) return readOpeningTen(state, place, index)
  const digit = DIGITS[char]
  if (digit === undefined) return 0
  const next = chars[index + 1]
  if (next === undefined) return readLastDigit(state, char, BigInt(digit))
  const nextPlace = PLACES[next]
  return nextPlace === undefined ? 0 : readDigitAndPlace(state, char, BigInt(digit), nextPlace)
}

/** 零 fills one gap after a place: 一百零五, not 零五 nor 一百零零五. */
function readZero(state: SectionState): number {
  if (state.gap || state.lastPlace === NO_PLACE_YET) return 0
  state.gap = true
  return 1
}

/** 十五, 十万: a bare 十 only opens a numeral. */
function readOpeningTen(state: SectionState, place: number, index: number): number {
  if (place !== 1 || index !== 0) return 0
  state.value = 10n
  state.top = 1
  state.lastPlace = 1
  return 1
}

/** 三千, 五百: places must descend, and past a 零 skip at least one place. */
function readDigitAndPlace(state: SectionState, char: string, digit: bigint, place: number): number {
  if (place >= state.lastPlace || (state.gap && place >= state.lastPlace - 1)) return 0
  if (TWO_FOR_COUNTING.has(char) && place === 1) return 0
  state.value += digit * tenTo(place)
  state.top ??= place
  state.lastPlace = place
  state.gap = false
  return 2
}

function readLastDigit(state: SectionState, char: string, digit: bigint): number {
  if (state.lastPlace === NO_PLACE_YET) {
    state.value = digit
    state.top = 0
    return 1
  }
  if (TWO_FOR_COUNTING.has(char)) return 0
  if (state.gap) {
    if (state.lastPlace < 2) return 0
    state.value += digit
  } else {
    // 一百五 is 150: a trailing digit counts one place below the last.
    state.value += digit * tenTo(state.lastPlace - 1)
  }
  state.gap = false
  return 1
}
