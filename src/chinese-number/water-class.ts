import type { Result } from '../model/result.js'
import { WATER_CLASS_CLASSIFIER } from './classifiers.js'
import type { FigureProblem } from './types.js'
import { failure, success, type Reading } from './reading.js'
import { reasons } from './reasons.js'

/** Roman numerals U+2160…U+216B; Ⅵ and above are listed only to refuse them with a reason. */
const ROMAN: Readonly<Record<string, number>> = {
  Ⅰ: 1,
  Ⅱ: 2,
  Ⅲ: 3,
  Ⅳ: 4,
  Ⅴ: 5,
  Ⅵ: 6,
  Ⅶ: 7,
  Ⅷ: 8,
  Ⅸ: 9,
  Ⅹ: 10,
  Ⅺ: 11,
  Ⅻ: 12
}

/** ASCII look-alikes, accepted only before 类 (a bare "V" is a letter). */
const ASCII_ROMAN: Readonly<Record<string, number>> = {
  I: 1,
  II: 2,
  III: 3,
  IV: 4,
  V: 5,
  VI: 6,
  VII: 7,
  VIII: 8,
  IX: 9,
  X: 10
}

/** GB 3838-2002 defines classes Ⅰ to Ⅴ. */
const WORST_CLASS = 5

/**
 * 劣Ⅴ类 ("worse than Ⅴ") is water that fails even class Ⅴ. It is read as
 * class 6 so that classes stay ordered numbers (higher is worse) and
 * comparisons such as "from 劣Ⅴ to Ⅳ" remain computable; no class Ⅵ exists.
 */
const WORSE_THAN_WORST = WORST_CLASS + 1
const WORSE = '劣'

/** Ⅱ类, 劣Ⅴ类, IV类, Ⅲ; undefined when the label does not start like a class. */
export function readWaterClass(label: string, text: string): Result<Reading, FigureProblem> | undefined {
  const worse = text.startsWith(WORSE)
  const start = worse ? WORSE.length : 0
  const numeral = romanAt(text, start)
  if (!numeral) return worse ? failure(reasons.worseOnlyV(label)) : undefined
  const tail = text.slice(numeral.end)
  if (tail !== '' && tail !== WATER_CLASS_CLASSIFIER) return failure(reasons.unknownUnit(label, tail))
  if (worse && numeral.value !== WORST_CLASS) return failure(reasons.worseOnlyV(label))
  if (numeral.value > WORST_CLASS) return failure(reasons.waterClass(label))
  const reading: Reading = {
    kind: 'class',
    value: worse ? WORSE_THAN_WORST : numeral.value,
    decimals: 0,
    unit: '1',
    displayUnit: tail,
    scaleText: '',
    unitText: tail
  }
  if (tail !== '') reading.classifier = tail
  return success(reading)
}

function romanAt(text: string, start: number): { value: number; end: number } | undefined {
  const char = text[start] ?? ''
  const unicode = ROMAN[char]
  if (unicode !== undefined) return { value: unicode, end: start + 1 }
  const ascii = /^[IVX]+/.exec(text.slice(start))?.[0]
  if (ascii === undefined) return undefined
  const value = ASCII_ROMAN[ascii]
  const end = start + ascii.length
  if (value === undefined || !text.startsWith(WATER_CLASS_CLASSIFIER, end)) return undefined
  return { value, end }
}
