import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import type { Calculation, Fact, FactBundle, Metric, ReportFrontMatter, Series } from './schema-types.js'

/**
 * The records that pass between the stages: what the compiler reads, what it
 * gives, and the registry and diagnostics in between. Every stage and every
 * emitter depends on these, and they depend on nothing but the published
 * schema types, so no stage needs another's module for its types.
 */

/**
 * How much a problem weighs: errors fail a build, warnings only with --strict; information (a
 * finding such as a missed target) never does.
 */
export type Severity = 'error' | 'warning' | 'info'

/** The metric registry as the compiler uses it. */
export interface Registry {
  metrics: ReadonlyMap<string, Metric>
  calculations: readonly Calculation[]
  /**
   * Of a registry with errors checked against all the same (see partialRegistry): the metrics it
   * declares with errors, left out. A fact of one is told nothing; the metric's error says it all.
   */
  withErrors?: ReadonlySet<string>
}

/** A diagnostic as the command line and the JSON output present it. */
export interface Diagnostic {
  file: string
  line: number
  column: number
  endLine: number
  endColumn: number
  severity: Severity
  ruleId: string
  message: string
  fix?: string
  url?: string
  /** Other places the message is about, in this file or another: the facts it was checked against. */
  related?: RelatedPlace[]
}

/** A place a diagnostic refers to besides its own, with what stands there. */
export interface RelatedPlace {
  file: string
  line: number
  column: number
  endLine: number
  endColumn: number
  message: string
}

/** A file handed to the compiler: its path as it should appear in output, and its content. */
export interface SourceText {
  /** Where messages say the report is: relative to the folder the command runs in. */
  path: string
  /**
   * Where the data say the report is (a fact's `source.file`, a bundle's `report.source`), when that
   * is not `path`: relative to the project folder, the one that holds the source folder, so that the
   * same sources give the same data wherever the build runs from.
   */
  dataPath?: string
  /** The file's bytes as read, which the compiler decodes (see src/load/encoding/decode.ts), or its text. */
  text: string | Uint8Array
  /** Set, with `text` empty, when the file was too large to read: its size in bytes. */
  unreadSize?: number
}

/** A path among the sources that was not read on purpose (see src/load/read-source.ts), and why. */
export interface SkippedSource {
  path: string
  reason: string
  /**
   * Set for a report in a folder inside the source folder (see nested-reports.ts): it is no
   * source of this build, only named, so it neither counts as a report left unread nor has a
   * coverage of its own.
   */
  nested?: true
}

export interface CompileInput {
  reports: readonly SourceText[]
  registry: SourceText
  /** Paths named as reports that were not read; each is reported as a warning. */
  skipped?: readonly SkippedSource[]
  /**
   * Warn about registry metrics that no report uses. Only meaningful when
   * every report is compiled; default true.
   */
  checkUnusedMetrics?: boolean
}

export interface CompiledReport {
  /** Path of the annotated source. */
  path: string
  frontMatter: ReportFrontMatter
  /** The syntax tree: foreign directives restored to text, fact annotations marked with their fact ids. */
  tree: Root
  /** The source text, for outputs that splice it. */
  source: string
  /** What facts.json holds. */
  bundle: FactBundle
}

/** What the rules across reports read of a fact: where it stands, what it says and where it is printed. */
export type CollectionFact = Omit<Fact, 'displayUnit' | 'classifier' | 'section' | 'table'>

/**
 * What the rules across reports read of a report: its front matter and its facts. A compiled
 * report is one; so is the summary a build keeps of each report, which holds no syntax tree.
 */
export interface CollectedReport {
  path: string
  frontMatter: ReportFrontMatter
  bundle: { facts: readonly CollectionFact[] }
}

/**
 * What the site's own pages (catalog, the Data Package of every fact) read of a report: of its
 * facts, only how many there are. A compiled report is one; so is what a build keeps of each
 * report to list it, without its facts, which a site of thousands of reports does not hold at once.
 */
export interface SiteReport {
  path: string
  frontMatter: ReportFrontMatter
  bundle: Pick<FactBundle, 'report' | 'metrics'> & { facts: { readonly length: number } }
}

/** How much of a report's figures are annotated. */
export interface Coverage {
  path: string
  /** Fact annotations in the text. */
  tagged: number
  /** Figures outside annotations that are not deliberately ignored. */
  untagged: number
  /**
   * False when the report was not read, or could not be loaded or checked
   * (its diagnostics say why): its figures are then not counted, and its
   * counts are 0. Absent for a report that was.
   */
  read?: false
}

export interface CompileResult {
  /** The reports that compiled without errors. */
  reports: CompiledReport[]
  /** Every file read, each carrying its messages. */
  files: VFile[]
  /** All messages as plain records, sorted by file and position. */
  diagnostics: Diagnostic[]
  errorCount: number
  warningCount: number
  /** Findings that are neither errors nor warnings: a missed target, a change with no published base. */
  infoCount: number
  /** One entry per report, in input order, then one per skipped path. */
  coverage: Coverage[]
  /** The metric registry, when it is valid. */
  registry?: Registry
  /** What the reports say together, when the registry is valid: one series per metric with facts. */
  collection?: Collection
}

/** What the reports say together: one series per metric that has facts. */
export interface Collection {
  /** By metric id. */
  series: Series[]
}
