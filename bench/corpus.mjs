// Writes a corpus for the scale bench: N copies of the annotated seed, each
// with its own slug and title, beside the registry the seed was annotated
// against. The seed comes from test/fixtures/seed/ so that the figures do not
// move when source/ changes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const seedFolder = new URL('../test/fixtures/seed/', import.meta.url)
const read = (file) => readFileSync(new URL(file, seedFolder), 'utf8')

/**
 * Make `dir` a source folder of `count` reports (report-00001.md, ...) and
 * metrics.yaml. Returns the slugs, in file order.
 */
export function writeCorpus(dir, count) {
  if (!Number.isInteger(count) || count < 1) throw new Error(`the corpus needs a whole number of reports, not ${count}`)
  const seed = read('xiamen-2025.md')
  const width = Math.max(5, String(count).length)
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, 'metrics.yaml'), read('metrics.yaml'))
  const slugs = []
  for (let i = 1; i <= count; i++) {
    const number = String(i).padStart(width, '0')
    const slug = `xiamen-2025-${number}`
    // Only the front matter's lines: the first `slug:` and `title:` at the start of a line.
    const text = seed
      .replace(/^slug: .*$/m, `slug: ${slug}`)
      .replace(/^title: (.*)$/m, (_line, title) => `title: ${title}（副本${number}）`)
    writeFileSync(path.join(dir, `report-${number}.md`), text)
    slugs.push(slug)
  }
  return slugs
}
