/** One block of a report read from plain text: its title, a heading, or a paragraph, with the text of its line. */
export interface PlainBlock {
  kind: 'title' | 'heading' | 'paragraph'
  /** Markdown heading depth: 1 for the title, 2 to 4 for the enumerated headings. */
  depth?: 1 | 2 | 3 | 4
  text: string
}

/**
 * The enumerators that open a heading of a Chinese government report, outermost first, and the
 * depth of heading each gives (the title is the only `#`). A digit enumerator must not be the
 * start of a decimal: 1.5万吨 opens no heading.
 */
// prettier-ignore
const enumerators: ReadonlyArray<{ example: string; pattern: RegExp; depth: 2 | 3 | 4 }> = [
  { example: '一、', pattern: /^[一二三四五六七八九十百]+、/u, depth: 2 },
  { example: '（一）', pattern: /^[（(][一二三四五六七八九十百]+[)）]/u, depth: 3 },
  { example: '1. 1、', pattern: /^\d{1,3}[.．、](?!\d)/u, depth: 4 }
]

/**
 * A heading is short and says no sentence: 一、总体情况 is one; 一、总体情况。全年完成…… is a
 * paragraph that opens with its own run-in heading. The longest heading of the bureau's reports
 * has 26 characters.
 */
const headingLength = 40
/** Titles run longer than headings: 厦门市生态环境局2025年生态环境保护工作总结 has 24 characters, and some twice that. */
const titleLength = 60
const sentenceEnd = /[。！？；!?;]/u

function readsAsHeading(line: string, longest: number): boolean {
  return [...line].length <= longest && !sentenceEnd.test(line)
}

/** The depth of heading a line opens, or undefined when it is a paragraph. */
function headingDepth(line: string): 2 | 3 | 4 | undefined {
  const enumerator = enumerators.find((entry) => entry.pattern.test(line))
  return enumerator && readsAsHeading(line, headingLength) ? enumerator.depth : undefined
}

/**
 * Spaces and tabs around a line are layout, as in Markdown, and are left out; any other
 * character (an ideographic space that indents a paragraph too) is text and kept.
 */
function trimLayout(line: string): string {
  return line.replace(/^[ \t]+|[ \t]+$/g, '')
}

/**
 * Read the plain text of a report, one paragraph a line (blank lines only separate): the first
 * line is its title when it reads as one, a line opened by an enumerator (一、（一）1.) that reads
 * as a heading is a heading, and every other line a paragraph, with its text as it was.
 */
export function readPlainText(text: string): PlainBlock[] {
  const lines = text
    .split(/\r\n|\n|\r/)
    .map(trimLayout)
    .filter((line) => line !== '')
  return lines.map((line, index): PlainBlock => {
    const depth = headingDepth(line)
    if (depth !== undefined) return { kind: 'heading', depth, text: line }
    if (index === 0 && readsAsHeading(line, titleLength)) return { kind: 'title', depth: 1, text: line }
    return { kind: 'paragraph', text: line }
  })
}
