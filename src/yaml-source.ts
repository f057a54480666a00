import type { Point, Position } from 'unist'
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml'

/** Where a YAML text starts inside its file, so positions can be reported in file terms. */
export interface Origin {
  line: number
  column: number
  offset: number
}

export interface YamlProblem {
  message: string
  place: Position
}

export interface YamlSource {
  /** The parsed value; undefined when the YAML has syntax errors. */
  data: unknown
  errors: YamlProblem[]
  /** The span of the value (or key) at `path`, or of its closest existing ancestor. */
  locate(path: ReadonlyArray<string | number>, part?: 'key' | 'value'): Position
}

const fileStart: Origin = { line: 1, column: 1, offset: 0 }

/**
 * Parse YAML keeping node positions, so that schema errors can point at the
 * line and column an editor has to change. YAML 1.2 core schema: dates stay
 * strings, duplicate keys are errors.
 */
export function parseYaml(text: string, origin: Origin = fileStart): YamlSource {
  const counter = new LineCounter()
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true })

  const point = (offset: number): Point => {
    const { line, col } = counter.linePos(Math.min(Math.max(offset, 0), text.length))
    return {
      line: origin.line + line - 1,
      column: line === 1 ? origin.column + col - 1 : col,
      offset: origin.offset + offset
    }
  }
  const span = (start: number, end: number): Position => ({ start: point(start), end: point(Math.max(end, start)) })

  const errors = doc.errors.map((error) => ({
    message: firstLine(error.message),
    place: span(error.pos[0], error.pos[1])
  }))

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
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment))
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

  return { data: errors.length > 0 ? undefined : doc.toJS(), errors, locate }
}

function rangeOf(node: unknown): [number, number] | undefined {
  const range = (node as Node | null | undefined)?.range
  return range ? [range[0], range[1]] : undefined
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message
}
