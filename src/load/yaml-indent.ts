import type { YamlOffsetProblem } from './yaml-problem.js'

// The yaml library reports a key indented otherwise than its map's where it finds out: at column 1
// of a line that may be right (a map's first key sets the column the others are held to), and
// again at every key after it. These read the lines of the text instead, and name the key to move.

/** A line of YAML text that holds data: where it starts and how far its key is indented. */
export interface DataLine {
  start: number
  /** Where its line break stands, or the end of the text. */
  end: number
  indent: number
  text: string
}

/** How far a line's key is indented: a key after a list item's dash (`- a: 1`) starts after it. */
function indentOf(line: string): number {
  return /^[ \t]*(?:-[ \t]+)*/.exec(line)?.[0].length ?? 0
}

/** The lines of `text` that hold data (neither blank nor a comment), in order: what the functions below read. */
export function dataLines(text: string): DataLine[] {
  const lines: DataLine[] = []
  let start = 0
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '')
    const trimmed = line.trim()
    if (trimmed !== '' && !trimmed.startsWith('#'))
      lines.push({ start, end: start + raw.length, indent: indentOf(line), text: line.slice(indentOf(line)).trim() })
    start += raw.length + 1
  }
  return lines
}

/** The data line at `offset`, or the first after it (the library may point at a blank line before it). */
function lineIndexAt(lines: readonly DataLine[], offset: number): number {
  const index = lines.findIndex((line) => line.end >= offset)
  return index === -1 ? lines.length - 1 : index
}

