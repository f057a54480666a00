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
type ToSpan = (from: number, to: number) => Position
type AttributeSpan = DirectiveSpans['attributes'][number]

// name, name=value, name="value", #id, .class; sticky, so each match starts where it is asked to.
const ATTRIBUTE = /([#.])([^\s{}#.="']+)|([^\s{}#.="']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`}]+))?/gy
const SPACE = /\s/

/**
 * Read the spans of a `:fact[...]{...}` directive back from the source: mdast
 * keeps the position of the whole directive and of its label's content, but
 * not of each attribute.
 */
export function directiveSpans(node: TextDirective, source: string, toPoint: ToPoint): DirectiveSpans | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return undefined
  const span: ToSpan = (from, to) => ({ start: toPoint(from), end: toPoint(to) })

  const nameEnd = start + 1 + node.name.length
  const labelEnd = closingBracket(source, nameEnd, end)
  const hasLabel = source[nameEnd] === '['
  const label = hasLabel ? span(nameEnd + 1, Math.max(nameEnd + 1, labelEnd)) : span(start, end)
  const attributesStart = hasLabel ? labelEnd + 1 : nameEnd
  const attributes = source[attributesStart] === '{' ? attributeSpans(source, attributesStart + 1, end - 1, span) : []
  return { whole: span(start, end), label, attributes }
}

/** The attributes between `from` and the closing brace at `close`. */
function attributeSpans(source: string, from: number, close: number, span: ToSpan): AttributeSpan[] {
  const attributes: AttributeSpan[] = []
  let offset = from
  while (offset < close) {
    while (offset < close && SPACE.test(source[offset] ?? '')) offset++
    if (offset >= close) break
    ATTRIBUTE.lastIndex = offset
    const match = ATTRIBUTE.exec(source)
    if (!match || match.index >= close) break
    attributes.push(match[1] ? shorthandSpan(match, span) : namedSpan(match, span))
    offset = match.index + Math.max(1, match[0].length)
  }
  return attributes
}

/** #id and .class: the key is the sign, the value what follows it. */
function shorthandSpan(match: RegExpExecArray, span: ToSpan): AttributeSpan {
  const at = match.index
  const value = span(at + 1, at + match[0].length)
  return { name: match[1] === '#' ? 'id' : 'class', key: span(at, at + 1), value }
}

/** name or name=value: a bare name stands for its own value. */
function namedSpan(match: RegExpExecArray, span: ToSpan): AttributeSpan {
  const at = match.index
  const name = match[3] ?? ''
  const key = span(at, at + name.length)
  const raw = match[4]
  return { name, key, value: raw === undefined ? key : valueSpan(raw, at + match[0].length - raw.length, span) }
}

/** A quoted value's span leaves out its quotes, so a diagnostic points at the text itself. */
function valueSpan(raw: string, rawStart: number, span: ToSpan): Position {
  const quoted = raw.startsWith('"') || raw.startsWith("'")
  return quoted ? span(rawStart + 1, rawStart + raw.length - 1) : span(rawStart, rawStart + raw.length)
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
