import type { Nodes } from 'mdast'
import type { Figure } from '../chinese-number/index.js'
import { toString } from 'mdast-util-to-string'
import { loadReport } from '../load/front-matter.js'
import { loadRegistry } from '../load/registry.js'
import type { CompileInput, Diagnostic, SourceText } from '../model/compiled.js'
import { plural } from '../model/plural.js'
import { pointsOf } from '../model/positions.js'
import type { Metric } from '../model/schema-types.js'
import { eachOfType } from '../remark/each-node.js'
import { parseMarkdown } from '../remark/parse.js'
import { attributesOfEach, nestedAnnotationText, type Attributes } from './annotation-text.js'
import { takes } from './metric-guess.js'
import { draftStub, sameMetric, stubLabelAt, type MetricStub } from './metric-stubs.js'
import { undecidedAnnotations, type UndecidedAnnotation } from './undecided-annotations.js'
import { splice, type Insertion } from './splice.js'
import { suggest, type Suggestions } from './suggest.js'
import { annotatedIn, type AnnotatedValues } from './known-members.js'
import type { UntaggedFigure } from './untagged.js'
import { isChangeAspect, type ProposedAspect } from './comparison-words.js'
import { appendToList, appendToMap } from './yaml-append.js'

/** One change `suggest --write` makes, or a figure it leaves and why. */
export type WriteEdit =
  | {
      action: 'annotate'
      file: string
      line: number
      column: number
      text: string
      annotation: string
      /** The dimensions its metric requires that it names no member of: the editor's to name (see UntaggedFigure). */
      needs?: string[]
    }
  | { action: 'ignore'; file: string; line: number; column: number; text: string; phrase: string; rule: string }
  | { action: 'stub'; file: string; line: number; column: number; text: string; metric: string; label: string }
  | { action: 'skip'; file: string; line: number; column: number; text: string; reason: string }

/** A file whose text changes: as it was and as it will be written. */
export interface ChangedFile {
  path: string
  before: string
  after: string
}

/** A file left as it was, and why: its first errors, or what keeps factmark from editing it. */
export interface RefusedFile {
  path: string
  reason: string
  errors: Diagnostic[]
}

export interface WritePlan {
  changed: ChangedFile[]
  refused: RefusedFile[]
  edits: WriteEdit[]
  /** What could not be done for the whole run (a registry that cannot take stubs), in words for the user. */
  notes: string[]
}

export interface WriteOptions {
  /** The diagnostics of compiling the sources: a report with errors is left as it is. */
  diagnostics: readonly Diagnostic[]
  /** Draft a registry metric for each figure whose metric is not guessed. */
  stubs: boolean
  /** What the annotations of the collection write, which name places a figure may be of (see SuggestContext). */
  annotated?: AnnotatedValues
}

/**
 * Errors that suggest --write itself leaves for an editor: a file is not
 * refused for them, or a second run would refuse every file the first one
 * wrote. metric=? is a metric left to the editor; a metric given only per
 * member (`required: true`), written where the words name no member the
 * collection knows, leaves the member to the editor.
 */
const OWN_ERRORS = new Set(['metric-undecided', 'dimension-missing'])
/** How many of a refused file's errors are named. */
const ERRORS_SHOWN = 3
const BOM = '\uFEFF'
const IGNORE_COMMENT = 'Proposed by factmark suggest --write: dates and ordinals that belong to names'
const UNDECIDED = '?'

/** How many errors a file has, and which of them are listed when they are more than are shown. */
function hasErrors(count: number): string {
  const shown = count > ERRORS_SHOWN ? `; the first ${ERRORS_SHOWN} (\`factmark check\` lists them all)` : ''
  return `it has ${counted(count, 'error')}${shown}`
}

/**
 * What `suggest --write` changes in the reports (and, with stubs, the
 * registry), computed without touching any file. Each report only gains
 * annotation markup around figures and `ignore:` phrases in its front
 * matter; every other byte stays. A report with errors, or one that is not
 * UTF-8, is refused whole.
 */
