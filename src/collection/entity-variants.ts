import type { Position } from 'unist'
import type { VFile } from 'vfile'
import { report } from '../diagnostics/report.js'
import type { CollectionFact, RelatedPlace } from '../model/compiled.js'
import { groupBy, place as placeOf } from '../validate/fact-groups.js'

/** An entity as a report writes it, in its front matter or in a fact's entity=, and where. */
interface EntityUse {
  path: string
  entity: string
  place: Position
}

/** What a report writes of whom it is about: its front matter's entity, where, and its facts. */
interface WrittenEntities {
  path: string
  entity: string
  place: Position
  /** Those whose entity= is another than the front matter's are uses of their own. */
  facts: ReadonlyArray<Pick<CollectionFact, 'entity' | 'source'>>
}

/** The entities of the reports of a collection, told in order, and the reports told of a variant. */
export interface EntityVariants {
  add: (written: WrittenEntities) => void
  told: () => EntityVariant[]
  /** Tell each report its variants as an `entity-variant` warning in its file. */
  tell: (fileOf: (path: string) => VFile) => void
}

/** A report that writes a place otherwise than the others do, at the first place it does. */
interface EntityVariant {
  use: EntityUse
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

/** How an entity is compared: full-width letters and digits as ASCII, no spaces, one case. */
function spelling(entity: string): string {
  return entity.normalize('NFKC').replace(/\s+/gu, '').toLowerCase()
}

/** The name without its place ending, kept at two characters at least (`沙县` stays whole). */
function bareName(spelt: string): string {
  const ending = placeEndings.find((end) => spelt.endsWith(end) && [...spelt].length - [...end].length >= 2)
  return ending === undefined ? spelt : spelt.slice(0, -ending.length)
}

/** One way of writing an entity: the first place each report writes it so. */
interface Form {
  entity: string
  spelt: string
  byReport: Map<string, EntityUse>
}

/**
 * Told every entity the reports of a collection write, the reports that write one place in two
 * ways: a series has a line for each entity, so `厦门` beside `厦门市` splits the city's series in
 * two, and no check across reports compares the figures of one line with those of the other.
 * Two ways are the same spelling but for width, spaces or case (`厦门市`, `厦门 市`), or a name
 * without an ending beside the one name with it (`厦门`, `厦门市`). The way fewer reports use is
 * told, at its first place in each; of as many, the one without an ending, else the later.
 */
export function entityVariants(): EntityVariants {
  const forms = new Map<string, Form>()
  const add = (written: WrittenEntities) => {
    for (const use of entityUses(written)) {
      let form = forms.get(use.entity)
      if (!form)
        forms.set(use.entity, (form = { entity: use.entity, spelt: spelling(use.entity), byReport: new Map() }))
      if (!form.byReport.has(use.path)) form.byReport.set(use.path, use)
    }
  }
  const told = () => {
    const variants: EntityVariant[] = []
    const tell = (form: Form, names: readonly Form[]) => {
      for (const use of form.byReport.values()) variants.push({ use, ...toldOf(form, names) })
    }
    const bySpelling = groupBy([...forms.values()], (form) => form.spelt)
    // One form for each spelling, the one most reports use; the others are told it.
    const spelt: Form[] = []
    for (const same of bySpelling.values()) {
      const [name, ...others] = byUse(same)
      spelt.push(name as Form)
      for (const other of others) tell(other, [name as Form])
    }
    for (const [bare, alike] of groupBy(spelt, (form) => bareName(form.spelt))) {
      const shortened = alike.find((form) => form.spelt === bare)
      const full = alike.filter((form) => form !== shortened)
      if (!shortened || full.length === 0) continue
      const [only] = full
      // With two full names to choose from, only the shortened one can be told which it may be.
      if (full.length === 1 && only && only.byReport.size < shortened.byReport.size) tell(only, [shortened])
      else tell(shortened, byUse(full))
    }
    return variants
  }
  const tell = (fileOf: (path: string) => VFile) => {
    for (const { use, message, related } of told())
      report(fileOf(use.path), 'entity-variant', message, use.place, related)
  }
  return { add, told, tell }
}

/** The forms in order of the reports that use each, most first; of as many, the first added. */
function byUse(forms: readonly Form[]): Form[] {
  return [...forms].sort((a, b) => b.byReport.size - a.byReport.size)
}

function reports(count: number): string {
  return count === 1 ? '1 report' : `${count} reports`
}

/** What a form is told of the names it stands beside, and where the first of them is written. */
function toldOf(form: Form, names: readonly Form[]): Omit<EntityVariant, 'use'> {
  const others = names.map((name) => `"${name.entity}" (${reports(name.byReport.size)})`).join(' or ')
  const write =
    names.length === 1
      ? `if it is the same place, write "${names[0]?.entity}"`
      : 'if it is one of them, write its full name'
  const message =
    `The entity "${form.entity}" is written ${others} elsewhere: its facts make lines of their own in the series, ` +
    `and no check across reports compares them with those of ${names.map((name) => `"${name.entity}"`).join(' or ')}; ${write}`
  const related = names.map((name) => {
    const { path, place } = name.byReport.values().next().value as EntityUse
    return {
      file: path,
      line: place.start.line,
      column: place.start.column,
      endLine: place.end.line,
      endColumn: place.end.column,
      message: `"${name.entity}" here`
    }
  })
  return { message, related }
}

/** The entities a report writes: that of its front matter, and each other at the first fact that gives it. */
function entityUses({ path, entity, place, facts }: WrittenEntities): EntityUse[] {
  const uses = [{ path, entity, place }]
  const seen = new Set([entity])
  for (const fact of facts) {
    if (seen.has(fact.entity)) continue
    seen.add(fact.entity)
    uses.push({ path, entity: fact.entity, place: placeOf(fact) })
  }
  return uses
}
