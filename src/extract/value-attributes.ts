import {
  decimalShift,
  fromDecimal,
  fromFactor,
  readUnit,
  storeValue,
  times,
  type Figure,
  type FigureKind,
  type Ratio,
  type UnitReading
} from '../chinese-number/index.js'
import { ok, type Result } from '../model/result.js'
import { fail, notKept, type ValueProblem } from './value-problem.js'

/** A figure of the label with its value exactly, as a ratio: the figure's `value` is only the nearest number. */
export interface ExactFigure {
  figure: Figure
  exact: Ratio
}

/** A number written in an attribute, exactly, with the precision it was written with. */
export interface PlainNumber {
  value: Ratio
  decimals: number
}

/** A number given in an attribute, exactly, with the precision it was written with. */
function readPlainNumber(text: string): PlainNumber | undefined {
  const match = /^[+-]?\d+(?:\.(\d+))?$/.exec(text.trim())
  const value = match ? fromDecimal(text.trim()) : undefined
  if (!match || !value) return undefined
  return { value, decimals: match[1]?.length ?? 0 }
}

/** `value=`, when it is given: a plain number that a value can keep exactly. */
export function readValueAttribute(written: string | undefined): Result<PlainNumber | undefined, ValueProblem> {
  if (written === undefined) return ok(undefined)
  if (written.trim() === '')
    return fail(
      'attribute-invalid',
      'value= is empty: give the value as a plain number (value=12), or remove the attribute',
      'value'
    )
  const given = readPlainNumber(written)
  if (!given)
    return fail('attribute-invalid', `value="${written}" is not a plain number (write it like 12 or 0.5)`, 'value')
  const stored = storeValue(given.value)
  if (!stored.ok)
    return fail(
      'value-too-precise',
      `Cannot keep value="${written}" exactly: it ${notKept(stored.error, false)}`,
      'value'
    )
  return ok(given)
}

/**
 * `unit=`, when it is given: the unit of a bare number, or the same unit the
 * label prints. Only a label without a unit takes its scale and kind.
 */
export function applyUnitAttribute(
  text: string,
  written: string | undefined,
  read: ExactFigure
): Result<ExactFigure, ValueProblem> {
  if (written === undefined) return ok(read)
  const reading = readUnit(written)
  if (!reading) return fail('unit-unknown', `Unknown unit "${written}"`, 'unit')
  const { figure, exact } = read
  if (figure.displayUnit === '')
    return ok({ figure: withUnit(figure, reading), exact: times(exact, fromFactor(reading.factor)) })
  if (figure.unit !== reading.unit) {
    return fail(
      'unit-conflict',
      `The label "${text}" already gives the unit ${figure.displayUnit}, which unit="${written}" contradicts`,
      'unit'
    )
  }
  // A report may print 下降2% where it means points; unit=个百分点 says so.
  if (reading.kind === 'percentage-point') return ok({ figure: { ...figure, kind: 'percentage-point' }, exact })
  return ok(read)
}

/** A bare number written next to a unit given by `unit=`: scale it as the label would have been. */
function withUnit(figure: Figure, reading: UnitReading): Figure {
  const kind: FigureKind = reading.kind
  const next: Figure = {
    ...figure,
    kind,
    decimals: figure.decimals - decimalShift(reading.factor),
    unit: reading.unit,
    displayUnit: reading.display
  }
  if (reading.classifier !== undefined) next.classifier = reading.classifier
  return next
}
