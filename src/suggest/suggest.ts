import type { Point } from 'unist'
import { isFactNode } from '../extract/facts.js'
import { pointsOf } from '../model/positions.js'
import { loadReport } from '../load/front-matter.js'
import type { LimitProblem } from '../remark/input-limits.js'
import { processReport } from '../remark/process-report.js'
import { loadRegistry } from '../load/registry.js'
import { findUntagged, type UntaggedFigure } from './untagged.js'
import type { CompileInput } from '../model/compiled.js'
import { annotatedIn, knownMembers, type AnnotatedValues } from './known-members.js'
import { periodOfTitle } from './title-period.js'

export interface Suggestions {
  path: string
  untagged: UntaggedFigure[]
  /** Set when the text goes past a limit on its size or shape and was not read. */
  refused?: { start: Point; end: Point; message: string }
}

export interface SuggestContext {
  /**
   * What the annotations of the collection write, which name the places (and other members of
   * dimensions) a figure may be of: by default those of the reports suggested on (see knownMembers).
   */
  annotated?: AnnotatedValues
}

/**
 * The figures of each report that carry no annotation, with a proposed
 * annotation each. Works on any Markdown or plain text: front matter is
 * optional (its `ignore:` list and period are used when it is valid), and a
 * broken registry only costs the metric guesses.
 */
export function suggest(input: CompileInput, context: SuggestContext = {}): Suggestions[] {
  const { registry } = loadRegistry(input.registry.path, input.registry.text)
  const known = registry && knownMembers(context.annotated ?? annotatedIn(input.reports), registry)
  return input.reports.map((source) => {
    const loaded = loadReport(source.path, source.text, source.unreadSize)
    const text = String(loaded.file.value)
    const { frontMatter } = loaded
    const defaults = frontMatter && { period: frontMatter.period, entity: frontMatter.entity }
    const processed = processReport(loaded.file, loaded.markdown, {
      ...(registry && { registry }),
      ...(defaults && { defaults })
    })
    if (!processed.ok)
      return { path: source.path, untagged: [], refused: placed(processed.error, pointsOf(loaded.file)) }
    const tree = processed.value
    const period = frontMatter?.period ?? periodOfTitle(text)
    const { untagged } = findUntagged({
      tree,
      source: text,
      toPoint: pointsOf(loaded.file),
      isFact: isFactNode,
      ...(registry && { registry }),
      ...(known && { known }),
      ignore: frontMatter?.ignore ?? [],
      // The figures of a broken annotation (full-width punctuation, a label not closed) are the
      // annotation's: wrapped again, they would make an annotation inside it. check leaves them too.
      skip: loaded.file.data.brokenAnnotations ?? [],
      ...(period !== undefined && { period })
    })
    return { path: source.path, untagged }
  })
}

function placed(problem: LimitProblem, toPoint: (offset: number) => Point): NonNullable<Suggestions['refused']> {
  return { start: toPoint(problem.start), end: toPoint(problem.end), message: problem.message }
}
