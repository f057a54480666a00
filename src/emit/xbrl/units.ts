import { compareStrings } from '../../model/compare.js'
import { CURRENCY } from '../../chinese-number/index.js'
import { prefixed } from './namespaces.js'
import { escapeNcName } from './ncname.js'
import { ucumTerms } from './ucum-terms.js'

/** How a fact's UCUM unit is written in xBRL. */
export interface XbrlUnit {
  /**
   * The OIM unit string; absent for xbrli:pure, which the OIM writes by leaving the unit out
   * (writing it is oime:illegalPureUnit).
   */
  unit?: string
  /** XBRL writes the value divided by 10^scale: a percentage as a fraction. */
  scale: number
}

// Units that are not UCUM measures in xBRL.
const specialUnits: Record<string, XbrlUnit> = {
  '%': { scale: 2 },
  '1': { scale: 0 },
  [CURRENCY]: { unit: prefixed('iso4217', CURRENCY), scale: 0 }
}

const pure = prefixed('xbrli', 'pure')

/**
 * The xBRL unit of a UCUM code (or CNY): `ug/m3` → `ucum:ug/ucum:m3`, `kW.h` → `ucum:h*ucum:kW`,
 * `%` → pure, scale 2.
 */
export function xbrlUnit(code: string): XbrlUnit {
  const special = specialUnits[code]
  if (special) return special
  const unit = oimUnitString(code)
  return unit === undefined ? { scale: 0 } : { unit, scale: 0 }
}

/**
 * The OIM unit string representation: measures joined by `*`, sorted (OIM
 * requires it: `ucum:h*ucum:kW`, not the order UCUM wrote), with one `/`
 * and parentheses around a side of more than one measure only when there is
 * a denominator. A term the numerator and the denominator share cancels.
 * A code that does not parse stays one measure, so no unit is ever lost.
 */
function oimUnitString(code: string): string | undefined {
  const terms = ucumTerms(code) ?? { numerator: [code], denominator: [] }
  const numerator = terms.numerator.map(measure)
  const denominator: string[] = []
  for (const term of terms.denominator.map(measure)) {
    const shared = numerator.indexOf(term)
    if (shared >= 0) numerator.splice(shared, 1)
    else denominator.push(term)
  }
  if (denominator.length === 0) return numerator.length === 0 ? undefined : side(numerator, false)
  return `${side(numerator.length === 0 ? [pure] : numerator, true)}/${side(denominator, true)}`
}

function measure(term: string): string {
  return prefixed('ucum', escapeNcName(term))
}

function side(measures: string[], grouped: boolean): string {
  // The OIM compares measures as strings of code units, not by language rules.
  const text = [...measures].sort(compareStrings).join('*')
  return grouped && measures.length > 1 ? `(${text})` : text
}
