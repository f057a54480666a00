import { continueContainers, isThematicBreak, openContainers, type Container, type Cursor } from './containers.js'
import { factName } from './fact-syntax.js'

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
interface Line {
  start: number
  end: number
  number: number
}

/** Each line of a text, split where positions split them: at CRLF, LF or a lone CR. */
function* lines(text: string): Generator<Line> {
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

/**
 * A construct whose lines are not Markdown: the line that ends it, or, for
 * HTML blocks of kinds 6 and 7, the blank line after it (which is then read
 * as a blank line).
 */
type Open = { closes: (line: string) => boolean; endsAtBlank?: boolean }

/** HTML blocks of kinds 1 to 5 (CommonMark 4.6) run on over blank lines until their end marker. */
// prettier-ignore
const htmlBlocks: ReadonlyArray<{ opens: RegExp; closes: RegExp }> = [
  { opens: /^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|$)/i, closes: /<\/(?:script|pre|style|textarea)>/i },
  { opens: /^ {0,3}<!--/, closes: /-->/ },
  { opens: /^ {0,3}<\?/, closes: /\?>/ },
  { opens: /^ {0,3}<![A-Za-z]/, closes: />/ },
  { opens: /^ {0,3}<!\[CDATA\[/, closes: /\]\]>/ }
]

/**
 * HTML blocks of kind 6 (a block-level tag) run to a blank line, and so do those of kind 7 (any
 * lone tag), which cannot interrupt a paragraph.
 */
const blockTag =
  /^ {0,3}<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t]|\/?>|$)/i
