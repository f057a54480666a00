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
const fullWidth: Record<string, string> = {
  '：': ':',
  '【': '[',
  '】': ']',
  '［': '[',
  '］': ']',
  '｛': '{',
  '｝': '}',
  '＝': '=',
  '＂': '"'
}
const opening = /[:：]fact[[【［{｛]/g
// Whether a span holds any character above: most annotations hold none, and one test of the span
// spares a look-up in the table for each of its characters (every annotation of a report is looked at).
const mayBreak = new RegExp(`[${Object.keys(fullWidth).join('')}\u3000]`)

/**
 * Find annotations that full-width punctuation or an ideographic space
 * would break: `：fact[…]`, `:fact【…】`, `{metric=x␣unit=y}` (with U+3000 for ␣). The parser
 * cannot report these, because to it they are plain text or a different
 * directive.
 */
export function findHazards(text: string): Hazard[] {
  const hazards: Hazard[] = []
  const endOf = annotationEnds(text)
  // Spans of annotations that never close overlap up to the end of their line: each character is looked at once.
  let scanned = 0
  for (const match of text.matchAll(opening)) {
    const start = match.index
    const end = endOf(start, start + 5)
    let at = Math.max(start, scanned)
    const span = text.slice(at, end)
    scanned = Math.max(scanned, end)
    if (!mayBreak.test(span)) continue
    const label = asciiLabel(text, start, end)
    for (const char of span) {
      // A label is the figure as printed: 2：1 and ２：１ are ratios, not a broken annotation.
      if (at >= label.start && at < label.end && (char === '：' || char === '\u3000')) {
        at += char.length
        continue
      }
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

/**
 * The text between the brackets of a label opened by `:fact[` and closed by `]` (the first of the
 * closing brackets), within the span, [start, end); an empty range when the annotation does not open
 * so or does not close its label so. Looked for only in a span that holds a full-width character.
 * The label ends, for this purpose, where an annotation opened otherwise than `:fact[` starts in
 * it (`：fact［`): what follows is that annotation's too, which has no label to hold a ratio.
 */
function asciiLabel(text: string, start: number, end: number): { start: number; end: number } {
  const open = start + ':fact'.length
  if (text[start] !== ':' || text[open] !== '[') return { start: 0, end: 0 }
  let close = open + 1
  while (close < end && !']】］'.includes(text[close] ?? '')) close++
  if (text[close] !== ']' || close >= end) return { start: 0, end: 0 }
  const inner = new RegExp(opening.source, 'g')
  inner.lastIndex = open + 1
  for (let found = inner.exec(text); found && found.index < close; found = inner.exec(text))
    if (text[found.index] !== ':' || text[found.index + 5] !== '[') return { start: open + 1, end: found.index }
  return { start: open + 1, end: close }
}

/** An annotation whose directive name is most likely a misspelt `fact`, which the parser leaves as text. */
export interface Misspelt {
  /** Offsets of the whole annotation-like span: colons, name, label and attributes. */
  start: number
  end: number
  name: string
}

/**
 * Find `:Fact[…]{…}`, `:fcat[…]` and the like: a name one slip away from
 * `fact` with a label or attributes after it. Only `:fact` is syntax, so
 * to the parser these are plain text; the caller decides which of them
 * stand in text rather than in code.
 */
export function findMisspelt(text: string): Misspelt[] {
  const found: Misspelt[] = []
  const endOf = annotationEnds(text)
  for (const match of text.matchAll(/(?<!:):+([A-Za-z][A-Za-z0-9_-]*)(?=[[{])/g)) {
    const name = match[1] as string
    if (!isFactTypo(name)) continue
    found.push({ start: match.index, end: endOf(match.index, match.index + match[0].length), name })
  }
  return found
}

/**
 * The end of the label and attributes after each annotation's name, on the
 * same line, whatever brackets close them; asked in text order. Each
 * search goes on from where the last one stopped, so a line of thousands
 * of unclosed `:fact[` is read once, not once for each.
 */
function annotationEnds(text: string): (start: number, nameEnd: number) => number {
  const lineEnd = nextOf(text, /\n/g)
  const labelEnd = nextOf(text, /[\]】］]/g)
  const attributesEnd = nextOf(text, /[}｝]/g)
  return (start, nameEnd) => {
    const limit = lineEnd(start)
    let at = nameEnd
    if ('[【［'.includes(text[at] ?? '\n')) at = Math.min(labelEnd(at + 1) + 1, limit)
    if ('{｛'.includes(text[at] ?? '\n')) at = Math.min(attributesEnd(at + 1) + 1, limit)
    return Math.min(at, limit)
  }
}

/**
 * The index of the next character that `pattern` (global, one character long) matches, at or after
 * a position that never decreases from one call to the next (the text length if none).
 */
function nextOf(text: string, pattern: RegExp): (from: number) => number {
  let found = -1
  return (from) => {
    if (found >= from) return found
    pattern.lastIndex = from
    found = pattern.exec(text)?.index ?? text.length
    return found
  }
}

/** Whether a directive name is most likely a misspelt `fact`: other case, one edit, or the same letters. */
function isFactTypo(name: string): boolean {
  if (name === 'fact') return false
  const lower = name.toLowerCase()
  if (lower === 'fact' || distance(lower, 'fact') === 1) return true
  return lower.length === 4 && [...lower].sort().join('') === 'acft'
}