export function planWrite(input: CompileInput, options: WriteOptions): WritePlan {
  const registryText = decoded(input.registry)
  const registryErrors = errorsOf(input.registry.path, options.diagnostics)
  if (registryErrors.length > 0 || registryText === undefined) {
    const reason = registryText === undefined ? 'it is not UTF-8' : hasErrors(registryErrors.length)
    return {
      changed: [],
      refused: input.reports.map((report) => ({
        path: report.path,
        reason: `the registry ${input.registry.path} cannot be used: ${reason}`,
        errors: registryErrors.slice(0, ERRORS_SHOWN)
      })),
      edits: [],
      notes: []
    }
  }
  const first = planReports(input, registryText, options, options.stubs)
  if (first.stubs.length === 0) return first.plan
  const registry = appendStubs(input.registry.path, registryText, first.stubs)
  if (registry.ok) return { ...first.plan, changed: [...first.plan.changed, registry.file] }
  // Without the drafts, the figures keep metric=? and the registry stays as it is.
  const second = planReports(input, registryText, options, false)
  return {
    ...second.plan,
    notes: [...second.plan.notes, `${input.registry.path} was not changed: ${registry.reason}; figures keep metric=?`]
  }
}

interface PlannedStub extends MetricStub {
  file: string
  line: number
  column: number
}

/** Where an edit is, as an editor finds it. */
type Place = Pick<WriteEdit, 'file' | 'line' | 'column' | 'text'>

/** A draft made for a figure of a report, with the words it is labelled with. */
interface Stubbed {
  stub: PlannedStub
  place: Place
  label: string
}

/** The drafts made for a report's figures, and what they tell: kept for the reports that are written. */
interface ReportDrafts {
  stubbed: Stubbed[]
  /** The figures told that the registry has their metric already. */
  edits: WriteEdit[]
  /** The drafts that annotations already written with metric=? now name. */
  named: Set<string>
  /** Where each `?` was made a longer id, which moves what follows it on its line. */
  grown: Grown[]
}

/** A `?` made an id: where the id ends in the text as edited, and by how many characters it grew. */
interface Grown {
  id: string
  line: number
  column: number
  by: number
}

/** The place of an edit found in the text with the ids in, in the text as it was. */
function atColumnBefore<T extends Pick<WriteEdit, 'line' | 'column'>>(place: T, grown: readonly Grown[]): T {
  let column = place.column
  for (const { line, column: end, by } of grown) if (line === place.line && end <= place.column) column -= by
  return column === place.column ? place : { ...place, column }
}

interface Drafter {
  /** The drafts of a report so far. */
  draftsOf: (file: string) => ReportDrafts
  /** The metric a figure's draft names: a new draft's id, or that of a metric with its label and kind. */
  draftAt: (file: string, place: Place, figure: Figure, label: string, aspect?: ProposedAspect) => string | undefined
  /** Whether a metric of the registry, or a draft made so far, can take a figure. */
  fits: (id: string, figure: Figure, isChange: boolean) => boolean
}

/** Drafts (--stubs) made as the reports are planned, each report's kept apart until it is written. */
function drafter(metrics: Map<string, Metric>): Drafter {
  const drafts = new Map<string, ReportDrafts>()
  const draftsOf = (file: string): ReportDrafts => {
    let own = drafts.get(file)
    if (own === undefined) drafts.set(file, (own = { stubbed: [], edits: [], named: new Set(), grown: [] }))
    return own
  }
  const draftAt = (
    file: string,
    place: Place,
    figure: Figure,
    label: string,
    aspect?: ProposedAspect
  ): string | undefined => {
    const own = draftsOf(file)
    const stub = draftStub(figure, label, new Set(metrics.keys()), aspect)
    if (!stub) return undefined
    const existing = sameMetric(stub, metrics)
    if (existing !== undefined) {
      if (!metrics.get(existing)?.draft)
        own.edits.push({
          ...place,
          action: 'skip',
          reason: `no draft: the registry has ${existing} with the label ${label}; the figure names it`
        })
      return existing
    }
    metrics.set(stub.id, stub.metric)
    own.stubbed.push({ stub: { ...stub, ...place }, place, label })
    return stub.id
  }
  const fits = (id: string, figure: Figure, isChange: boolean): boolean => {
    const metric = metrics.get(id)
    return metric !== undefined && takes(metric, figure, isChange)
  }
  return { draftsOf, draftAt, fits }
}

/**
 * The text of each report to propose for, without its byte order mark; with stubs, the figures an
 * earlier run left with metric=? given their drafts first (see nameUndecided).
 */
