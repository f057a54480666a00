import type { Node, Parent } from 'unist'
import { scanLines, type ScannedLine } from './blocks.js'
import { tableCellCounter } from './table-cells.js'
import { inputLimits } from './limit-values.js'

export interface LimitProblem {
  start: number
  end: number
  message: string
}

const emphasisRun = /\*+|_+/g
const whitespace = /\s/u
const punctuation = /[\p{P}\p{S}]/u

/**
 * Whether a run of `*` or `_` could close emphasis (CommonMark 6.2): it is
 * right-flanking, and an underscore also not inside a word. Only these make
 * the parser look back, so `metric=air.aqi_rank` costs nothing.
 */
function canClose(run: string, before: string, after: string): boolean {
  const beforeSpace = before === '' || whitespace.test(before)
  const afterSpace = after === '' || whitespace.test(after)
  const beforePunctuation = punctuation.test(before)
  const afterPunctuation = punctuation.test(after)
  const right = !beforeSpace && (!beforePunctuation || afterSpace || afterPunctuation)
  if (run[0] === '*') return right
  const left = !afterSpace && (!afterPunctuation || beforeSpace || beforePunctuation)
  return right && (!left || afterPunctuation)
}

/** The first place where a report goes past a limit, or undefined when it stays within all of them. */
export function findLimitProblem(text: string): LimitProblem | undefined {
  let nested = 0
  let closers = 0
  let cells = 0
  const cellsOf = tableCellCounter()
  for (const line of scanLines(text)) {
    cells += cellsOf(line)
    if (cells > inputLimits.tableCells) return tableProblem(line)
    if (line.startsBlock) nested = 0
    if (line.blank) closers = 0
    if (line.blank || line.literal) continue
    const { depth, nestedOpened, prefixEnd } = line
    if (depth > inputLimits.nesting) {
      return {
        start: line.start,
        end: line.start + prefixEnd,
        message: `Block quotes and lists nest ${depth} deep here; factmark reads at most ${inputLimits.nesting} levels: flatten them`
      }
    }
    nested += nestedOpened
    if (nested > inputLimits.nestedItems) {
      return {
        start: line.start,
        end: line.start + prefixEnd,
        message: `This list or block quote holds more than ${inputLimits.nestedItems} nested items; factmark reads at most ${inputLimits.nestedItems} in one top-level block: split it with a paragraph or heading between the parts`
      }
    }
    emphasisRun.lastIndex = 0
    for (let match = emphasisRun.exec(line.text); match; match = emphasisRun.exec(line.text)) {
      const end = match.index + match[0].length
      if (!canClose(match[0], characterBefore(line.text, match.index), characterAt(line.text, end))) continue
      if (++closers > inputLimits.emphasisClosers) {
        const at = line.start + match.index
        return {
          start: at,
          end: at + match[0].length,
          message: `This paragraph has more than ${inputLimits.emphasisClosers} runs of * or _ that could close emphasis; factmark reads at most ${inputLimits.emphasisClosers} in one paragraph: split the paragraph or escape the markers (\\*)`
        }
      }
    }
  }
  return undefined
}

function tableProblem(line: ScannedLine): LimitProblem {
  return {
    start: line.start,
    end: line.end,
    message: `The tables of this report have more than ${inputLimits.tableCells} cells; factmark reads at most ${inputLimits.tableCells} in one report: split the report, or publish a table this large as a data file beside it`
  }
}

/** The character that ends just before an index, a pair of surrogates taken whole; '' at the start. */
function characterBefore(text: string, index: number): string {
  const last = text.charCodeAt(index - 1)
  const pair = last >= 0xdc00 && last <= 0xdfff && index >= 2
  return text.slice(pair ? index - 2 : Math.max(0, index - 1), index)
}

/** The character that starts at an index; '' at the end. */
function characterAt(text: string, index: number): string {
  const code = text.codePointAt(index)
  return code === undefined ? '' : String.fromCodePoint(code)
}

/** The first node nested deeper than the limit, as a problem at its place; the tree is walked without recursion. */
export function findDepthProblem(tree: Node): LimitProblem | undefined {
  const pending: Array<[Node, number]> = [[tree, 0]]
  for (let item = pending.pop(); item; item = pending.pop()) {
    const [node, depth] = item
    if (depth > inputLimits.treeDepth) {
      return {
        start: node.position?.start.offset ?? 0,
        end: node.position?.end.offset ?? 0,
        message: `The text nests more than ${inputLimits.treeDepth} levels deep here (emphasis, links and annotation labels inside each other); factmark reads at most ${inputLimits.treeDepth}: simplify the markup`
      }
    }
    const children = 'children' in node ? (node as Parent).children : []
    for (let index = children.length - 1; index >= 0; index--) pending.push([children[index] as Node, depth + 1])
  }
  return undefined
}
