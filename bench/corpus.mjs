// Writes a corpus for the scale bench: N copies of the annotated seed, each
// with its own slug and title, beside the registry the seed was annotated
// against; or N reports of a bureau's collection over the years (the kind
// `collection`), copies of the fact sheets of 2023 and 2024, the targets of
// 2024 and the seed of 2025 in turn, whose pages draw the levels the others
// publish; or N copies of the seed each about a district of its own (the kind
// `districts`), as a province's collection has a report for each, whose
// series have a line for each district. The reports come from test/fixtures/
// so that the figures do not move when source/ changes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const fixtures = new URL('../test/fixtures/', import.meta.url)
const read = (file) => readFileSync(new URL(file, fixtures), 'utf8')

/**
 * The kinds of corpus, each with the reports it copies in turn and its registry, and which of its
 * figures a report may correct alone (see correctedFigure): the start of a period in copies that
 * restate each other, any figure of a district's own, none of the bureau's reports over the years,
 * each of whose figures another report publishes or starts from too.
 */
const kinds = {
  seed: { reports: ['seed/xiamen-2025.md'], registry: 'seed/metrics.yaml', corrects: 'start' },
  collection: {
    reports: [
      'collection/xiamen-2023-fact-sheet.md',
      'collection/xiamen-2024-fact-sheet.md',
      'collection/xiamen-2024-targets.md',
      'seed/xiamen-2025.md'
    ],
    registry: 'collection/metrics.yaml'
  },
  districts: { reports: ['seed/xiamen-2025.md'], registry: 'seed/metrics.yaml', ownEntity: true, corrects: 'any' }
}

/** The kinds of corpus writeCorpus makes. */
export const corpusKinds = Object.keys(kinds)

/**
 * Make `dir` a source folder of `count` reports (report-00001.md, ...) and
 * metrics.yaml: copies of the seed, or of the reports of the `kind` in turn.
 * Returns the slugs, in file order.
 */
export function writeCorpus(dir, count, kind = 'seed') {
  if (!Number.isInteger(count) || count < 1) throw new Error(`the corpus needs a whole number of reports, not ${count}`)
  const chosen = kinds[kind]
  if (!chosen) throw new Error(`no corpus of the kind ${kind}: choose ${corpusKinds.join(' or ')}`)
  const originals = chosen.reports.map(read)
  const width = Math.max(5, String(count).length)
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, 'metrics.yaml'), read(chosen.registry))
  const slugs = []
  for (let i = 1; i <= count; i++) {
    const number = String(i).padStart(width, '0')
    const original = originals[(i - 1) % originals.length]
    let slug = ''
    // Only the front matter's lines: the first `slug:`, `title:` and `entity:` at the start of a line.
    const copy = original
      .replace(/^slug: (.*)$/m, (_line, own) => `slug: ${(slug = `${own}-${number}`)}`)
      .replace(/^title: (.*)$/m, (_line, title) => `title: ${title}（副本${number}）`)
    const text = chosen.ownEntity
      ? copy.replace(/^entity: (.*)$/m, (_line, entity) => `entity: ${entity}第${number}区`)
      : copy
    writeFileSync(path.join(dir, `report-${number}.md`), text)
    slugs.push(slug)
  }
  return slugs
}

/**
 * `text` with `sentence` put at the start of the first paragraph of text at or after the middle of
 * its lines (not a heading, list item, table row, quotation or the front matter's fence): an edit
 * in the middle of a report, which moves every figure after it.
 */
export function insertedMidway(text, sentence) {
  const lines = text.split('\n')
  const at = lines.findIndex((line, index) => index >= lines.length / 2 && /^[^\s#>|\-*+0-9]/.test(line))
  if (at === -1) throw new Error('no paragraph in the second half of the report')
  lines[at] = `${sentence}${lines[at]}`
  return lines.join('\n')
}

/**
 * `text` with a published figure corrected, its last digit one lower (one higher when it is 0 or 1):
 * the first figure of the start of a period (由50%提升至…, `aspect=start`), which the rules across
 * reports do not hold against the same start another report gives; or, when `restated` is false
 * (a corpus whose reports each speak of an entity of their own), the first figure in the second
 * half of its lines whose last digit is 2 to 9. The series of its metric and the rules across
 * reports take in a new value. Undefined when the text has no such figure.
 */
export function figureChanged(text, restated = true) {
  const lines = text.split('\n')
  const middle = lines.slice(0, Math.ceil(lines.length / 2)).join('\n').length
  const label = restated
    ? /:fact\[([^\]]*?)(\d)([^\d\]]*)\]\{[^}]*\baspect=start\b/g
    : /:fact\[([^\]]*?)([2-9])([^\d\]]*)\]/g
  label.lastIndex = restated ? 0 : middle
  const found = label.exec(text)
  if (!found) return undefined
  const digit = Number(found[2])
  const head = `:fact[${found[1]}${digit >= 2 ? digit - 1 : digit + 1}${found[3]}]`
  const end = found.index + `:fact[${found[1]}${found[2]}${found[3]}]`.length
  return text.slice(0, found.index) + head + text.slice(end)
}

/**
 * `text`, a report of a corpus of `kind`, with a figure it may correct alone corrected (see
 * figureChanged); undefined when it has none, as no report of the bureau's over the years has.
 */
export function correctedFigure(text, kind = 'seed') {
  const corrects = kinds[kind]?.corrects
  return corrects === undefined ? undefined : figureChanged(text, corrects === 'start')
}
