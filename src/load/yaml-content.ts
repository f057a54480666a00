import {
  isAlias,
  isCollection,
  isMap,
  isNode,
  isPair,
  isScalar,
  visit,
  type Alias,
  type Document,
  type Node
} from 'yaml'
import { describeForbiddenCharacter, forbiddenCharacters } from './control-characters.js'
import type { YamlOffsetProblem } from './yaml-problem.js'

/**
 * Tags whose values are plain data, as JSON has them. The yaml library
 * resolves more (!!binary to bytes, !!set, !!omap, !!timestamp) and leaves
 * an unknown tag (!!js/function, !foo) as a plain string with a warning;
 * none of that is data a report or the registry can hold.
 */
const dataTags = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`)
)

/**
 * How many nodes aliases may add to a document when expanded. The schema
 * checks and every output walk the expanded tree, and nine aliases of nine
 * aliases of ... grow it exponentially ("billion laughs"). A registry that
 * shares a block of dimensions among all its metrics stays far below.
 */
const aliasExpansionLimit = 100_000

export interface ContentProblems {
  /** Tags that are not plain data, keys that are not plain or not unique, aliases that loop or expand too far. */
  errors: YamlOffsetProblem[]
  /** Control characters that escapes (`"\0"`, `"\x1b"`) wrote into a value or key. */
  controls: YamlOffsetProblem[]
  /** The node each alias stands for: the last anchor of its name before it. */
  targets: ReadonlyMap<Node, Node>
}

/**
 * Check a parsed YAML document, written as `text`, for what must not reach
 * the data. Linear: one pass over the nodes, with each map's keys in a set
 * (the yaml library compares each key with every earlier one, so its own
 * check is turned off), then one over the aliases.
 */
export function checkContent(doc: Document, text: string): ContentProblems {
  const errors: YamlOffsetProblem[] = []
  const controls: YamlOffsetProblem[] = []
  const anchors = new Map<string, Node>()
  const aliases: Alias[] = []
  const targets = new Map<Node, Node>()
  const at = (node: Node, message: string) => {
    const [start, end] = node.range ?? [0, 0]
    return { message, start, end }
  }

  visit(doc, {
    Node: (_key, node, path) => {
      if (isAlias(node)) {
        const target = anchors.get(node.source)
        if (!target) return
        // An alias inside the node it names would make the data infinite.
        if (path.includes(target))
          errors.push(
            at(
              node,
              `The alias *${node.source} stands inside the node it names, which would repeat without end: write the value out`
            )
          )
        else targets.set(node, target)
        aliases.push(node)
        return
      }
      if (node.anchor) anchors.set(node.anchor, node)
      if (node.tag !== undefined && !dataTags.has(node.tag)) {
        const [start, end] = tagSpan(text, node.range?.[0] ?? 0) ?? node.range ?? [0, 0]
        errors.push({
          message: `The tag ${shortTag(node.tag)} is not supported: factmark reads plain data (text, numbers, true and false, null, lists and maps); remove the tag`,
          start,
          end
        })
      }
      if (isScalar(node) && typeof node.value === 'string') {
        const first = forbiddenCharacters(node.value)[0]
        if (first)
          controls.push(
            at(node, `This value holds ${describeForbiddenCharacter(first.char)}, written as an escape: remove it`)
          )
      }
      if (isMap(node)) errors.push(...keyProblems(node.items.map((pair) => pair.key)))
    }
  })

  const sizes = new Map<Node, number>()
  let added = 0
  for (const alias of aliases) {
    const target = targets.get(alias)
    added += target ? expandedSize(target, targets, sizes) : 0
    if (added > aliasExpansionLimit) {
      errors.push(
        at(
          alias,
          `By this alias, aliases have expanded the YAML to more than ${aliasExpansionLimit.toLocaleString('en')} values, more than factmark reads: use fewer aliases, or aliases of smaller blocks`
        )
      )
      break
    }
  }
  return { errors, controls, targets }
}

export const listAsKeyMessage = 'A key must be written out as text or a number, not as a list, a map or an alias'

/**
 * Keys must be written out as text or numbers, and name each entry once, as the keys of the JSON
 * object they become.
 */
function keyProblems(keys: readonly unknown[]): YamlOffsetProblem[] {
  const problems: YamlOffsetProblem[] = []
  const seen = new Set<string>()
  for (const key of keys) {
    const [start, end] = (key as Node | null)?.range ?? [0, 0]
    if (key !== null && !isScalar(key)) {
      problems.push({
        message: listAsKeyMessage,
        start,
        end
      })
      continue
    }
    const name = dataKey(key)
    if (seen.has(name))
      problems.push({ message: `Map keys must be unique: "${name}" is already a key of this map`, start, end })
    seen.add(name)
  }
  return problems
}

/** The name a scalar key has in JSON: what the yaml library makes of it (null and an empty key are ""). */
export function dataKey(key: unknown): string {
  const value: unknown = isScalar(key) ? key.value : null
  // Under the core schema a scalar is text, a number or a boolean.
  return value === null || value === undefined ? '' : `${value as string | number | boolean}`
}

/**
 * Where the tag of the node starting at `start` is written: a node's range
 * begins at its value, after its properties (`!!binary &a value`, in either
 * order). Undefined when no tag stands right before it.
 */
function tagSpan(text: string, start: number): [number, number] | undefined {
  let end = start
  for (let property = 0; property < 2; property++) {
    while (end > 0 && /\s/.test(text.charAt(end - 1))) end--
    let begin = end
    while (begin > 0 && !/\s/.test(text.charAt(begin - 1))) begin--
    if (text.charAt(begin) === '!') return [begin, end]
    if (text.charAt(begin) !== '&') return undefined
    end = begin
  }
  return undefined
}

/** `!!binary` for a tag of the YAML namespace, else the tag as written. */
function shortTag(tag: string): string {
  return tag.replace(/^tag:yaml\.org,2002:/, '!!')
}

/**
 * The number of nodes a node stands for with its aliases expanded, each
 * size computed once; iterative, as documents may nest deeply. Sizes are
 * capped just above the limit, so they stay exact numbers.
 */
function expandedSize(root: Node, targets: ReadonlyMap<Node, Node>, sizes: Map<Node, number>): number {
  const stack: Array<{ node: Node; entered: boolean }> = [{ node: root, entered: false }]
  const open = new Set<Node>()
  while (stack.length > 0) {
    const top = stack[stack.length - 1]
    if (!top) break
    if (sizes.has(top.node)) {
      stack.pop()
      continue
    }
    const children = childrenOf(top.node, targets)
    if (!top.entered) {
      top.entered = true
      open.add(top.node)
      // A child still open is an alias inside its own anchor, reported as an error: it adds nothing here.
      for (const child of children)
        if (!sizes.has(child) && !open.has(child)) stack.push({ node: child, entered: false })
      continue
    }
    stack.pop()
    open.delete(top.node)
    const own = isAlias(top.node) ? 0 : 1
    const total = children.reduce((sum, child) => sum + (sizes.get(child) ?? 0), own)
    sizes.set(top.node, Math.min(total, aliasExpansionLimit + 1))
  }
  return sizes.get(root) ?? 0
}

function childrenOf(node: Node, targets: ReadonlyMap<Node, Node>): Node[] {
  if (isAlias(node)) {
    const target = targets.get(node)
    return target ? [target] : []
  }
  if (!isCollection(node)) return []
  const children: Node[] = []
  for (const item of node.items as unknown[]) {
    for (const part of isPair(item) ? [item.key, item.value] : [item]) if (isNode(part)) children.push(part)
  }
  return children
}
