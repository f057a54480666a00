import type { Point, Position } from 'unist'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import type { Diagnostic, RelatedPlace } from '../model/compiled.js'
import { compareStrings } from '../model/compare.js'
import { rules, ruleUrl, type RuleId, type Severity } from './rules.js'

declare module 'vfile-message' {
  interface VFileMessage {
    /** Other places the message is about (see Diagnostic). */
    related?: RelatedPlace[]
  }
}

/**
 * Attach a problem found in content to its file, as a vfile message carrying
 * the rule's severity, fix and reference link, and the other places it is about.
 */
export function report(
  file: VFile,
  ruleId: RuleId,
  reason: string,
  place?: Point | Position,
  related?: readonly RelatedPlace[]
): VFileMessage {
  const rule = rules[ruleId]
  const message = file.message(reason, { place, ruleId, source: 'factmark' })
  // vfile's convention: fatal for an error, false for a warning, unset for information.
  message.fatal = rule.severity === 'info' ? undefined : rule.severity === 'error'
  message.note = rule.fix
  message.url = ruleUrl(ruleId)
  if (related && related.length > 0) message.related = [...related]
  return message
}

function severityOf(message: VFileMessage): Severity {
  if (message.fatal === undefined || message.fatal === null) return 'info'
  return message.fatal ? 'error' : 'warning'
}

export function toDiagnostic(message: VFileMessage): Diagnostic {
  const diagnostic: Diagnostic = {
    file: message.file ?? '',
    ...spanOf(message.place),
    severity: severityOf(message),
    ruleId: message.ruleId ?? 'internal',
    message: message.reason
  }
  if (message.note) diagnostic.fix = message.note
  if (message.url) diagnostic.url = message.url
  if (message.related) diagnostic.related = message.related
  return diagnostic
}

/** Where a message points: a point is a span of its own, and a message without a place points at the file's start. */
function spanOf(place: VFileMessage['place']): Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'> {
  const start = place && 'start' in place ? place.start : place
  const end = place && 'end' in place ? place.end : start
  const line = start?.line ?? 1
  const column = start?.column ?? 1
  return { line, column, endLine: end?.line ?? line, endColumn: end?.column ?? column }
}

/** Order for output: by file, then position, then rule, so runs compare equal. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return compareStrings(a.file, b.file) || a.line - b.line || a.column - b.column || compareStrings(a.ruleId, b.ruleId)
}
