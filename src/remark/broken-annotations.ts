import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { report } from '../diagnostics/report.js'
import { pointsOf } from '../model/positions.js'
import { spansOf } from '../model/spans.js'
import { eachOfType } from './each-node.js'
import { findHazards, findMisspelt } from './hazards.js'

/**
 * Report annotations that are broken in ways the parser cannot see, because
 * to it they are plain text: full-width punctuation (`：fact【…】`) and
 * misspelt names (`:Fact[…]`). Returns their spans, whose figures and
 * other problems these diagnostics already explain.
 */
export function reportBrokenAnnotations(tree: Root, file: VFile): Array<[number, number]> {
  const source = String(file.value)
  const toPoint = pointsOf(file)
  const from = textStart(tree)
  const text = source.slice(from)
  const broken: Array<[number, number]> = []
  for (const hazard of findHazards(text)) {
    report(file, 'annotation-hazard', hazard.message, {
      start: toPoint(from + hazard.start),
      end: toPoint(from + hazard.end)
    })
    broken.push([from + hazard.spanStart, from + hazard.spanEnd])
  }
  const misspelt = findMisspelt(text)
  if (misspelt.length === 0) return broken
  // Code, URLs and raw HTML may hold `:Fact[` as it is; only text is meant to be read.
  const inText = spansOf(textSpans(tree))
  for (const found of misspelt) {
    const start = from + found.start
    const end = from + found.end
    if (!inText.covers(start)) continue
    report(
      file,
      'fact-typo',
      `":${found.name}" is not an annotation factmark knows, so this stays text; did you mean ":fact"?`,
      { start: toPoint(start), end: toPoint(end) }
    )
    broken.push([start, end])
  }
  return broken
}

/** Where the Markdown starts: after front matter, whether the parser made a node of it or the caller blanked it out. */
function textStart(tree: Root): number {
  const first = tree.children.find((node) => (node.type as string) !== 'yaml' && (node.type as string) !== 'toml')
  return first?.position?.start.offset ?? tree.position?.end.offset ?? 0
}

function textSpans(tree: Root): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  eachOfType(tree, 'text', (node) => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start !== undefined && end !== undefined) spans.push([start, end])
  })
  return spans
}
