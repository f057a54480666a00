import type { Point, Position } from 'unist'
import type { TextDirective } from 'mdast-util-directive'

/** Where the parts of a text directive stand in the source, for precise diagnostics. */
export interface DirectiveSpans {
  whole: Position
  /** The figure between the brackets. */
  label: Position
  /** Each attribute as written: the span of its value (or of its name when it has none). */
  attributes: Array<{ name: string; key: Position; value: Position }>
}

type ToPoint = (offset: number) => Point

/**
 * Read the spans of a `:fact[...]{...}` directive back from the source: mdast
 * keeps the position of the whole directive and of its label's content, but
 * not of each attribute.
 */
export function directiveSpans(node: TextDirective, source: string, toPoint: ToPoint): DirectiveSpans | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return undefined
  const span = (from: number, to: number): Position => ({ start: toPoint(from), end: toPoint(to) })

  const nameEnd = start + 1 + node.name.length
  const labelEnd = closingBracket(source, nameEnd, end)
  const label = source[nameEnd] === '[' ? span(nameEnd + 1, Math.max(nameEnd + 1, labelEnd)) : span(start, end)
  const attributesStart = source[nameEnd] === '[' ? labelEnd + 1 : nameEnd
  const attributes: DirectiveSpans['attributes'] = []
  if (source[attributesStart] === '{') {
    // name, name=value, name="value", #id, .class
    const pattern = /([#.])([^\s{}#.="']+)|([^\s{}#.="']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`}]+))?/gy
    let offset = attributesStart + 1
    const close = end - 1
    while (offset < close) {
      while (offset < close && /\s/.test(source[offset] ?? '')) offset++
      if (offset >= close) break
      pattern.lastIndex = offset
      const match = pattern.exec(source)
      if (!match || match.index >= close) break
      const matchStart = match.index
      if (match[1]) {
        const name = match[1] === '#' ? 'id' : 'class'
        const valueSpan = span(matchStart + 1, matchStart + match[0].length)
        attributes.push({ name, key: span(matchStart, matchStart + 1), value: valueSpan })
      } else {
        const name = match[3] ?? ''
        const nameSpan = span(matchStart, matchStart + name.length)
        const raw = match[4]
        let valueSpan = nameSpan
        if (raw !== undefined) {
          const rawStart = matchStart + match[0].length - raw.length
          const quoted = raw.startsWith('"') || raw.startsWith("'")
          valueSpan = quoted ? span(rawStart + 1, rawStart + raw.length - 1) : span(rawStart, rawStart + raw.length)
        }
        attributes.push({ name, key: nameSpan, value: valueSpan })
      }
      offset = matchStart + Math.max(1, match[0].length)
    }
  }
  return { whole: span(start, end), label, attributes }
}

/** The offset of the `]` that closes the label opened at `open`, honouring nesting and escapes. */
export function closingBracket(source: string, open: number, end: number): number {
  if (source[open] !== '[') return open
  let depth = 0
  for (let offset = open; offset < end; offset++) {
    const char = source[offset]
    if (char === '\\') offset++
    else if (char === '[') depth++
    else if (char === ']' && --depth === 0) return offset
  }
  return end
}