/** The key of a line, if it has one. */
function keyOf({ text }: DataLine): string | undefined {
  return /^([^:#]+?):(?:\s|$)/.exec(text)?.[1]
}

/** How a line is named in a message: its key, or its first characters. */
function named(line: DataLine): string {
  return `"${keyOf(line) ?? [...line.text].slice(0, 20).join('')}"`
}

/** The value most often found, the first of those as often; undefined of none. */
function mostCommon(values: readonly number[]): number | undefined {
  const counts = new Map<number, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  let best: number | undefined
  for (const [value, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = value
  return best
}

/** Whether a line opens a block: a key with nothing after its colon. */
function opensBlock({ text }: DataLine): boolean {
  return /:\s*(?:#.*)?$/.test(text)
}

/** The step the text is indented by: the most common increase from a line to the next, 2 when none. */
function indentStep(lines: readonly DataLine[]): number {
  const steps = lines.flatMap((line, index) => {
    const step = (lines[index + 1]?.indent ?? 0) - line.indent
    return step > 0 ? [step] : []
  })
  return mostCommon(steps) ?? 2
}

/**
 * The lines above line `index` that open a level of the indentation, nearest first: the previous
 * line, then the nearest above it indented less, and so on up to the top.
 */
function levelsAbove(lines: readonly DataLine[], index: number): DataLine[] {
  const levels: DataLine[] = []
  let least = Infinity
  for (let at = index - 1; at >= 0; at--) {
    const line = lines[at] as DataLine
    if (line.indent >= least) continue
    least = line.indent
    levels.push(line)
  }
  return levels
}

/** A line to move, and the line it should line up with: a key of the same map, or the same key of the other maps. */
function moveProblem(
  move: DataLine,
  keep: DataLine,
  where: 'the same map' | 'the other maps' = 'the same map'
): YamlOffsetProblem {
  const start = move.start + move.indent
  const column = keep.indent + 1
  const message =
    where === 'the same map'
      ? `${named(move)} starts at column ${move.indent + 1}, and ${named(keep)}, a key of the same map, at column ${column}: ` +
        `the keys of a map start at the same column, so start ${named(move)} at column ${column}`
      : `${named(move)} starts at column ${move.indent + 1}, and the ${named(keep)} of the other maps at column ${column}: start it at column ${column}, as they do`
  return { start, end: start + Math.max(move.text.length, 1), message }
}

/**
 * The key that does not line up with its map, for the yaml library's error of a key indented
 * otherwise than the map's first (BAD_INDENT) at `offset`. The key the map seems to be under may
 * itself be one out of line (a map's first key one space short); else of the line reported and
 * the map's first key, the one that fewer lines of the block share is moved (a map's first key
 * two spaces too far); else a key between them off the text's step, or the line reported.
 */
export function misindented(lines: readonly DataLine[], offset: number): YamlOffsetProblem {
  const index = lineIndexAt(lines, offset)
  const line = lines[index]
  if (!line) return { start: offset, end: offset + 1, message: 'A key here does not line up with the keys of its map' }
  const step = indentStep(lines)
  const offStep = (candidate: DataLine) => candidate.indent % step !== 0
  const levels = levelsAbove(lines, index)
  // The key the map is under opens a block, and is indented less; the level before it is the map's first key.
  const under = levels.findIndex((level) => level.indent < line.indent && opensBlock(level))
  const parent = under === -1 ? undefined : levels[under]
  const first = under > 0 ? levels[under - 1] : undefined
  // A key that other maps of the text hold too (kind, unit, label of each metric) stands where they do.
  const key = keyOf(line)
  const alike = lines.filter((candidate) => candidate !== line && key !== undefined && keyOf(candidate) === key)
  const usual = mostCommon(alike.map((candidate) => candidate.indent))
  if (usual !== undefined && usual !== line.indent && alike.length >= 2)
    return moveProblem(line, alike.find((candidate) => candidate.indent === usual) as DataLine, 'the other maps')
  if (parent && offStep(parent) && parent.indent > 0) return moveProblem(parent, line)
  if (first && first.indent !== line.indent) {
    const after = lines.slice(parent ? lines.indexOf(parent) + 1 : 0)
    const ends = after.findIndex((candidate) => candidate.indent <= (parent?.indent ?? -1))
    const block = ends === -1 ? after : after.slice(0, ends)
    const sharing = (indent: number) => block.filter((candidate) => candidate.indent === indent).length
    return sharing(first.indent) < sharing(line.indent) ? moveProblem(first, line) : moveProblem(line, first)
  }
  const between = levels.slice(0, Math.max(under, 0)).find((level) => level.indent !== line.indent && offStep(level))
  if (between) return moveProblem(between, line)
  // Under no block, the key is one of the top of the text, whose keys start where the nearest above does.
  const sibling = first ?? (parent ? undefined : levels[0])
  if (sibling && sibling.indent !== line.indent) return moveProblem(line, sibling)
  return {
    start: line.start + line.indent,
    end: line.end,
    message: 'This key does not line up with the keys of its map'
  }
}

/**
 * For the yaml library's error of a value that goes on over the next line (BLOCK_AS_IMPLICIT_KEY at
 * `offset`), the words for it when that next line is a key indented further than the key of the
 * value, which reads it as the rest of that value (`title: …` then ` issuer: …`); else undefined.
 */
export function keyReadAsValue(lines: readonly DataLine[], offset: number): YamlOffsetProblem | undefined {
  const index = lineIndexAt(lines, offset)
  const line = lines[index]
  const next = lines[index + 1]
  if (!line || !next || next.indent <= line.indent || !/^[^\s:#][^:#]*:(?:\s|$)/.test(next.text)) return undefined
  const start = next.start + next.indent
  return {
    start,
    end: start + next.text.length,
    message:
      `${named(next)} starts at column ${next.indent + 1}, further than ${named(line)} above it at column ${line.indent + 1}, ` +
      `so it is read as the rest of the value of ${named(line)}: start it at column ${line.indent + 1}`
  }
}

/**
 * A first key indented further than keys after it at the top of the text (` title:` then
 * `issuer:`), which the library reports as a string of unexpected tokens after it; else undefined.
 */
export function firstKeyIndented(lines: readonly DataLine[]): YamlOffsetProblem | undefined {
  const [first] = lines
  const shallower = lines.find((line) => line.indent < (first?.indent ?? 0))
  if (!first || !shallower) return undefined
  const start = first.start + first.indent
  return {
    start,
    end: start + first.text.length,
    message: `${named(first)} starts at column ${first.indent + 1}, and ${named(shallower)} after it at column ${shallower.indent + 1}: the keys of the top of the text start at the same column, so start ${named(first)} at column ${shallower.indent + 1}`
  }
}