function bodiesOf(
  input: CompileInput,
  options: WriteOptions,
  stubs: boolean,
  { draftsOf, draftAt, fits }: Drafter
): Array<{ path: string; text: string; written: string }> {
  return input.reports.flatMap((report) => {
    const text = decoded(report)
    if (text === undefined) return []
    const body = text.slice(text.startsWith(BOM) ? BOM.length : 0)
    if (!stubs || errorsOf(report.path, options.diagnostics).length > 0)
      return [{ path: report.path, text: body, written: body }]
    const own = draftsOf(report.path)
    const named = nameUndecided(
      body,
      (item, label) => {
        const place = { file: report.path, line: item.line, column: item.column, text: item.text }
        // Said, or an editor who asked for drafts hears nothing of the figure that still has none.
        if (label === undefined) {
          own.edits.push({
            ...place,
            action: 'skip',
            reason: 'no draft: no words of its clause name what it measures; write its metric= by hand'
          })
          return undefined
        }
        // A draft declares no dimension: the figure would be of a metric that cannot take its site=.
        if (item.dimensions.length === 0) return draftAt(report.path, place, item.figure, label)
        const named = item.dimensions.map((name) => `${name}=`).join(' ')
        own.edits.push({
          ...place,
          action: 'skip',
          reason: `no draft: it names ${named}, which a draft does not declare; choose a metric that does (check names them)`
        })
        return undefined
      },
      fits
    )
    for (const { id } of named.ids) own.named.add(id)
    own.grown.push(...named.ids)
    return [{ path: report.path, text: named.text, written: body }]
  })
}

function planReports(
  input: CompileInput,
  registryText: string,
  options: WriteOptions,
  stubs: boolean
): { plan: WritePlan; stubs: PlannedStub[] } {
  const plan: WritePlan = { changed: [], refused: [], edits: [], notes: [] }
  const { registry } = loadRegistry(input.registry.path, registryText)
  const metrics = new Map<string, Metric>(registry?.metrics ?? [])
  const drafted: PlannedStub[] = []
  const drafts = drafter(metrics)
  const { draftsOf, draftAt } = drafts
  // Proposed for every report at once, so that the collection's annotations are read once.
  const bodies = bodiesOf(input, options, stubs, drafts)
  const registrySource = { path: input.registry.path, text: registryText }
  const suggested = suggest(
    { reports: bodies, registry: registrySource },
    { annotated: options.annotated ?? annotatedIn(bodies) }
  )
  const suggestedFor = new Map(bodies.map((entry, index) => [entry.path, { ...entry, found: suggested[index] }]))
  for (const report of input.reports) {
    const text = decoded(report)
    const entry = suggestedFor.get(report.path)
    const own = draftsOf(report.path)
    const refused =
      text === undefined || entry === undefined ? notUtf8(report.path) : refusal(report.path, entry, options)
    if (text === undefined || entry === undefined || refused !== undefined) {
      if (typeof refused === 'object') plan.refused.push(refused)
      // A report with nothing to write may still say why a figure of it got no draft.
      else if (refused === 'unchanged') plan.edits.push(...own.edits)
      for (const { stub } of own.stubbed) metrics.delete(stub.id)
      continue
    }
    const bom = text.startsWith(BOM) ? BOM : ''
    const { text: body, written, found } = entry
    const draft = (item: UntaggedFigure, label: string): string | undefined =>
      stubs
        ? draftAt(report.path, atColumnBefore(placeOf(report.path, item), own.grown), item.figure, label, item.aspect)
        : undefined
    const first = plan.edits.length
    const { text: after, metrics: named } = writeReport(
      report.path,
      body,
      found?.untagged ?? [],
      { draft, fits: drafts.fits },
      plan
    )
    for (const edit of plan.edits.slice(first)) edit.column = atColumnBefore(edit, own.grown).column
    // A draft's comment says where the figure stands in the file as written, lines added to its front matter and all.
    drafted.push(
      ...keptDrafts(own, named, metrics, plan.edits).map((stub) => ({ ...stub, ...writtenAt(after, stub.id) }))
    )
    inTextOrder(plan.edits, first)
    if (after !== written) plan.changed.push({ path: report.path, before: text, after: bom + after })
  }
  return { plan, stubs: drafted }
}

function notUtf8(path: string): RefusedFile {
  return { path, reason: 'it is not UTF-8 text, which factmark writes back byte for byte', errors: [] }
}

