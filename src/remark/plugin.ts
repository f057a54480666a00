// Loads the directive node types into mdast in the published types too, so that a user's remark-rehype
// handlers may name textDirective.
/// <reference types="mdast-util-directive" preserve="true" />
import type { Root } from 'mdast'
import type { Plugin } from 'unified'
import type { VFile } from 'vfile'
import { extractFacts } from '../extract/facts.js'
import { impliedRegistry } from '../extract/implied-metrics.js'
import type { Registry } from '../model/compiled.js'
import type { Fact, Metric, ReportFrontMatter } from '../model/schema-types.js'
import { validateFacts } from '../validate/index.js'
import { unreadBlockSpan } from './attribute-syntax.js'
import { reportBrokenAnnotations } from './broken-annotations.js'
import { eachOfType } from './each-node.js'
import { factName } from './fact-syntax.js'
import { reportMissingContext } from './missing-context.js'
import { remarkFactSyntax } from './syntax.js'
import { remarkTableSyntax } from './table-syntax.js'

declare module 'vfile' {
  interface DataMap {
    /** The facts of the document's `:fact` annotations, in document order (set by remarkFact). */
    facts: Fact[]
    /**
     * Source spans [start, end) of annotations reported as broken (full-width
     * punctuation, a misspelt name, a label not closed) and of attribute blocks that were not read:
     * they give no fact, and their figures are explained by those diagnostics (set by remarkFact).
     */
    brokenAnnotations: Array<[number, number]>
  }
}

declare module 'mdast-util-directive' {
  interface TextDirectiveData {
    /** The fact this annotation became (set by remarkFact). */
    fact?: Fact
    /** Its metric, when a registry defines it. */
    factMetric?: Metric
  }
}

/** What a fact says when its annotation does not: a report's front matter gives both. */
export interface FactDefaults {
  /** ISO 8601: a year, a year-month, a date, or an interval `a/b`. */
  period?: string
  entity?: string
}

export interface RemarkFactOptions {
  /**
   * The metric registry: each metric must be one of it, values are
   * converted to its unit, and its rules (ranges, ranks, duplicates, sums,
   * changes) are checked. Without one, a metric is what its figures say.
   */
  registry?: Registry
  defaults?: FactDefaults
  /** The path facts give as their source (`source.file`); by default the path of the file. */
  sourcePath?: string
}

/**
 * Add `:fact[…]{…}` annotations to remark: the syntax (no other directive,
 * so `10:30` and `注:note` stay text), and a transformer that puts the
 * facts on `file.data.facts`, marks each annotation with its fact, and
 * reports every problem as a message on the file with a rule id and a
 * place.
 */
const remarkFact: Plugin<[(RemarkFactOptions | undefined)?], Root> = function (options = {}) {
  remarkFactSyntax.call(this)
  // A fact in a table cell takes its row and column from the table: without the table syntax the
  // same text would give facts without them.
  remarkTableSyntax.call(this)
  return (tree, file) => {
    annotate(tree, file, options)
  }
}

export default remarkFact

function annotate(tree: Root, file: VFile, options: RemarkFactOptions): void {
  const broken = reportBrokenAnnotations(tree, file)
  const defaults = { period: options.defaults?.period, entity: options.defaults?.entity }
  const unplaced = reportMissingContext(tree, file, defaults)
  const registry = options.registry ?? impliedRegistry(tree)
  const facts = extractFacts({
    tree,
    file,
    sourcePath: options.sourcePath ?? file.history.at(-1) ?? '',
    // Extraction reads only the period and the entity of the front matter.
    frontMatter: { period: defaults.period ?? '', entity: defaults.entity ?? '' } as ReportFrontMatter,
    registry,
    skip: [...broken, ...unplaced]
  })
  if (options.registry) validateFacts(facts, options.registry, file)
  const unread = markFacts(tree, facts, options.registry, String(file.value))
  file.data.facts = facts
  file.data.brokenAnnotations = [...broken, ...unread]
}

/**
 * Give each annotation its fact, so that later plugins and handlers need no lookup. Returns the
 * attribute blocks of the annotations without one that the parser could not read (see
 * unreadBlockSpan), whose figures extraction's message explains: found in the same walk.
 */
function markFacts(
  tree: Root,
  facts: readonly Fact[],
  registry: Registry | undefined,
  source: string
): Array<[number, number]> {
  const byId = new Map(facts.map((fact) => [fact.id, fact]))
  const unread: Array<[number, number]> = []
  eachOfType(tree, 'textDirective', (node) => {
    if (node.name !== factName) return
    const fact = node.data?.factId !== undefined ? byId.get(node.data.factId) : undefined
    if (fact) {
      const metric = registry?.metrics.get(fact.metric)
      node.data = { ...node.data, fact, ...(metric && { factMetric: metric }) }
      return
    }
    const end = node.position?.end.offset
    if (end === undefined || source[end] !== '{') return
    for (const _name in node.attributes) return
    const span = unreadBlockSpan(source, end)
    if (span) unread.push(span)
  })
  return unread
}
