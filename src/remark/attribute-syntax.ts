/**
 * Why the braces after an annotation's label were not read as attributes.
 * One wrong attribute makes remark-directive drop the whole block, so that
 * `{metric=air.pm25 value=}` leaves a fact with no metric at all; this reads
 * the block again by the same grammar (micromark-extension-directive,
 * factory-attributes.js) to name the attribute at fault.
 */
export interface AttributeSyntaxError {
  /** Offsets of the attribute at fault. */
  start: number
  end: number
  message: string
}

const dropped = 'so none of the attributes in these braces is read'

const problems = {
  empty: (name: string) => `${name}= is empty, ${dropped}: give it a value (${name}="…") or remove it`,
  quoteValue: (name: string, char: string) =>
    `The value of ${name} holds "${char}", ${dropped}: put the value in quotes (${name}="…")`,
  unclosedQuote: (name: string) => `The quoted value of ${name} is not closed, ${dropped}: end it with the same quote`,
  badName: (text: string) => `"${text}" is not an attribute name (ASCII letters, digits, -, ., : and _), ${dropped}`,
  emptyShortcut: (marker: string) => `"${marker}" is not followed by a name, ${dropped}`,
  spaceAfterQuote: (name: string) =>
    `The quoted value of ${name} runs into the next character, ${dropped}: put a space after the closing quote`,
  commaBetween: (name: string, next: string) =>
    `A comma parts ${name} from ${next}, ${dropped}: part attributes with spaces (${name}=… ${next}=…)`,
  unclosed: () => `These braces are not closed before the paragraph ends, ${dropped}: end them with "}"`,
  unclosedBefore: () => `These braces are not closed before the next annotation, ${dropped}: end them with "}"`
} as const

const space = (char: string | undefined) => char === ' ' || char === '\t' || char === '\n' || char === '\r'
const nameStart = (char: string | undefined) => char !== undefined && /^[A-Za-z:_]$/.test(char)
const nameChar = (char: string | undefined) => char !== undefined && /^[A-Za-z0-9:_.-]$/.test(char)
/** Characters an unquoted value cannot hold. */
const unquotedStop = new Set(['"', "'", '<', '=', '>', '`'])
const quote = (char: string) => char === '"' || char === "'"
const shortcutChar = (char: string) =>
  !space(char) && !unquotedStop.has(char) && char !== '#' && char !== '.' && char !== '}'
const unquotedChar = (char: string) => !space(char) && char !== '}' && !unquotedStop.has(char)
/** How far what is not a name runs: it is reported whole. */
const notANameChar = (char: string) => !space(char) && char !== '=' && char !== '}'
/** A name without `=` is a boolean attribute when the end of the braces or another attribute follows it. */
const mayFollowName = (char: string) => char === '}' || char === '#' || char === '.' || nameStart(char)

/**
 * An attribute block being read from just after its `{`. The blank line that ends its paragraph
 * (and the block with it) is looked for only as far as the reading has gone: looking for it up
 * front would read the rest of the paragraph again for every broken block in it.
 */
interface Reader {
  readonly source: string
  /** Where the reading stands. */
  at: number
  /** Where the paragraph ends, as far as is known: the end of the text until a blank line is found. */
  end: number
  /** No blank line starts before this offset. */
  checked: number
}

/** An attribute whose name has been read. */
interface Named {
  start: number
  name: string
}

/** Whether a blank line (as `\n[ \t]*\n` finds one) starts at an offset. */
function blankLineAt(source: string, offset: number): boolean {
  if (source[offset] !== '\n') return false
  let next = offset + 1
  while (source[next] === ' ' || source[next] === '\t') next++
  return source[next] === '\n'
}

/** Whether an offset lies before the end of the paragraph. */
function within(reader: Reader, offset: number): boolean {
  while (reader.checked <= offset && reader.checked < reader.end) {
    if (blankLineAt(reader.source, reader.checked)) reader.end = reader.checked
    else reader.checked++
  }
  return offset < reader.end
}

/** The character where the reading stands, or undefined at the end of the paragraph. */
function peek(reader: Reader): string | undefined {
  return within(reader, reader.at) ? reader.source[reader.at] : undefined
}

function skipWhile(reader: Reader, test: (char: string) => boolean): void {
  for (let char = peek(reader); char !== undefined && test(char); char = peek(reader)) reader.at++
}

/**
 * The first attribute that keeps the block at `open` (a `{`) from being read,
 * or undefined when the block reads (or there is none).
 */
export function attributeSyntaxError(source: string, open: number): AttributeSyntaxError | undefined {
  if (source[open] !== '{') return undefined
  const error = firstError(source, open)
  // Braces left open run into the next annotation, whose own `=` or `}` the reading then trips on:
  // the braces not closed are the fault, not what the reading found in the annotation after them.
  // Looked for only where the reading went, not in the rest of the text, once for each broken block.
  if (error && source.slice(open, error.end + annotationOpening.length - 1).includes(annotationOpening))
    return { start: open, end: open + 1, message: problems.unclosedBefore() }
  return error
}

const annotationOpening = ':fact['

/**
 * The span [open, end) of the block at `open` that attributeSyntaxError finds fault with, to its
 * first "}" in the paragraph: the text of braces that were not read, whose figures (base=2024) are
 * no figures of the report. Undefined when no "}" closes it before the paragraph or the next
 * annotation, as the rest of the paragraph may then be the report's.
 */