/** Why a report is not written: refused, or left as it is with nothing to write; undefined when it is written. */
function refusal(
  path: string,
  { text, written, found }: { text: string; written: string; found: Suggestions | undefined },
  options: WriteOptions
): RefusedFile | 'unchanged' | undefined {
  if (found?.refused) return { path, reason: found.refused.message, errors: [] }
  const errors = errorsOf(path, options.diagnostics)
  // A report with errors is refused even with nothing to write, so that its editor hears of them;
  // metric=? (OWN_ERRORS) is no reason, or every report written once would be refused after.
  if (errors.length > 0) return { path, reason: hasErrors(errors.length), errors: errors.slice(0, ERRORS_SHOWN) }
  return found?.untagged.length === 0 && text === written ? 'unchanged' : undefined
}

/**
 * The edits of a report, from `first` on, in the order of the text, whatever made them; at one
 * place, a draft metric before the annotation that names it.
 */
function inTextOrder(edits: WriteEdit[], first: number): void {
  const drafting = (edit: WriteEdit) => (edit.action === 'stub' ? 0 : 1)
  edits.splice(
    first,
    Infinity,
    ...edits.slice(first).sort((a, b) => a.line - b.line || a.column - b.column || drafting(a) - drafting(b))
  )
}

/**
 * The drafts of a report that are kept, their edits added to `edits`. A draft is kept only when a
 * figure written names it: a figure whose annotation would not read back is left as it was, and a
 * draft for it alone would be written again by each run.
 */
function keptDrafts(
  own: ReportDrafts,
  named: ReadonlySet<string>,
  metrics: Map<string, Metric>,
  edits: WriteEdit[]
): PlannedStub[] {
  edits.push(...own.edits)
  const kept: PlannedStub[] = []
  for (const { stub, place, label } of own.stubbed) {
    if (!named.has(stub.id) && !own.named.has(stub.id)) {
      metrics.delete(stub.id)
      continue
    }
    kept.push(stub)
    edits.push({ ...place, action: 'stub', metric: stub.id, label })
  }
  return kept
}

/**
 * Where the annotation that names a draft first opens in a text (`:fact[`), as line and column; for a
 * figure of several annotations, the one that names it, which may hold others.
 */
function writtenAt(text: string, id: string): Pick<PlannedStub, 'line' | 'column'> | undefined {
  const attribute = new RegExp(`[{\\s]metric=${id.replace(/[.]/g, '\\.')}[\\s}]`).exec(text)
  if (!attribute) return undefined
  let depth = 0
  for (let at = text.lastIndexOf('{', attribute.index + 1) - 1; at >= 0; at--) {
    if (text[at] === ']') depth++
    else if (text[at] === '[' && --depth === 0) {
      const start = text.startsWith(':fact', at - 5) ? at - 5 : at
      const lineStart = text.lastIndexOf('\n', start - 1) + 1
      return { line: text.slice(0, start).split('\n').length, column: start - lineStart + 1 }
    }
  }
  return undefined
}

/**
 * The report with the `?` of each annotation written with metric=? (by an earlier `--write`) made
 * the id of the draft its figure gets (--stubs), when the words before it name it. Read back, every
 * annotation must still be one, each draft named in its place; if not, the text is left as it was.
 */
function nameUndecided(
  body: string,
  draft: (item: UndecidedAnnotation, label: string | undefined) => string | undefined,
  fits: Drafter['fits']
): { text: string; ids: Grown[] } {
  // Most reports have no `?` at all, and need not be parsed a second time for it.
  if (!body.includes(UNDECIDED)) return { text: body, ids: [] }
  const tree = treeOf(body)
  const named = new Map<number, { at: number; id: string }>()
  for (const item of undecidedAnnotations(body, tree)) {
    // A change takes the metric of the figure it restates, or the draft that figure gets; when that
    // gets none, neither does the change, whose words name a change and not what it measures (和).
    // A metric that cannot take the figure (36个 after 提升2.1个百分点) is not the one it restates,
    // as the first run found: the figure is then named by its own words.
    const { restates } = item
    const restated = restates && (restates.metric === UNDECIDED ? named.get(restates.start)?.id : restates.metric)
    const id =
      restates === undefined || (restated && !fits(restated, item.figure, item.isChange))
        ? draft(item, item.label)
        : restated || undefined
    if (id !== undefined) named.set(item.start, { at: item.at, id })
  }
  if (named.size === 0) return { text: body, ids: [] }
  let text = ''
  let from = 0
  const ends: Array<{ id: string; end: number }> = []
  for (const { at, id } of [...named.values()].sort((a, b) => a.at - b.at)) {
    text += body.slice(from, at) + id
    ends.push({ id, end: text.length })
    from = at + UNDECIDED.length
  }
  text += body.slice(from)
  const expected = [...annotationsIn(tree)].map(
    ([start, { attributes }]) => named.get(start)?.id ?? attributes['metric']
  )
  const read = [...annotationsIn(treeOf(text)).values()].map(({ attributes }) => attributes['metric'])
  if (read.join('\n') !== expected.join('\n')) return { text: body, ids: [] }
  const toPoint = pointsOf(text)
  return { text, ids: ends.map(({ id, end }) => ({ id, ...toPoint(end), by: id.length - UNDECIDED.length })) }
}

