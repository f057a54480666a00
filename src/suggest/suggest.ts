import type { CompileInput } from '../compile.js'
import { isFactDirective, isFactNode } from '../extract.js'
import { pointsOf } from '../positions.js'
import { restoreForeignDirectives } from '../literal-directives.js'
import { loadReport } from '../load.js'
import { parseMarkdown } from '../parse.js'
import { loadRegistry } from '../registry.js'
import { findUntagged, type UntaggedFigure } from './untagged.js'

export interface Suggestions {
  path: string
  untagged: UntaggedFigure[]
}

/**
 * The figures of each report that carry no annotation, with a proposed
 * annotation each. Works on any Markdown or plain text: front matter is
 * optional (its `ignore:` list and period are used when it is valid), and a
 * broken registry only costs the metric guesses.
 */
export function suggest(input: CompileInput): Suggestions[] {
  const { registry } = loadRegistry(input.registry.path, input.registry.text)
  return input.reports.map((source) => {
    const loaded = loadReport(source.path, source.text)
    const text = String(loaded.file.value)
    const tree = parseMarkdown(loaded.markdown)
    restoreForeignDirectives(tree, text, isFactDirective)
    const { untagged } = findUntagged({
      tree,
      source: text,
      toPoint: pointsOf(loaded.file),
      isFact: isFactNode,
      ...(registry && { registry }),
      ignore: loaded.frontMatter?.ignore ?? [],
      ...(loaded.frontMatter && { period: loaded.frontMatter.period })
    })
    return { path: source.path, untagged }
  })
}