export function unreadBlockSpan(source: string, open: number): [number, number] | undefined {
  if (attributeSyntaxError(source, open) === undefined) return undefined
  const close = source.indexOf('}', open)
  if (close < 0) return undefined
  const inside = source.slice(open, close)
  return inside.includes(annotationOpening) || /\n[ \t]*\n/.test(inside) ? undefined : [open, close + 1]
}

function firstError(source: string, open: number): AttributeSyntaxError | undefined {
  const reader: Reader = { source, at: open + 1, end: source.length, checked: open + 1 }
  for (;;) {
    skipWhile(reader, space)
    const char = peek(reader)
    if (char === undefined) return { start: open, end: open + 1, message: problems.unclosed() }
    if (char === '}') return undefined
    const error = attribute(reader)
    if (error) return error
  }
}

/** One attribute, from its first character: what is wrong with it, or undefined to read on. */
function attribute(reader: Reader): AttributeSyntaxError | undefined {
  const char = peek(reader)
  if (char === '#' || char === '.') return shortcut(reader, char)
  if (!nameStart(char)) return notAName(reader, reader.at)
  const start = reader.at
  skipWhile(reader, nameChar)
  return afterName(reader, { start, name: reader.source.slice(start, reader.at) })
}

/** `#id` or `.class`. */
function shortcut(reader: Reader, marker: string): AttributeSyntaxError | undefined {
  const start = reader.at
  reader.at++
  skipWhile(reader, shortcutChar)
  if (reader.at === start + 1) return { start, end: reader.at, message: problems.emptyShortcut(marker) }
  const stop = peek(reader)
  if (stop !== undefined && unquotedStop.has(stop))
    return { start, end: reader.at + 1, message: problems.quoteValue(marker === '#' ? 'id' : 'class', stop) }
  return undefined
}

/** After a name: `=` and a value, or nothing (a boolean attribute). */
function afterName(reader: Reader, named: Named): AttributeSyntaxError | undefined {
  skipWhile(reader, space)
  const char = peek(reader)
  if (char === '=') {
    reader.at++
    return value(reader, named)
  }
  return char !== undefined && !mayFollowName(char) ? notAName(reader, named.start) : undefined
}

/** What cannot be a name, from where the reading stands; what is quoted in the message starts at `start`. */
function notAName(reader: Reader, start: number): AttributeSyntaxError {
  const from = reader.at
  skipWhile(reader, notANameChar)
  const end = Math.max(reader.at, from + 1)
  return { start: from, end, message: problems.badName(reader.source.slice(start, end)) }
}

/** The value after `name=`. */
function value(reader: Reader, named: Named): AttributeSyntaxError | undefined {
  const afterEquals = reader.at
  skipWhile(reader, space)
  const spaced = reader.at > afterEquals
  const first = peek(reader)
  if (first === undefined || first === '}') return empty(named, afterEquals)
  if (quote(first)) return quoted(reader, named, first)
  if (!unquotedStop.has(first)) return unquoted(reader, named, spaced ? afterEquals : undefined)
  return spaced
    ? empty(named, afterEquals)
    : { start: named.start, end: reader.at + 1, message: problems.quoteValue(named.name, first) }
}

function empty({ start, name }: Named, afterEquals: number): AttributeSyntaxError {
  return { start, end: afterEquals, message: problems.empty(name) }
}

function quoted(reader: Reader, { start, name }: Named, mark: string): AttributeSyntaxError | undefined {
  const close = reader.source.indexOf(mark, reader.at + 1)
  if (close === -1 || !within(reader, close))
    return { start, end: reader.at + 1, message: problems.unclosedQuote(name) }
  reader.at = close + 1
  const next = peek(reader)
  if (next !== undefined && !space(next) && next !== '}')
    return { start, end: reader.at + 1, message: problems.spaceAfterQuote(name) }
  return undefined
}

/**
 * An unquoted value. After `=` and a space, a stop at another `=` means the value was left empty:
 * `value= unit=…` reads unit as the value of value=, which then stops at the "=".
 */
function unquoted(reader: Reader, named: Named, spacedFrom: number | undefined): AttributeSyntaxError | undefined {
  const from = reader.at
  skipWhile(reader, unquotedChar)
  const stop = peek(reader)
  if (stop === undefined || !unquotedStop.has(stop)) return undefined
  if (spacedFrom !== undefined && stop === '=') return empty(named, spacedFrom)
  if (stop === '=') {
    // metric=a,period=2024: the comma a list of settings is written with elsewhere, where a space belongs.
    const comma = commaBeforeName(reader.source.slice(from, reader.at))
    if (comma !== undefined)
      return {
        start: from + comma.at,
        end: from + comma.at + 1,
        message: problems.commaBetween(named.name, comma.next)
      }
  }
  return { start: named.start, end: reader.at + 1, message: problems.quoteValue(named.name, stop) }
}

/** The last comma of a value that a name follows to its end (a,period of metric=a,period=2024), and that name. */
function commaBeforeName(text: string): { at: number; next: string } | undefined {
  const at = Math.max(text.lastIndexOf(','), text.lastIndexOf('，'))
  const next = text.slice(at + 1)
  return at !== -1 && nameStart(next[0]) && [...next].every(nameChar) ? { at, next } : undefined
}