const loneTag =
  /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][\w.:-]*(?:[ \t]*=[ \t]*(?:[^ \t"'=<>`]+|'[^']*'|"[^"]*"))?)*[ \t]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*$/

/**
 * What a line opens (the line without its container prefix) that only a later line closes: fenced
 * code, a container directive, an HTML block.
 */
function opens(line: string, inParagraph: boolean): Open | undefined {
  const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line)
  if (fence && !(fence[1]?.startsWith('`') && fence[2]?.includes('`'))) {
    const marker = fence[1] as string
    const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`)
    return { closes: (next) => closing.test(next) }
  }
  // Only `fact` is a directive name to the parser: `:::note` is a paragraph.
  const directive = containerFact.exec(line)
  if (directive) {
    const closing = new RegExp(`^ {0,3}:{${(directive[1] as string).length},}[ \\t]*$`)
    return { closes: (next) => closing.test(next) }
  }
  for (const block of htmlBlocks) {
    if (!block.opens.test(line)) continue
    // The end marker may stand on the opening line itself.
    if (block.closes.test(line.replace(block.opens, ''))) return undefined
    return { closes: (next) => block.closes.test(next) }
  }
  if (blockTag.test(line) || (!inParagraph && loneTag.test(line))) return { closes: () => false, endsAtBlank: true }
  return undefined
}

const containerFact = new RegExp(`^ {0,3}(:{3,})${factName}(?![A-Za-z0-9_-])`)
const blank = /^[ \t]*$/
/** Lines that start a block of their own and so cannot continue a paragraph lazily. */
const ownBlock = /^#{1,6}(?:[ \t]|$)/
const setextUnderline = /^ {0,3}(?:=+|-+)[ \t]*$/

/** A line as the block scanner sees it. */
export interface ScannedLine extends Line {
  text: string
  blank: boolean
  /**
   * Inside fenced code, a container directive or an HTML block, opening and closing lines included:
   * its text is not Markdown.
   */
  literal: boolean
  /** A new top-level block starts with this line. */
  startsBlock: boolean
  /** Block quotes and list items open at the end of the line's prefix. */
  depth: number
  /** Block quotes and list items the line opens inside another one. */
  nestedOpened: number
  /** Where the line's container markers and indentation end. */
  prefixEnd: number
}

/** What the scanner carries from one line to the next. */
interface ScanState {
  /** The block quotes and list items open after the last line. */
  stack: Container[]
  /** The construct blank lines do not end that is open, and how many containers it stands in. */
  open: (Open & { depth: number }) | undefined
  /** The last line was part of a paragraph, which the next may continue. */
  paragraph: boolean
  afterBlank: boolean
}

/** How many of the open containers a line continues, and where their markers and indentation end. */
interface Continued {
  matched: number
  cursor: Cursor
}

/**
 * Each line of a Markdown text, with what the block scanner knows of it:
 * the block quotes and list items open there (see containers.ts),
 * and the constructs that blank lines do not end, each closed by its end
 * marker or by the end of the container it stands in.
 */
export function* scanLines(text: string): Generator<ScannedLine> {
  const state: ScanState = { stack: [], open: undefined, paragraph: false, afterBlank: false }
  for (const line of lines(text)) yield scanLine(state, line, text.slice(line.start, line.end))
}

function scanLine(state: ScanState, line: Line, content: string): ScannedLine {
  const isBlank = blank.test(content)
  const continued = continueContainers(content, state.stack, isBlank)
  if (state.open?.endsAtBlank && isBlank) state.open = undefined
  if (state.open && continued.matched >= state.open.depth)
    return literalLine(state, state.open, line, content, continued)
  // The container that held the literal construct has closed, and the construct with it.
  state.open = undefined
  if (isBlank) return blankLine(state, line, content, continued)
  if (continued.cursor.index >= content.length || blank.test(content.slice(continued.cursor.index)))
    return blankInContainers(state, line, content, continued)
  return contentLine(state, line, content, continued)
}

// Each kind of line below writes out the fields of its Line rather than spreading it: V8 copies a
// spread object slowly, and over a 20 MB report that made the scan ten times slower.

/** A line inside fenced code, a container directive or an HTML block, which it may close. */
function literalLine(state: ScanState, open: Open, line: Line, content: string, continued: Continued): ScannedLine {
  if (open.closes(content.slice(continued.cursor.index))) state.open = undefined
  state.afterBlank = false
  return {
    start: line.start,
    end: line.end,
    number: line.number,
    text: content,
    blank: false,
    literal: true,
    startsBlock: false,
    depth: state.stack.length,
    nestedOpened: 0,
    prefixEnd: continued.cursor.index
  }
}

function blankLine(state: ScanState, line: Line, content: string, continued: Continued): ScannedLine {
  state.stack = state.stack.slice(0, continued.matched)
  state.paragraph = false
  state.afterBlank = true
  return {
    start: line.start,
    end: line.end,
    number: line.number,
    text: content,
    blank: true,
    literal: false,
    startsBlock: false,
    depth: state.stack.length,
    nestedOpened: 0,
    prefixEnd: 0
  }
}

/** A line blank after the markers of the containers it continues: a blank line to what they hold. */
function blankInContainers(state: ScanState, line: Line, content: string, continued: Continued): ScannedLine {
  state.stack = state.stack.slice(0, continued.matched)
  state.paragraph = false
  state.afterBlank = false
  return {
    start: line.start,
    end: line.end,
    number: line.number,
    text: content,
    blank: false,
    literal: false,
    startsBlock: false,
    depth: state.stack.length,
    nestedOpened: 0,
    prefixEnd: continued.cursor.index
  }
}

/** A line with content after its container prefix: it may open containers, a literal construct or a paragraph. */
function contentLine(state: ScanState, line: Line, content: string, continued: Continued): ScannedLine {
  const allContinued = continued.matched === state.stack.length
  const { opened, cursor } = openContainers(content, continued.cursor, state.paragraph && allContinued)
  const rest = content.slice(cursor.index)
  const closes = opens(rest, state.paragraph)
  const underParagraph = state.paragraph && opened.length === 0
  // `=` or `-` under a paragraph in the same containers makes it a heading, which is then closed.
  const underline = underParagraph && allContinued && setextUnderline.test(rest)
  const lazy = underParagraph && !underline && !interruptsParagraph(rest, closes)
  if (opened.length > 0 || !lazy) state.stack = [...state.stack.slice(0, continued.matched), ...opened]
  const startsBlock = line.start === 0 || (state.afterBlank && startsAtMargin(content, continued, opened))
  state.open = closes && { ...closes, depth: state.stack.length }
  // Indented code is no paragraph, unless the line continues one lazily.
  state.paragraph = !underline && (lazy || startsParagraph(rest, closes))
  state.afterBlank = false
  return {
    start: line.start,
    end: line.end,
    number: line.number,
    text: content,
    blank: false,
    literal: state.open !== undefined,
    startsBlock,
    depth: state.stack.length,
    nestedOpened: nestedOpened(opened, continued),
    prefixEnd: cursor.index
  }
}

/**
 * Whether a line starts a block of its own, and so interrupts a paragraph rather than continuing it
 * in the containers it left; indented four columns or more it starts nothing (indented code cannot
 * interrupt a paragraph).
 */
function interruptsParagraph(rest: string, closes: Open | undefined): boolean {
  return indentedAtMost3(rest) && (closes !== undefined || ownBlock.test(rest.trimStart()) || isThematicBreak(rest))
}

/** Whether a line (after its container prefix) that continues no paragraph starts one. */
function startsParagraph(rest: string, closes: Open | undefined): boolean {
  return (
    !closes && rest.trim() !== '' && indentedAtMost3(rest) && !ownBlock.test(rest.trimStart()) && !isThematicBreak(rest)
  )
}

/**
 * Whether a line after a blank one starts a top-level block: at the left margin, and no list item
 * (which could continue a list above it).
 */
function startsAtMargin(content: string, continued: Continued, opened: readonly Container[]): boolean {
  return continued.matched === 0 && content[0] !== ' ' && content[0] !== '\t' && opened[0]?.kind !== 'item'
}

/** The block quotes and list items a line opens inside another one: the first of a top-level block's is not. */
function nestedOpened(opened: readonly Container[], continued: Continued): number {
  if (opened.length === 0) return 0
  return opened.length - (continued.matched === 0 ? 1 : 0)
}

/** Whether a line (after its container prefix) is indented less than the four columns that make indented code. */
function indentedAtMost3(rest: string): boolean {
  return /^ {0,3}(?! )/.test(rest.replace(/\t/g, '    '))
}

/** The offsets at which a new top-level block starts, 0 first, in order. */
export function blockStarts(text: string): number[] {
  const starts: number[] = []
  for (const line of scanLines(text)) if (line.startsBlock) starts.push(line.start)
  return starts
}
