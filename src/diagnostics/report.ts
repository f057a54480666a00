import type { Point, Position } from 'unist'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import type { Diagnostic } from '../model/compiled.js'
import { compareStrings } from '../model/compare.js'
import { rules, ruleUrl, type RuleId, type Severity } from './rules.js'

/**
 * Attach a problem found in content to its file, as a vfile message carrying
 * the rule's severity, fix and reference link.
 */
export function report(file: VFile, ruleId: RuleId, reason: string, place?: Point | Position): VFileMessage {
  const rule = rules[ruleId]
  const message = file.message(reason, { place, ruleId, source: 'factmark' })
  message.fatal = rule.severity === 'error'
  message.note = rule.fix
  message.url = ruleUrl(ruleId)
  return message
}

function severityOf(message: VFileMessage): Severity {
  return message.fatal ? 'error' : 'warning'
}

export function toDiagnostic(message: VFileMessage): Diagnostic {
  const place = message.place
  const start = place && 'start' in place ? place.start : place
  const end = place && 'end' in place ? place.end : start
  const diagnostic: Diagnostic = {
    file: message.file ?? '',
    line: start?.line ?? 1,
    column: start?.column ?? 1,
    endLine: end?.line ?? start?.line ?? 1,
    endColumn: end?.column ?? start?.column ?? 1,
    severity: severityOf(message),
    ruleId: message.ruleId ?? 'internal',
    message: message.reason
  }
  if (message.note) diagnostic.fix = message.note
  if (message.url) diagnostic.url = message.url
  return diagnostic
}

/** Order for output: by file, then position, then rule, so runs compare equal. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return compareStrings(a.file, b.file) || a.line - b.line || a.column - b.column || compareStrings(a.ruleId, b.ruleId)
}
