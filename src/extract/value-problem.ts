import { MAX_SIGNIFICANT_DIGITS, type Unstorable } from '../chinese-number/index.js'
import type { RuleId } from '../diagnostics/rules.js'
import { err } from '../model/result.js'

/** Why an annotation gives no value, and which part of it is at fault. */
export interface ValueProblem {
  ruleId: RuleId
  message: string
  /** Which part of the annotation is at fault. */
  at: 'label' | 'unit' | 'value' | 'aspect'
}

export function fail(ruleId: RuleId, message: string, at: ValueProblem['at']): { ok: false; error: ValueProblem } {
  return err({ ruleId, message, at })
}

/** Why a value cannot be kept exactly, naming the limit; `shown` when the value differs from what the editor wrote. */
export function notKept(problem: Unstorable, shown: boolean): string {
  const value = shown ? `is ${problem.text}, which ` : ''
  if (problem.problem === 'digits') {
    return `${value}has ${problem.digits} significant digits, more than the ${MAX_SIGNIFICANT_DIGITS} a value keeps exactly (a double-precision number holds no more)`
  }
  const size = /^-?0\./.test(problem.text) ? 'too close to zero' : 'too large'
  return `${shown ? `is ${problem.text}, ` : 'is '}${size}: a double-precision number reaches from about 1e-307 to 1e308`
}