/**
 * Draft metrics (--stubs) for a figure's annotations whose metric is undecided: of one figure of
 * one metric, from the words before it, or the level it restates; of one said of several things by
 * 均, one for each thing named, labelled with its name. `drafts` keeps the drafts made by the
 * offset of their figure.
 */
function draftLevels(
  item: UntaggedFigure,
  levels: Planned['levels'],
  context: {
    body: string
    start: number
    end: number
    draft: (item: UntaggedFigure, label: string) => string | undefined
    drafts: Map<number, string>
    fits: Drafter['fits']
  }
): void {
  const { body, start, end, draft, drafts, fits } = context
  if (levels.length > 1) {
    for (const [position, level] of levels.entries()) {
      const words = item.levelWords?.[position]
      const stub = words && level['metric'] === UNDECIDED ? draft(item, words) : undefined
      if (stub !== undefined) level['metric'] = stub
    }
    return
  }
  const [attributes] = levels
  if (attributes['metric'] !== UNDECIDED) return
  const restated = item.sameMetricAs && drafts.get(item.sameMetricAs.offset ?? -1)
  const taken = restated && fits(restated, item.figure, isChangeAspect(item.aspect)) ? restated : undefined
  const label = item.labelWords ?? stubLabelAt(body, start, end, item.figure)
  const stub = taken ?? (label === undefined ? undefined : draft(item, label))
  if (stub === undefined) return
  attributes['metric'] = stub
  drafts.set(start, stub)
}

interface Planned {
  item: UntaggedFigure
  start: number
  end: number
  annotation: string
  /** Of each annotation around the figure, outermost first: one for a figure of one metric. */
  levels: [Attributes, ...Attributes[]]
}

/** The report's text with the annotations and ignore phrases it gets; their edits go onto the plan. */
function writeReport(
  path: string,
  body: string,
  untagged: readonly UntaggedFigure[],
  drafting: { draft: (item: UntaggedFigure, label: string) => string | undefined; fits: Drafter['fits'] },
  plan: WritePlan
): { text: string; metrics: Set<string> } {
  const annotations: Planned[] = []
  const phrases: Array<{ item: UntaggedFigure; phrase: string; rule: string }> = []
  // The drafts made, by the offset of their figure: a change that restates the figure takes its draft.
  const drafts = new Map<number, string>()
  const skip = (item: UntaggedFigure, reason: string) =>
    plan.edits.push({ ...placeOf(path, item), action: 'skip', reason })
  for (const item of untagged) {
    const start = item.start.offset ?? 0
    const end = item.end.offset ?? 0
    // An escape or an entity inside the figure: the label would not be the bytes of the source.
    if (body.slice(start, end) !== item.text) {
      skip(item, 'the figure is written with Markdown escapes or entities; annotate it by hand')
      continue
    }
    if (item.ignore) {
      phrases.push({ item, ...item.ignore })
      continue
    }
    const [outermost = { metric: item.metric ?? UNDECIDED }, ...inner] = attributesOfEach(item.proposal)
    const levels: Planned['levels'] = [outermost, ...inner]
    draftLevels(item, levels, { body, start, end, drafts, ...drafting })
    const annotation = nestedAnnotationText(item.text, levels)
    if (annotation === undefined) skip(item, 'the directive serializer would change the label; annotate it by hand')
    else annotations.push({ item, start, end, annotation, levels })
  }
  const written = insertAnnotations(body, annotations)
  for (const planned of written.accepted)
    plan.edits.push({
      ...placeOf(path, planned.item),
      action: 'annotate',
      annotation: planned.annotation,
      ...(planned.item.needs && { needs: planned.item.needs })
    })
  for (const planned of written.rejected)
    skip(
      planned.item,
      'the annotation would not read back as written here (Markdown around it changes its meaning); annotate it by hand'
    )
  const metrics = new Set(written.accepted.flatMap(({ levels }) => levels.flatMap((level) => level['metric'] ?? [])))
  return { text: addIgnores(path, written.text, phrases, plan), metrics }
}

