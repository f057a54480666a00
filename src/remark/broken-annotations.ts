import type { Root } from 'mdast'
import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { report } from '../diagnostics/report.js'
import { pointsOf } from '../model/positions.js'
import { spansOf } from '../model/spans.js'
import { eachNode, eachOfType } from './each-node.js'
import { factName } from './fact-syntax.js'
import { findHazards, findMisspelt } from './hazards.js'

/**
 * Report annotations that are broken in ways the parser cannot see, because
 * to it they are plain text: full-width punctuation (`：fact【…】`),
 * misspelt names (`:Fact[…]`) and labels whose "[" is not closed. Returns
 * their spans, whose figures and other problems these diagnostics already
 * explain.
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
  broken.push(...reportUnclosedLabels(tree, file, source, toPoint))
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

/**
 * Annotations whose label's "[" never closes: to the parser, `:fact[92件{metric=…}` is a bare `:fact`
 * followed by text, which would be reported as a fact of no metric with an empty label, its figure
 * as untagged. Each is reported at its "[", and its span runs to the end of its paragraph.
 */
function reportUnclosedLabels(
  tree: Root,
  file: VFile,
  source: string,
  toPoint: (offset: number) => Point
): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  eachNode(tree, (node, _index, parent) => {
    if (node.type !== 'textDirective' || node.name !== factName || node.children.length > 0) return
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined || source[end] !== '[') return
    if (Object.keys(node.attributes ?? {}).length > 0) return
    report(
      file,
      'label-unparseable',
      'The "[" of this label is not closed before the paragraph ends, so this is no annotation, and neither its figure nor its attributes are read: end the figure with "]"',
      { start: toPoint(end), end: toPoint(end + 1) }
    )
    spans.push([start, parent?.position?.end.offset ?? end + 1])
  })
  return spans
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
