import type { Fact, SourcePosition } from '../../model/schema-types.js'
import { conceptName } from './concepts.js'
import { decimalString } from './decimal.js'
import { dimensionValues } from './dimensions.js'
import { prefixed } from './namespaces.js'
import { xbrlPeriod } from './periods.js'
import { xbrlUnit } from './units.js'

/** One fact of an xBRL-JSON report. */
export interface XbrlJsonFact {
  value: string
  decimals?: number
  dimensions: Record<string, string>
  /**
   * Extension properties (xBRL-JSON allows prefixed properties on a fact): what a reader of our
   * bundle knows the fact by.
   */
  'factmark:id': string
  'factmark:text': string
  /** A qualifier the text puts on the value (前4 is at most 4), which XBRL has no place for. */
  'factmark:bound'?: NonNullable<Fact['bound']>
  'factmark:source': SourcePosition
}

/**
 * A fact as xBRL-JSON writes it: the value as an xs:decimal string in the
 * unit XBRL uses (99.2 % → "0.992", decimals 1 → 3), or a date as the ISO
 * text it is, with no unit and no decimals (a string concept has neither).
 */
export function xbrlJsonFact(fact: Fact, periodOf: (period: string) => string = xbrlPeriod): XbrlJsonFact {
  const dimensions: Record<string, string> = {
    concept: prefixed('fm', conceptName(fact)),
    // An SQName's local part may hold anything but white space; % escapes it so that it can be read back.
    entity: prefixed('fm-entity', fact.entity.replace(/[\s%]/gu, encodeURIComponent)),
    period: periodOf(fact.period)
  }
  let value: string
  let decimals: number | undefined
  if (typeof fact.value === 'string') {
    value = fact.value
  } else {
    const { unit, scale } = xbrlUnit(fact.unit)
    value = decimalString(fact.value, scale)
    if (fact.decimals !== undefined) decimals = fact.decimals + scale
    if (unit !== undefined) dimensions['unit'] = unit
  }
  for (const [name, member] of dimensionValues(fact)) dimensions[prefixed('fm-dim', name)] = member
  return {
    value,
    ...(decimals !== undefined && { decimals }),
    dimensions,
    'factmark:id': fact.id,
    'factmark:text': fact.text,
    ...(fact.bound !== undefined && { 'factmark:bound': fact.bound }),
    'factmark:source': fact.source
  }
}