/**
 * Splice the annotations in and read the result back with factmark's
 * parser: each must come back as an annotation of its figure with its
 * attributes, every annotation already there must stay one, and the text
 * around them must read as it did. Those that do not (a colon before the
 * figure, markup around it) are left out. An annotation right inside
 * emphasis can undo it: in 为**98.1%**, `**` before `:fact[` no longer opens
 * bold text, and the page would show the asterisks.
 */
function insertAnnotations(
  body: string,
  planned: readonly Planned[]
): { text: string; accepted: Planned[]; rejected: Planned[] } {
  const original = treeOf(body)
  const existing = annotationsIn(original).size
  const reading = readingOf(original)
  let accepted = [...planned]
  const rejected: Planned[] = []
  const spliceIn = (entries: readonly Planned[]) =>
    splice(
      body,
      entries.flatMap(({ start, end, annotation, item }): Insertion[] => {
        const open = annotation.slice(0, annotation.indexOf(`[${item.text}]`) + 1)
        return [
          { at: start, text: open },
          { at: end, text: annotation.slice(open.length + item.text.length) }
        ]
      })
    )
  for (let round = 0; round < 3; round += 1) {
    const spliced = spliceIn(accepted)
    // Read back once: its annotations, and how the text around them reads.
    const tree = treeOf(spliced.text)
    const found = annotationsIn(tree)
    const failed = accepted.filter((entry, index) => {
      const at = spliced.starts[index * 2] ?? -1
      const node = found.get(at)
      return (
        !node ||
        node.text !== entry.item.text ||
        node.end !== at + entry.annotation.length ||
        !sameAttributes(node.attributes, entry.levels[0])
      )
    })
    const readsAsBefore = failed.length === 0 && readingOf(tree) === reading
    const added = accepted.reduce((sum, entry) => sum + entry.levels.length, 0)
    if (readsAsBefore && found.size === existing + added) return { text: spliced.text, accepted, rejected }
    if (failed.length === 0 && !readsAsBefore) {
      const taken = takenAsRead(accepted, (entries) => readingOf(treeOf(spliceIn(entries).text)) === reading)
      rejected.push(...accepted.filter((entry) => !taken.includes(entry)))
      accepted = taken
      continue
    }
    // An insertion that broke an annotation already there cannot be told apart: then none is made.
    const dropped = failed.length > 0 ? failed : accepted
    rejected.push(...dropped)
    accepted = accepted.filter((entry) => !dropped.includes(entry))
  }
  return { text: body, accepted: [], rejected: [...planned] }
}

/**
 * The annotations that leave the text reading as it did, together. Whether one does depends on the
 * others: the braces that close one before `**`, or the colon that opens one after it, decide
 * whether the asterisks open or close bold text. So each is taken, in the order of the text, when
 * it reads as before with those taken so far, and those left are tried again until no more can be
 * taken: a second run finds none to add.
 */
function takenAsRead<T extends { start: number }>(
  entries: readonly T[],
  readsAsBefore: (entries: T[]) => boolean
): T[] {
  let taken: T[] = []
  let left = [...entries].sort((a, b) => a.start - b.start)
  for (;;) {
    const still: T[] = []
    for (const entry of left) {
      const trial = [...taken, entry].sort((a, b) => a.start - b.start)
      if (readsAsBefore(trial)) taken = trial
      else still.push(entry)
    }
    if (still.length === left.length || still.length === 0) return taken
    left = still
  }
}

/**
 * How a report's tree reads, annotations aside: its blocks and inline markup as nested node types
 * and the text in them, each fact annotation standing for its label alone.
 */
function readingOf(tree: Nodes): string {
  const parts: string[] = []
  const walk = (node: Nodes): void => {
    if (node.type === 'text') {
      parts.push(node.value)
      return
    }
    const fact = node.type === 'textDirective' && node.name === 'fact'
    if (!fact) parts.push(`\u0000${node.type}(`)
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child)
    else if ('value' in node) parts.push(`\u0000${node.value}`)
    if (!fact) parts.push('\u0000)')
  }
  walk(tree)
  return parts.join('')
}

