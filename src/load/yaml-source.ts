import type { Point, Position } from 'unist'
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml'
import { checkContent, dataKey, listAsKeyMessage } from './yaml-content.js'
import { toData } from './yaml-data.js'
import { describeYamlErrors, tooDeepMessage } from './yaml-errors.js'
import type { YamlOffsetProblem } from './yaml-problem.js'

/** Where a YAML text starts inside its file, so positions can be reported in file terms. */
export interface Origin {
  line: number
  column: number
  offset: number
}

interface YamlProblem {
  message: string
  place: Position
}

export interface YamlSource {
  /** The parsed value; undefined when the YAML has errors or control characters. */
  data: unknown
  /** Syntax errors, warnings of the yaml library, tags that are not data, aliases that expand too far. */
  errors: YamlProblem[]
  /** Control characters written into values with escapes. */
  controls: YamlProblem[]
  /** The span of the value (or key) at `path`, or of its closest existing ancestor. */
  locate: (path: ReadonlyArray<string | number>, part?: 'key' | 'value') => Position
}

const fileStart: Origin = { line: 1, column: 1, offset: 0 }

/**
 * Parse YAML keeping node positions, so that schema errors can point at the
 * line and column an editor has to change. YAML 1.2 core schema: dates stay
 * strings, duplicate keys are errors, and so is anything the yaml library
 * only warns about. Only plain data comes out: see yaml-content.ts.
 */
export function parseYaml(text: string, origin: Origin = fileStart): YamlSource {
  const counter = new LineCounter()
  // Keys are checked for uniqueness by checkContent, in linear time.
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: false })

  const point = (offset: number): Point => {
    const { line, col } = counter.linePos(Math.min(Math.max(offset, 0), text.length))
    return {
      line: origin.line + line - 1,
      column: line === 1 ? origin.column + col - 1 : col,
      offset: origin.offset + offset
    }
  }
  const span = (start: number, end: number): Position => ({ start: point(start), end: point(Math.max(end, start)) })

  const place = (problem: YamlOffsetProblem): YamlProblem => ({
    message: problem.message,
    place: span(problem.start, problem.end)
  })
  const [wholeStart, wholeEnd] = doc.contents?.range ?? [0, 0]
  const tooDeep: YamlOffsetProblem = { message: tooDeepMessage, start: wholeStart, end: wholeEnd }
  // Unresolved tags are among the tags checkContent reports.
  const warnings = doc.warnings.filter((warning) => warning.code !== 'TAG_RESOLVE_FAILED')
  const content = withinStack(() => checkContent(doc, text)) ?? {
    errors: [tooDeep],
    controls: [],
    targets: new Map<Node, Node>()
  }
  // A list or map read as a key where the syntax is broken (an item without its dash) is the
  // library's recovery, told by the syntax error, not a key the editor wrote.
  const contentErrors =
    doc.errors.length > 0 ? content.errors.filter((problem) => problem.message !== listAsKeyMessage) : content.errors
  const errors = [...describeYamlErrors(doc, [...doc.errors, ...warnings], text), ...contentErrors].map(place)
  const controls = content.controls.map(place)
  const keyIndex = new Map<YAMLMap, Map<string, Pair>>()
  // Each map is indexed once, so that locating every key of a large registry stays linear.
  const pairOf = (map: YAMLMap, key: string): Pair | undefined => {
    let index = keyIndex.get(map)
    if (!index) {
      index = new Map()
      for (const item of map.items)
        if (isScalar(item.key) && !index.has(dataKey(item.key))) index.set(dataKey(item.key), item)
      keyIndex.set(map, index)
    }
    return index.get(key)
  }

  const whole = (): Position => {
    const range = doc.contents?.range
    return range ? span(range[0], range[1]) : span(0, 0)
  }

  const locate = (path: ReadonlyArray<string | number>, part: 'key' | 'value' = 'value'): Position => {
    let node: unknown = doc.contents
    let found: Position = whole()
    for (const [index, segment] of path.entries()) {
      const last = index === path.length - 1
      if (isMap(node)) {
        const pair = pairOf(node, String(segment))
        if (!pair) return found
        const target = last && part === 'key' ? pair.key : pair.value
        const range = rangeOf(target) ?? rangeOf(pair.key)
        if (range) found = span(range[0], range[1])
        node = pair.value
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment]
        const range = rangeOf(item)
        if (!range) return found
        found = span(range[0], range[1])
        node = item
      } else {
        return found
      }
    }
    return found
  }

  if (errors.length > 0 || controls.length > 0) return { data: undefined, errors, controls, locate }
  // checkContent bounds what aliases add, so nothing like the library's own alias count (which
  // refuses any anchor used over 100 times) is needed.
  const data = withinStack(() => toData(doc.contents, content.targets))
  if (data === undefined) return { data: undefined, errors: [place(tooDeep)], controls, locate }
  return { data, errors, controls, locate }
}

/**
 * The result of a walk over a document, or undefined when it nests deeper
 * than the stack: the yaml library stops composing there, but a walk of
 * what it composed may still need more.
 */
function withinStack<T>(walk: () => T): T | undefined {
  try {
    return walk()
  } catch (error) {
    if (error instanceof RangeError) return undefined
    throw error
  }
}

function rangeOf(node: unknown): [number, number] | undefined {
  const range = (node as Node | null | undefined)?.range
  return range ? [range[0], range[1]] : undefined
}
