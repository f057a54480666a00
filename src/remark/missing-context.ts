import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { report } from '../diagnostics/report.js'
import { eachOfType } from './each-node.js'
import { factName } from './fact-syntax.js'

/**
 * Report each annotation that says neither its period nor its entity when
 * no default gives them (a report's front matter always does): a fact is a
 * value of something, somewhere, at some time. Returns the spans of those
 * annotations, which give no fact.
 */
export function reportMissingContext(
  tree: Root,
  file: VFile,
  defaults: { period?: string | undefined; entity?: string | undefined }
): Array<[number, number]> {
  if (defaults.period !== undefined && defaults.entity !== undefined) return []
  const unplaced: Array<[number, number]> = []
  eachOfType(tree, 'textDirective', (node) => {
    if (node.name !== factName) return
    const attributes = node.attributes ?? {}
    const lacks = [
      ...(defaults.period === undefined && attributes['period'] == null ? ['period'] : []),
      ...(defaults.entity === undefined && attributes['entity'] == null ? ['entity'] : [])
    ]
    const start = node.position?.start.offset
    if (lacks.length === 0 || start === undefined) return
    const names = lacks.join(' and ')
    report(
      file,
      lacks[0] === 'period' ? 'period-invalid' : 'attribute-invalid',
      `The fact has no ${names}: add ${lacks.map((name) => `${name}=…`).join(' ')} to the annotation, or give remarkFact a default ${names}`,
      node.position
    )
    unplaced.push([start, start + 1])
  })
  return unplaced
}
