import { distance } from 'fastest-levenshtein'

/** A character that silently breaks an annotation, and the annotation-like text around it. */
export interface Hazard {
  /** Offsets of the offending character. */
  start: number
  end: number
  message: string
  /** Offsets of the whole annotation-like span, whose other diagnostics the hazard explains. */
  spanStart: number
  spanEnd: number
}

// What an input method types instead of the directive syntax.
const fullWidth: Record<string, string> = { '：': ':', '【': '[', '】': ']', '［': '[', '］': ']', '｛': '{', '｝': '}', '＝': '=', '＂': '"' }
const opening = /[:：]fact[[【［{｛]/g

/**
 * Find annotations that full-width punctuation or an ideographic space
 * would break: `：fact[…]`, `:fact【…】`, `{metric=x　unit=y}`. The parser
 * cannot report these, because to it they are plain text or a different
 * directive.
 */
export function findHazards(text: string): Hazard[] {
  const hazards: Hazard[] = []
  for (const match of text.matchAll(opening)) {
    const start = match.index
    const end = annotationEnd(text, start)
    const span = text.slice(start, end)
    let at = start
    for (const char of span) {
      const ascii = fullWidth[char]
      const message =
        ascii !== undefined
          ? `The full-width "${char}" in this annotation is not "${ascii}", so the annotation is not read as written; type "${ascii}"`
          : char === '\u3000'
            ? 'An ideographic space (U+3000) in this annotation is not a separator, so the attributes around it run together; type an ASCII space'
            : undefined
      if (message) hazards.push({ start: at, end: at + char.length, message, spanStart: start, spanEnd: end })
      at += char.length
    }
  }
  return hazards
}

/** The end of the label and attributes after `:fact`, on the same line, whatever brackets close them. */
function annotationEnd(text: string, start: number): number {
  const lineEnd = text.indexOf('\n', start)
  const limit = lineEnd === -1 ? text.length : lineEnd
  let at = start + 5
  for (const [open, close] of [['[【［', ']】］'], ['{｛', '}｝']] as const) {
    if (!open.includes(text[at] ?? '')) continue
    let close_ = at + 1
    while (close_ < limit && !close.includes(text[close_] ?? '')) close_++
    at = Math.min(close_ + 1, limit)
  }
  return at
}

/** Whether a directive name is most likely a misspelt `fact`: other case, one edit, or the same letters. */
export function isFactTypo(name: string): boolean {
  if (name === 'fact') return false
  const lower = name.toLowerCase()
  if (lower === 'fact' || distance(lower, 'fact') === 1) return true
  return lower.length === 4 && [...lower].sort().join('') === 'acft'
}
