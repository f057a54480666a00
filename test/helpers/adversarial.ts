import { visit } from 'unist-util-visit'
import type { CompileResult } from '../../src/model/compiled.js'

/**
 * Characters no page may hold: C0 and C1 controls, DEL, noncharacters and a
 * lone surrogate. The loader refuses them in sources; the pages must be safe
 * from them all the same.
 */
const controlCharacters = '\u0000\u0001\u0007\u000B\u000C\u001B\u007F\u0080\u0085\u009F\uFDD0\uFFFE\u{1FFFF}\uD800'

/**
 * A compiled report whose title, issuer, metric label, heading, text and one
 * fact (its id, text, entity and dimension) carry control characters: made
 * in memory, as no source that loads can carry them.
 */
export function withControlCharacters(result: CompileResult): CompileResult {
  const [report] = result.reports
  if (!report) throw new Error('the result has no report')
  const c = controlCharacters
  const bundle = structuredClone(report.bundle)
  const tree = structuredClone(report.tree)
  bundle.report.title = `报告${c}标题`
  bundle.report.issuer = `发布${c}机关`
  for (const metric of Object.values(bundle.metrics)) metric.label.zh = `${metric.label.zh}${c}`
  const fact = bundle.facts.find((candidate) => Object.keys(candidate.dimensions).length > 0)
  if (!fact) throw new Error('the report has no fact with a dimension')
  const oldId = fact.id
  fact.id = `${oldId}${c}`
  fact.text = `${fact.text}${c}`
  fact.entity = `${fact.entity}${c}`
  for (const name of Object.keys(fact.dimensions)) fact.dimensions[name] = `${fact.dimensions[name]}${c}`
  visit(tree, (node) => {
    if (node.type === 'textDirective' && node.data?.factId === oldId) node.data = { factId: fact.id }
    if (node.type === 'text') node.value = `${node.value}${c}`
  })
  return {
    ...result,
    reports: [{ ...report, frontMatter: { ...report.frontMatter, title: bundle.report.title }, bundle, tree }]
  }
}
