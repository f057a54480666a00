export { readFigure } from './read-figure.js'
export { readUnit } from './units.js'
export { CURRENCY, convertValue, isUcumUnit } from './ucum.js'
export { decimalShift } from './precision.js'
export { parseChineseNumeral } from './numerals.js'
export {
  absolute,
  compare,
  fromDecimal,
  fromFactor,
  fromNumber,
  minus,
  negate,
  powerOfTen,
  times,
  toDecimal,
  toFixed,
  type Ratio
} from './ratio.js'
export { MAX_SIGNIFICANT_DIGITS, storeValue, type Stored, type StoredNumber, type Unstorable } from './storable.js'
export type { Bound, Converted, Figure, FigureKind, FigureProblem, FigureResult, UnitReading } from './types.js'
// The characters and words figures are made of, for scanners that look for figures in running text.
export { isArabicDigit } from './arabic.js'
export { INFIX_BOUNDS, SUFFIX_BOUNDS } from './bounds.js'
export {
  CLASS_CLASSIFIERS,
  ORDINAL_CLASSIFIERS,
  RANK_PLACE_CLASSIFIERS,
  WATER_CLASS_CLASSIFIER
} from './classifiers.js'
export { DATE_MARKERS } from './dates.js'
export { DIGITS, PLACES, isNumeralChar, opensNumeral } from './numerals.js'
export { PROPORTION_COLONS } from './proportion.js'
export { RANK_GOAL_WORDS } from './phrases.js'
export { RANGE_SEPARATORS } from './range.js'
export { ROUND_PREFIXES, ROUND_SCALES } from './round-number.js'
export { UNITS } from './units.js'
export type { BoundWord } from './bounds.js'
export type { DateLevel } from './dates.js'
export type { DateParts } from './reading.js'
export type { UnitEntry } from './units.js'
export type { Result } from '../model/result.js'