/** A report's text as factmark's parser reads it. */
function treeOf(text: string): Nodes {
  return parseMarkdown(loadReport('report.md', text).markdown)
}

/** The annotations of a report's tree by start offset: their label, end and attributes. */
function annotationsIn(tree: Nodes): Map<number, { text: string; end: number; attributes: Attributes }> {
  const found = new Map<number, { text: string; end: number; attributes: Attributes }>()
  eachOfType(tree, 'textDirective', (node) => {
    if (node.name !== 'fact') return
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    const attributes = Object.fromEntries(
      Object.entries(node.attributes ?? {}).map(([key, value]) => [key, value ?? ''])
    )
    found.set(start, { text: toString(node), end, attributes })
  })
  return found
}

function sameAttributes(a: Attributes, b: Attributes): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key])
}

/** The body with the phrases added to its front matter's `ignore:` list, if the front matter can take them. */
function addIgnores(
  path: string,
  body: string,
  phrases: ReadonlyArray<{ item: UntaggedFigure; phrase: string; rule: string }>,
  plan: WritePlan
): string {
  const unique = [...new Set(phrases.map((entry) => entry.phrase))]
  if (unique.length === 0) return body
  const bounds = /^---[ \t]*\r?\n/.exec(body)
  const close = bounds && /^(?:---|\.\.\.)[ \t]*\r?$/m.exec(body.slice(bounds[0].length))
  const refuse = (reason: string) => {
    for (const { item } of phrases)
      plan.edits.push({ ...placeOf(path, item), action: 'skip', reason: `not added to ignore: ${reason}` })
    return body
  }
  if (!bounds || !close) return refuse('the report has no front matter')
  const from = bounds[0].length
  const to = from + close.index
  const before = loadReport(path, body).frontMatter?.ignore ?? []
  const edited = appendToList(body.slice(from, to), 'ignore', unique, IGNORE_COMMENT)
  if (!edited.ok) return refuse(`the front matter cannot be edited: ${edited.error}`)
  const after = body.slice(0, from) + edited.value + body.slice(to)
  const read = loadReport(path, after).frontMatter?.ignore ?? []
  if (read.join('\n') !== [...before, ...unique].join('\n'))
    return refuse('the edited front matter would not read back as written')
  for (const { item, phrase, rule } of phrases)
    plan.edits.push({ ...placeOf(path, item), action: 'ignore', phrase, rule })
  return after
}

/** The registry with the drafts appended, checked to read back with each of them. */
function appendStubs(
  path: string,
  text: string,
  stubs: readonly PlannedStub[]
): { ok: true; file: ChangedFile } | { ok: false; reason: string } {
  const bom = text.startsWith(BOM) ? BOM : ''
  const entries = stubs.map((stub) => ({
    id: stub.id,
    value: stub.metric,
    comment: `Drafted by factmark suggest --stubs from ${stub.file}:${stub.line}:${stub.column}${stub.betterFrom === undefined ? '' : `; better guessed from ${stub.betterFrom}: confirm it`}`
  }))
  const edited = appendToMap(text.slice(bom.length), 'metrics', entries)
  if (!edited.ok) return { ok: false, reason: edited.error }
  const after = bom + edited.value
  const { registry } = loadRegistry(path, after)
  if (!registry || stubs.some((stub) => !registry.metrics.has(stub.id)))
    return { ok: false, reason: 'the drafts would not read back as valid metrics' }
  return { ok: true, file: { path, before: text, after } }
}

function errorsOf(path: string, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.file === path && d.severity === 'error' && !OWN_ERRORS.has(d.ruleId))
}

/** The text of a source as it stands in the file, byte order mark kept; undefined when it is not UTF-8. */
function decoded(source: SourceText): string | undefined {
  if (typeof source.text === 'string') return source.text
  if (source.unreadSize !== undefined) return undefined
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(source.text)
  } catch {
    return undefined
  }
}

function placeOf(file: string, item: UntaggedFigure): { file: string; line: number; column: number; text: string } {
  return { file, line: item.start.line, column: item.start.column, text: item.text }
}

function counted(count: number, word: string): string {
  return `${count} ${plural(count, word)}`
}
