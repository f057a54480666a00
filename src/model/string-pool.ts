import type { Diagnostic } from './compiled.js'

/**
 * One string for each text: `pool(text)` gives the first string of that text it was given. Text
 * parsed from JSON, or made anew for each fact or message, is a copy of its own each time; what
 * thousands of reports say alike (a file name, a period, a rule's advice) is then held once.
 */
export function stringPool(): (text: string) => string {
  const texts = new Map<string, string>()
  return (text) => {
    const kept = texts.get(text)
    if (kept !== undefined) return kept
    texts.set(text, text)
    return text
  }
}

/** A diagnostic whose texts are those of the pool: the same object, its strings replaced. */
export function pooledDiagnostic(diagnostic: Diagnostic, pooled: (text: string) => string): Diagnostic {
  diagnostic.file = pooled(diagnostic.file)
  diagnostic.severity = pooled(diagnostic.severity) as Diagnostic['severity']
  diagnostic.ruleId = pooled(diagnostic.ruleId)
  diagnostic.message = pooled(diagnostic.message)
  if (diagnostic.fix !== undefined) diagnostic.fix = pooled(diagnostic.fix)
  if (diagnostic.url !== undefined) diagnostic.url = pooled(diagnostic.url)
  for (const place of diagnostic.related ?? []) {
    place.file = pooled(place.file)
    place.message = pooled(place.message)
  }
  return diagnostic
}
