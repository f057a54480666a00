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
const SEQUENCE_DIGITS = new Set(['〇', '零', '一', '二', '三', '四', '五', '六', '七', '八', '九'])

/**
 * A digit-by-digit numeral needs three digits or more: two digits side by
 * side (三五个) mean "three or five", an estimate, not 35.
 */
const MIN_SEQUENCE_LENGTH = 3

/** Trailing scales that fix the precision of a Chinese numeral (三千万 is 3000万). */
const TRAILING_SCALES = SCALES.filter((scale) => scale.power >= 4 && scale.power % 4 === 0)

export function isNumeralChar(char: string): boolean {
  return char in DIGITS || char in PLACES || char in BIG_PLACES
}

export function isDigitChar(char: string): boolean {
  return char in DIGITS
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

/** A section below 10000: digit–place pairs in descending places, 零 marking a gap. */
function parseSection(text: string): Parsed | undefined {
  const chars = [...text]
  const noPlaceYet = 4
  let value = 0n
  let top: number | undefined
  let lastPlace = noPlaceYet
  let gap = false
  let index = 0
  while (index < chars.length) {
    const char = chars[index] ?? ''
    const next = chars[index + 1]
    if (ZEROS.has(char)) {
      if (gap || lastPlace === noPlaceYet) return undefined
      gap = true
      index += 1
      continue
    }
    const place = PLACES[char]
    if (place !== undefined) {
      // 十五, 十万: a bare 十 only opens a numeral.
      if (place !== 1 || index !== 0) return undefined
      value = 10n
      top = 1
      lastPlace = 1
      index += 1
      continue
    }
    const digitNumber = DIGITS[char]
    if (digitNumber === undefined) return undefined
    const digit = BigInt(digitNumber)
    const nextPlace = next === undefined ? undefined : PLACES[next]
    if (nextPlace !== undefined) {
      if (nextPlace >= lastPlace || (gap && nextPlace >= lastPlace - 1)) return undefined
      if (TWO_FOR_COUNTING.has(char) && nextPlace === 1) return undefined
      value += digit * tenTo(nextPlace)
      top ??= nextPlace
      lastPlace = nextPlace
      gap = false
      index += 2
      continue
    }
    if (next !== undefined) return undefined
    if (lastPlace === noPlaceYet) return { value: digit, top: 0 }
    if (TWO_FOR_COUNTING.has(char)) return undefined
    if (gap) {
      if (lastPlace < 2) return undefined
      value += digit
    } else {
      // 一百五 is 150: a trailing digit counts one place below the last.
      value += digit * tenTo(lastPlace - 1)
    }
    gap = false
    index += 1
  }
  if (gap || top === undefined) return undefined
  return { value, top }
}
