/**
 * The top-level blocks of a Markdown text, found line by line without
 * parsing it. micromark moves every event of the document each time a list
 * or a block quote closes, so a document parsed whole costs the square of
 * its length once it has many of them (8,000 short lists between paragraphs
 * take 26 s). Parsed block by block, it costs its length. A block starts
 * where nothing before can reach into it: a line at the left margin after a
 * blank line, outside any fenced code, container directive or HTML block
 * that blank lines do not end, and not a list item (which could continue a
 * list above it).
 */

/** One line of a text: where it starts and ends (before its line ending), and its 1-based number. */
export interface Line {
  start: number
  end: number
  number: number
}

/** Each line of a text, split where positions split them: at CRLF, LF or a lone CR. */
export function* lines(text: string): Generator<Line> {
  let start = 0
  let number = 1
  const ending = /\r\n|\r|\n/g
  for (let match = ending.exec(text); match; match = ending.exec(text)) {
    yield { start, end: match.index, number }
    start = match.index + match[0].length
    number++
  }
  yield { start, end: text.length, number }
}

/** A construct that blank lines do not end, and the line that ends it. */
type Open = (line: string) => boolean

/** HTML blocks of kinds 1 to 5 (CommonMark 4.6) run on over blank lines until their end marker. */
const htmlBlocks: ReadonlyArray<{ opens: RegExp; closes: RegExp }> = [
  { opens: /^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|$)/i, closes: /<\/(?:script|pre|style|textarea)>/i },
  { opens: /^ {0,3}<!--/, closes: /-->/ },
  { opens: /^ {0,3}<\?/, closes: /\?>/ },
  { opens: /^ {0,3}<![A-Za-z]/, closes: />/ },
  { opens: /^ {0,3}<!\[CDATA\[/, closes: /\]\]>/ }
]

/** What a line opens that only a later line closes: fenced code, a container directive, an HTML block. */
function opens(line: string): Open | undefined {
  const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line)
  if (fence && !(fence[1]?.startsWith('`') && fence[2]?.includes('`'))) {
    const marker = fence[1] as string
    const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`)
    return (next) => closing.test(next)
  }
  const directive = /^ {0,3}(:{3,})[^:\s]/.exec(line)
  if (directive) {
    const closing = new RegExp(`^ {0,3}:{${(directive[1] as string).length},}[ \\t]*$`)
    return (next) => closing.test(next)
  }
  for (const block of htmlBlocks) {
    if (!block.opens.test(line)) continue
    // The end marker may stand on the opening line itself.
    if (block.closes.test(line.replace(block.opens, ''))) return undefined
    return (next) => block.closes.test(next)
  }
  return undefined
}

const blank = /^[ \t]*$/
const listItem = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/

/** A line as the block scanner sees it. */
export interface ScannedLine extends Line {
  text: string
  blank: boolean
  /** Inside fenced code, a container directive or an HTML block, opening and closing lines included: its text is not Markdown. */
  literal: boolean
  /** A new top-level block starts with this line. */
  startsBlock: boolean
}

/** Each line of a Markdown text, with what the block scanner knows of it. */
export function* scanLines(text: string): Generator<ScannedLine> {
  let open: Open | undefined
  let afterBlank = false
  for (const line of lines(text)) {
    const content = text.slice(line.start, line.end)
    if (open) {
      if (open(content)) open = undefined
      afterBlank = false
      yield { ...line, text: content, blank: false, literal: true, startsBlock: false }
      continue
    }
    const isBlank = blank.test(content)
    const startsBlock = line.start === 0 || (!isBlank && afterBlank && content[0] !== ' ' && content[0] !== '\t' && !listItem.test(content))
    if (!isBlank) open = opens(content)
    afterBlank = isBlank
    yield { ...line, text: content, blank: isBlank, literal: open !== undefined, startsBlock }
  }
}

/** The offsets at which a new top-level block starts, 0 first, in order. */
export function blockStarts(text: string): number[] {
  const starts: number[] = []
  for (const line of scanLines(text)) if (line.startsBlock) starts.push(line.start)
  return starts
}
