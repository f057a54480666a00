import type { Nodes, Root, RootContent } from 'mdast'
import type { Extension } from 'micromark-util-types'
import { normalizeIdentifier } from 'micromark-util-normalize-identifier'
import remarkParse from 'remark-parse'
import { unified, type Processor } from 'unified'
import type { Point } from 'unist'
import { err, ok, type Result } from '../model/result.js'
import { findDepthProblem, findLimitProblem, type LimitProblem } from './input-limits.js'
import { blockStarts } from './blocks.js'
import { remarkFactSyntax } from './syntax.js'
import { remarkTableSyntax } from './table-syntax.js'

/**
 * The parser of factmark/remark's plugin: Markdown with `:fact` annotations and no other directive,
 * and GFM tables.
 */
const processor = unified().use(remarkParse).use(remarkFactSyntax).use(remarkTableSyntax).freeze()

/**
 * Blocks are parsed in groups of about this many UTF-16 units: large enough that few parsers are
 * made, small enough that none is slow.
 */
const chunkSize = 4 * 1024

/**
 * The syntax tree of a report's Markdown, or the limit it goes past (see
 * input-limits.ts), checked before and after parsing so that no text can
 * make the parser or a walk of the tree run away.
 */
export function readMarkdown(markdown: string): Result<Root, LimitProblem> {
  const before = findLimitProblem(markdown)
  if (before) return err(before)
  const tree = parseMarkdown(markdown)
  const after = findDepthProblem(tree)
  return after ? err(after) : ok(tree)
}

/**
 * Parse Markdown with annotations into an mdast tree whose positions are
 * file positions. Long texts are parsed block by block (see
 * blocks.ts) and the trees joined; the result is the tree of the
 * whole text.
 */
export function parseMarkdown(markdown: string, options: { chunkSize?: number } = {}): Root {
  const chunks = chunksOf(markdown, options.chunkSize ?? chunkSize)
  if (chunks.length === 1) return processor.parse(markdown)
  let trees = parseChunks(chunks, (text) => processor.parse(text))
  // A reference may stand in one chunk and its definition in another: the
  // parser decides what is a link by the definitions it has seen, so each
  // chunk is told of the others' and read again. A definition inside a
  // container directive serves only the text after it, as when the whole
  // text is parsed at once.
  const definitions = trees.map((tree) => definitionsIn(tree))
  if (definitions.some((found) => found.anywhere.length + found.afterward.length > 0)) {
    const anywhere = definitions.flatMap((found) => found.anywhere)
    trees = parseChunks(chunks, (text, index) => {
      const earlier = definitions.slice(0, index).flatMap((found) => found.afterward)
      return unified()
        .use(remarkParse)
        .use(remarkFactSyntax)
        .use(remarkTableSyntax)
        .use(remarkPredefine, [...anywhere, ...earlier])
        .parse(text)
    })
  }
  const children: RootContent[] = []
  for (const [index, tree] of trees.entries()) {
    const chunk = chunks[index] as Chunk
    for (const node of tree.children) {
      shift(node, chunk.origin)
      children.push(node)
    }
  }
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endOf(markdown) } }
}

/**
 * Each chunk's tree. A block the end of its chunk closes (a fence left open in a list item) may
 * close elsewhere in the whole text, depending on the block that follows: such a chunk is read
 * again together with the next one, and keeps the blocks that start in it. At most two parses a
 * chunk, so the whole stays linear.
 */
function parseChunks(chunks: readonly Chunk[], parse: (text: string, index: number) => Root): Root[] {
  return chunks.map((chunk, index) => {
    const tree = parse(chunk.text, index)
    const next = chunks[index + 1]
    if (!next || tree.children.at(-1)?.position?.end.offset !== chunk.text.length) return tree
    const both = parse(chunk.text + next.text, index)
    return { ...both, children: both.children.filter((node) => (node.position?.start.offset ?? 0) < chunk.text.length) }
  })
}

interface Chunk {
  text: string
  /** Where the chunk starts in the whole text. */
  origin: Point
}

function chunksOf(markdown: string, size: number): Chunk[] {
  if (markdown.length <= size) return [{ text: markdown, origin: { line: 1, column: 1, offset: 0 } }]
  const starts = blockStarts(markdown)
  const cuts = [0]
  for (const start of starts) if (start - (cuts.at(-1) as number) >= size) cuts.push(start)
  const chunks: Chunk[] = []
  let line = 1
  for (const [index, start] of cuts.entries()) {
    const text = markdown.slice(start, cuts[index + 1] ?? markdown.length)
    chunks.push({ text, origin: { line, column: 1, offset: start } })
    line += lineBreaks(text)
  }
  return chunks
}

function lineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0
}

function endOf(text: string): Point {
  const last = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'))
  return { line: lineBreaks(text) + 1, column: text.length - last, offset: text.length }
}

/**
 * Move the positions of a chunk's nodes to where the chunk stands; chunks start at the start of a
 * line, so columns stay.
 */
function shift(root: Nodes, origin: Point): void {
  const lines = origin.line - 1
  const offset = origin.offset ?? 0
  if (lines === 0 && offset === 0) return
  const pending: Nodes[] = [root]
  for (let node = pending.pop(); node; node = pending.pop()) {
    const position = node.position
    if (position) {
      position.start = {
        line: position.start.line + lines,
        column: position.start.column,
        offset: (position.start.offset ?? 0) + offset
      }
      position.end = {
        line: position.end.line + lines,
        column: position.end.column,
        offset: (position.end.offset ?? 0) + offset
      }
    }
    if ('children' in node) pending.push(...(node.children as Nodes[]))
  }
}

/**
 * The identifiers the parser keeps for the definitions in a tree, as it
 * normalizes them: those that serve the whole text, and those inside a
 * container directive, which serve only what follows them.
 */
function definitionsIn(root: Root): { anywhere: string[]; afterward: string[] } {
  const found = { anywhere: [] as string[], afterward: [] as string[] }
  const pending: Array<[Nodes, boolean]> = [[root, false]]
  for (let item = pending.pop(); item; item = pending.pop()) {
    const [node, inDirective] = item
    if (node.type === 'definition')
      (inDirective ? found.afterward : found.anywhere).push(normalizeIdentifier(node.label ?? ''))
    const inside = inDirective || node.type === 'containerDirective'
    if ('children' in node) for (const child of node.children as Nodes[]) pending.push([child, inside])
  }
  return found
}

/** The remark plugin that adds `predefine`. */
function remarkPredefine(this: Processor, identifiers: readonly string[]): undefined {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(predefine(identifiers))
  return undefined
}

/**
 * A micromark extension that tells the parser of some definitions before it
 * reads any text: a flow construct tried at the first line, which records
 * them and never matches.
 */
function predefine(identifiers: readonly string[]): Extension {
  const told = new WeakSet<object>()
  return {
    flow: {
      null: {
        name: 'factmarkPredefine',
        tokenize(_effects, _ok, nok) {
          if (!told.has(this.parser)) {
            told.add(this.parser)
            this.parser.defined.push(...identifiers)
          }
          return nok
        }
      }
    }
  }
}
