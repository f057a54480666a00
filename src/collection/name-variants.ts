import type { Position } from 'unist'
import type { VFile } from 'vfile'
import { report } from '../diagnostics/report.js'
import type { CollectionFact, RelatedPlace } from '../model/compiled.js'
import { groupBy } from '../validate/fact-groups.js'

/**
 * What a written name names: whom the figures are about, or a member of a dimension of a metric
 * (site=南门桥断面). A series has a line for each entity and each member.
 */
type Scope = { kind: 'entity' } | { kind: 'dimension'; metric: string; dimension: string }

/** A name as a report writes it, in its front matter, a fact's entity= or a dimension, and where. */
interface NameUse {
  path: string
  name: string
  place: Position
}

/** What a report writes of whom and what it is about: its front matter's entity, where, and its facts. */
interface WrittenNames {
  path: string
  entity: string
  place: Position
  /** Those whose entity= is another than the front matter's are uses of their own, as are their dimensions. */
  facts: readonly NamingFact[]
}

/** The names the reports of a collection write, told in order, and the reports told of a variant. */
export interface NameVariants {
  add: (written: WrittenNames) => void
  told: () => NameVariant[]
  /** Tell each report its variants as `entity-variant` and `dimension-variant` warnings in its file. */
  tell: (fileOf: (path: string) => VFile) => void
}

/** A report that writes a name otherwise than the others do, at the first place it does. */
interface NameVariant {
  rule: 'entity-variant' | 'dimension-variant'
  use: NameUse
  message: string
  related: RelatedPlace[]
}

/**
 * The endings of Chinese place names. `厦门` and `厦门市` are one city written two ways; `吉林省`
 * and `吉林市` are two places, so only a name without any ending is taken for a shortening.
 */
const placeEndings = [
  '特别行政区',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '地区',
  '新区',
  '街道',
  '省',
  '市',
  '区',
  '县',
  '州',
  '盟',
  '旗',
  '镇',
  '乡'
]

/** How a name is compared: full-width letters and digits as ASCII, no spaces, one case, one dash. */
function spelling(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/[\u2010-\u2015\u2212]/gu, '-')
    .toLowerCase()
}

/** The name without its place ending, kept at two characters at least (`沙县` stays whole). */
function bareName(spelt: string): string {
  const ending = placeEndings.find((end) => spelt.endsWith(end) && [...spelt].length - [...end].length >= 2)
  return ending === undefined ? spelt : spelt.slice(0, -ending.length)
}

/**
 * One way of writing a name in its scope: the first place each report writes it so, as the
 * report's path in `paths` and four numbers in `spans` (line, column, end line, end column).
 * Ten thousand reports write 380,000 names; kept as a use each, with its place, they held 73 MB
 * through the rules across reports, which need them only for the few forms that are told.
 */
interface Form {
  scope: Scope
  name: string
  spelt: string
  paths: string[]
  spans: number[]
}

/** How many reports write a form. */
function reportCount(form: Form): number {
  return form.paths.length
}

/** The use of a form by the `at`th report that writes it so. */
function useOf(form: Form, at: number): NameUse {
  const span = (part: number) => form.spans[at * 4 + part] as number
  const [line, column, endLine, endColumn] = [span(0), span(1), span(2), span(3)]
  return {
    path: form.paths[at] as string,
    name: form.name,
    place: { start: { line, column }, end: { line: endLine, column: endColumn } }
  }
}

/**
 * Told every name the reports of a collection write, the reports that write one thing in two
 * ways: a series has a line for each entity and each member of a dimension, so `厦门` beside
 * `厦门市` splits the city's series in two, and no check across reports compares the figures of
 * one line with those of the other. Two ways are the same spelling but for width, spaces, case
 * or dashes (`厦门市`, `厦门 市`; `坂头-石兜水库`, `坂头—石兜水库`), or, of entities, a name without
 * an ending beside the one name with it (`厦门`, `厦门市`). The way fewer reports use is told, at
 * its first place in each; of as many, the one without an ending, else the later.
 */
export function nameVariants(): NameVariants {
  const forms = new Map<string, Form>()
  const add = (written: WrittenNames) => {
    for (const { scope, use } of nameUses(written)) {
      const key = `${scopeKey(scope)}\u0000${use.name}`
      let form = forms.get(key)
      if (!form) forms.set(key, (form = { scope, name: use.name, spelt: spelling(use.name), paths: [], spans: [] }))
      // A report's names are added at once, each once (see nameUses): a report seen is the last.
      if (form.paths.at(-1) === use.path) continue
      const { start, end } = use.place
      form.paths.push(use.path)
      form.spans.push(start.line, start.column, end.line, end.column)
    }
  }
  const told = () => {
    const variants: NameVariant[] = []
    const tell = (form: Form, names: readonly Form[]) => {
      // One message for all the reports that write the form: thousands may.
      const told = toldOf(form, names)
      for (let at = 0; at < reportCount(form); at++) variants.push({ use: useOf(form, at), ...told })
    }
    for (const inScope of groupBy([...forms.values()], (form) => scopeKey(form.scope)).values()) {
      // One form for each spelling, the one most reports use; the others are told it.
      const spelt: Form[] = []
      for (const same of groupBy(inScope, (form) => form.spelt).values()) {
        const [name, ...others] = byUse(same)
        spelt.push(name as Form)
        for (const other of others) tell(other, [name as Form])
      }
      if (inScope[0]?.scope.kind === 'entity') tellShortened(spelt, tell)
    }
    return variants
  }
  const tell = (fileOf: (path: string) => VFile) => {
    for (const { rule, use, message, related } of told()) report(fileOf(use.path), rule, message, use.place, related)
  }
  return { add, told, tell }
}

