import type { YamlOffsetProblem } from './yaml-errors.js'

/** A line of YAML text that holds data: where it starts and how far it is indented. */
interface DataLine {
  start: number
  indent: number
  text: string
}

/** How far a line's key is indented: a key after a list item's dash (`- a: 1`) starts after it. */
function indentOf(line: string): number {
  return /^[ \t]*(?:-[ \t]+)*/.exec(line)?.[0].length ?? 0
}

/** The line of `text` at `offset`, or the first that holds data after it, with its indentation. */
function lineAt(text: string, offset: number): DataLine {
  let start = text.lastIndexOf('\n', offset - 1) + 1
  for (;;) {
    const end = text.indexOf('\n', start)
    const line = text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '')
    const data = line.trim() !== '' && !line.trim().startsWith('#')
    if (data || end === -1) return { start, indent: indentOf(line), text: line.slice(indentOf(line)).trim() }
    start = end + 1
  }
}

/**
 * The lines above the one at `offset` that open a level of the indentation, nearest first: the
 * previous line, then the nearest above it indented less, and so on up to the top. Among them
 * are the first key of the map the line at `offset` stands in, and the key that map is under.
 */
function levelsAbove(text: string, offset: number): DataLine[] {
  const lines = text.slice(0, offset).split('\n')
  // The line of `offset` itself is not above it.
  lines.pop()
  const levels: DataLine[] = []
  let at = lines.reduce((sum, line) => sum + line.length + 1, 0)
  let least = Infinity
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = lines[index] as string
    at -= line.length + 1
    const trimmed = line.trim()
    if (trimmed === '' || trimmed.startsWith('#')) continue
    const indent = indentOf(line)
    if (indent >= least) continue
    least = indent
    levels.push({ start: at, indent, text: line.slice(indent).trim() })
  }
  return levels
}

/** How a line is named in a message: its key, or its first characters. */
function named({ text }: DataLine): string {
  const key = /^([^:#]+?):(?:\s|$)/.exec(text)?.[1]
  return `"${key ?? [...text].slice(0, 20).join('')}"`
}

/**
 * The first of the yaml library's errors of a key indented otherwise than the keys of its map
 * (BAD_INDENT), in words that name both lines: the library reports it at column 1 of a line that
 * may be right, after the line that is wrong (a key indented too far makes the next keys wrong),
 * and once more for every key of the map after it.
 */
export function misindented(text: string, offset: number): YamlOffsetProblem {
  const line = lineAt(text, offset)
  const start = line.start + line.indent
  const place = { start, end: start + Math.max(line.text.length, 1) }
  const levels = levelsAbove(text, line.start)
  // The key the map is under ends its line with a colon; the first key of the map is the level before it.
  const under = levels.findIndex((level) => level.indent < line.indent && /:\s*(?:#.*)?$/.test(level.text))
  const first = under > 0 ? levels[under - 1] : undefined
  const column = line.indent + 1
  if (!first || first.indent === line.indent)
    return {
      ...place,
      message: `This line starts at column ${column}, which lines up with no key of its map above: indent it as the keys it belongs with`
    }
  return {
    ...place,
    message:
      `${named(line)} starts at column ${column}, and ${named(first)}, the first key of the same map above it, at column ${first.indent + 1}: ` +
      'the keys of a map start at the same column, so indent the one that is off'
  }
}

/**
 * For the yaml library's error of a value that goes on over the next line (BLOCK_AS_IMPLICIT_KEY at
 * `offset`), the words for it when that next line is a key indented further than the key of the
 * value, which reads it as the rest of that value (`title: …` then ` issuer: …`); else undefined.
 */
export function keyReadAsValue(text: string, offset: number): YamlOffsetProblem | undefined {
  const line = lineAt(text, offset)
  const lineEnd = text.indexOf('\n', offset)
  if (lineEnd === -1) return undefined
  const next = lineAt(text, lineEnd + 1)
  if (next.indent <= line.indent || !/^[^\s:#][^:#]*:(?:\s|$)/.test(next.text)) return undefined
  const start = next.start + next.indent
  return {
    start,
    end: start + next.text.length,
    message:
      `${named(next)} starts at column ${next.indent + 1}, further than ${named(line)} above it at column ${line.indent + 1}, ` +
      `so it is read as the rest of the value of ${named(line)}: start it at column ${line.indent + 1}`
  }
}
