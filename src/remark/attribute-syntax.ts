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
  unclosed: () => `These braces are not closed before the paragraph ends, ${dropped}: end them with "}"`
} as const

const space = (char: string | undefined) => char === ' ' || char === '\t' || char === '\n' || char === '\r'
const nameStart = (char: string | undefined) => char !== undefined && /^[A-Za-z:_]$/.test(char)
const nameChar = (char: string | undefined) => char !== undefined && /^[A-Za-z0-9:_.-]$/.test(char)
/** Characters an unquoted value cannot hold. */
const unquotedStop = new Set(['"', "'", '<', '=', '>', '`'])

/**
 * The first attribute that keeps the block at `open` (a `{`) from being read,
 * or undefined when the block reads (or there is none).
 */
export function attributeSyntaxError(source: string, open: number): AttributeSyntaxError | undefined {
  if (source[open] !== '{') return undefined
  // A blank line ends the paragraph, and the attributes with it.
  const blank = source.slice(open).search(/\n[ \t]*\n/)
  const limit = blank === -1 ? source.length : open + blank
  let at = open + 1
  const skipSpace = () => {
    while (at < limit && space(source[at])) at++
  }
  while (at < limit) {
    skipSpace()
    const char = source[at]
    if (at >= limit) break
    if (char === '}') return undefined
    const start = at
    if (char === '#' || char === '.') {
      at++
      while (
        at < limit &&
        !space(source[at]) &&
        !unquotedStop.has(source[at] ?? '') &&
        !['#', '.', '}'].includes(source[at] ?? '')
      )
        at++
      if (at === start + 1) return { start, end: at, message: problems.emptyShortcut(char) }
      const stop = source[at]
      if (at < limit && stop !== undefined && unquotedStop.has(stop))
        return { start, end: at + 1, message: problems.quoteValue(char === '#' ? 'id' : 'class', stop) }
      continue
    }
    if (!nameStart(char)) {
      while (at < limit && !space(source[at]) && source[at] !== '=' && source[at] !== '}') at++
      return {
        start,
        end: Math.max(at, start + 1),
        message: problems.badName(source.slice(start, Math.max(at, start + 1)))
      }
    }
    while (at < limit && nameChar(source[at])) at++
    const name = source.slice(start, at)
    skipSpace()
    if (source[at] !== '=') {
      if (at < limit && source[at] !== '}' && !nameStart(source[at]) && source[at] !== '#' && source[at] !== '.') {
        const from = at
        while (at < limit && !space(source[at]) && source[at] !== '=' && source[at] !== '}') at++
        return {
          start: from,
          end: Math.max(at, from + 1),
          message: problems.badName(source.slice(start, Math.max(at, from + 1)))
        }
      }
      continue
    }
    at++
    const afterEquals = at
    skipSpace()
    const spaced = at > afterEquals
    const first = source[at]
    if (
      at >= limit ||
      first === '}' ||
      (first !== undefined && unquotedStop.has(first) && first !== '"' && first !== "'")
    ) {
      return spaced || at >= limit || first === '}'
        ? { start, end: afterEquals, message: problems.empty(name) }
        : { start, end: at + 1, message: problems.quoteValue(name, first ?? '') }
    }
    if (first === '"' || first === "'") {
      const close = source.indexOf(first, at + 1)
      if (close === -1 || close >= limit) return { start, end: at + 1, message: problems.unclosedQuote(name) }
      at = close + 1
      if (at < limit && !space(source[at]) && source[at] !== '}')
        return { start, end: at + 1, message: problems.spaceAfterQuote(name) }
      continue
    }
    while (at < limit && !space(source[at]) && source[at] !== '}' && !unquotedStop.has(source[at] ?? '')) at++
    const stop = source[at]
    if (at < limit && stop !== undefined && unquotedStop.has(stop)) {
      // `value= unit=…` reads unit as the value of value=, which then stops at the "=".
      return spaced && stop === '='
        ? { start, end: afterEquals, message: problems.empty(name) }
        : { start, end: at + 1, message: problems.quoteValue(name, stop) }
    }
  }
  return { start: open, end: open + 1, message: problems.unclosed() }
}
