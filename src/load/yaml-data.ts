import { isAlias, isMap, isPair, isScalar, isSeq, type Node } from 'yaml'
import { dataKey } from './yaml-content.js'

/**
 * The plain data of a YAML node that checkContent passed: what the yaml
 * library's toJS gives for it, built in one pass. toJS finds the anchor of
 * each alias by scanning the document up to the alias, which makes a
 * document of many aliases quadratic; here each alias's node is known.
 * Maps become objects whose keys are own properties, `__proto__` included.
 */
export function toData(node: unknown, targets: ReadonlyMap<Node, Node>): unknown {
  if (node === null || node === undefined) return null
  if (isAlias(node)) return toData(targets.get(node), targets)
  if (isScalar(node)) return node.value ?? null
  if (isMap(node)) return Object.fromEntries(node.items.map((pair) => [dataKey(pair.key), toData(pair.value, targets)]))
  if (isSeq(node))
    return node.items.map((item) =>
      isPair(item) ? Object.fromEntries([[dataKey(item.key), toData(item.value, targets)]]) : toData(item, targets)
    )
  return null
}