function scopeKey(scope: Scope): string {
  return scope.kind === 'entity' ? 'entity' : `${scope.metric}\u0000${scope.dimension}`
}

/** Of entities spelt apart, each written without its place ending beside the one name with it. */
function tellShortened(spelt: readonly Form[], tell: (form: Form, names: readonly Form[]) => void): void {
  for (const [bare, alike] of groupBy(spelt, (form) => bareName(form.spelt))) {
    const shortened = alike.find((form) => form.spelt === bare)
    const full = alike.filter((form) => form !== shortened)
    if (!shortened || full.length === 0) continue
    const [only] = full
    // With two full names to choose from, only the shortened one can be told which it may be.
    if (full.length === 1 && only && reportCount(only) < reportCount(shortened)) tell(only, [shortened])
    else tell(shortened, byUse(full))
  }
}

/** The forms in order of the reports that use each, most first; of as many, the first added. */
function byUse(forms: readonly Form[]): Form[] {
  return [...forms].sort((a, b) => reportCount(b) - reportCount(a))
}

function reports(count: number): string {
  return count === 1 ? '1 report' : `${count} reports`
}

/** What a form is told of the names it stands beside, and where the first of them is written. */
function toldOf(form: Form, names: readonly Form[]): Omit<NameVariant, 'use'> {
  const others = names.map((name) => `"${name.name}" in ${reports(reportCount(name))}`).join(' and ')
  const quoted = names.map((name) => `"${name.name}"`).join(' or ')
  const { scope } = form
  const what = scope.kind === 'entity' ? 'entity' : `${scope.dimension} of ${scope.metric}`
  const same = scope.kind === 'entity' ? 'place' : scope.dimension
  const write =
    names.length === 1
      ? `if it is the same ${same}, write "${names[0]?.name}"`
      : 'if it is one of them, write its full name'
  const message =
    `The ${what} "${form.name}" is written ${others}: its facts make lines of their own in the series, ` +
    `and no check across reports compares them with those of ${quoted}; ${write}`
  const related = names.map((name) => {
    const { path, place } = useOf(name, 0)
    return {
      file: path,
      line: place.start.line,
      column: place.start.column,
      endLine: place.end.line,
      endColumn: place.end.column,
      message: `"${name.name}" here`
    }
  })
  return { rule: scope.kind === 'entity' ? 'entity-variant' : 'dimension-variant', message, related }
}

/**
 * The names a report writes: the entity of its front matter, each other entity at the first fact
 * that gives it, and each member of a dimension of a metric at the first fact that gives it.
 */
function nameUses({ path, entity, place, facts }: WrittenNames): Array<{ scope: Scope; use: NameUse }> {
  const uses: Array<{ scope: Scope; use: NameUse }> = [
    { scope: { kind: 'entity' }, use: { path, name: entity, place } }
  ]
  for (const { scope, name, fact } of firstWritten(entity, facts)) {
    const { line, column, endLine, endColumn } = fact.source
    uses.push({
      scope,
      use: { path, name, place: { start: { line, column }, end: { line: endLine, column: endColumn } } }
    })
  }
  return uses
}

/** Each name of an entity or of a member of a dimension that `facts` write, with the first fact that writes it, but `entity`. */
function* firstWritten<Fact extends NamingFact>(
  entity: string,
  facts: Iterable<Fact>
): Generator<{ scope: Scope; name: string; fact: Fact }> {
  const seen = new Set([`entity\u0000${entity}`])
  const first = (scope: Scope, name: string) => {
    const key = `${scopeKey(scope)}\u0000${name}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  }
  for (const fact of facts) {
    const scope: Scope = { kind: 'entity' }
    if (first(scope, fact.entity)) yield { scope, name: fact.entity, fact }
    for (const [dimension, member] of Object.entries(fact.dimensions)) {
      const inDimension: Scope = { kind: 'dimension', metric: fact.metric, dimension }
      if (first(inDimension, member)) yield { scope: inDimension, name: member, fact }
    }
  }
}

/** What the names check reads of a fact. */
export interface NamingFact extends Pick<CollectionFact, 'entity' | 'metric' | 'dimensions'> {
  source: Pick<CollectionFact['source'], 'line' | 'column' | 'endLine' | 'endColumn'>
}

/**
 * Of the facts of a report about `entity`, what the check of names across reports reads of those
 * that first write a name, in order: it tells the same of these as of all its facts (see nameUses).
 */
export function namingFacts(entity: string, facts: Iterable<NamingFact>): NamingFact[] {
  const naming: NamingFact[] = []
  let last: NamingFact | undefined
  for (const { fact } of firstWritten(entity, facts)) {
    if (last === fact) continue
    last = fact
    const { metric, dimensions, source } = fact
    const { line, column, endLine, endColumn } = source
    naming.push({ entity: fact.entity, metric, dimensions, source: { line, column, endLine, endColumn } })
  }
  return naming
}
