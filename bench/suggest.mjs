#!/usr/bin/env node
// Prints how well factmark finds the figures nobody tagged, and names their
// metrics, on the seed: recall and precision against the hand-made list of
// every figure of the original text (test/fixtures/suggest/seed-figures.tsv),
// for findFigures line by line and for `suggest` on the whole text; then, with
// every annotation of the seed removed, how often suggest guesses the metric
// the editor chose. The tests pin the exact counts; this prints the rates, to
// compare a change of the name table or the aliases against. Run: npm run bench:suggest
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { compile, suggest } from '../lib/index.js'
import { findFigures } from '../lib/suggest/find-figures.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const seedFolder = 'test/fixtures/seed'
const read = (file) => readFileSync(path.join(root, file), 'utf8')
const listed = read('test/fixtures/suggest/seed-figures.tsv')
  .split('\n')
  .filter((row) => row !== '' && !row.startsWith('#'))

const percent = (part, whole) => `${whole === 0 ? '-' : ((100 * part) / whole).toFixed(1)}% (${part}/${whole})`
function score(name, found) {
  const recalled = listed.filter((row) => found.includes(row)).length
  const correct = found.filter((row) => listed.includes(row)).length
  console.log(
    `${name.padEnd(38)} recall ${percent(recalled, listed.length).padEnd(18)} precision ${percent(correct, found.length)}`
  )
  for (const row of listed.filter((item) => !found.includes(item)))
    console.log(`  missed  ${row.replaceAll('\t', ':')}`)
  for (const row of found.filter((item) => !listed.includes(item)))
    console.log(`  extra   ${row.replaceAll('\t', ':')}`)
}

// findFigures alone: each line of the original is a paragraph.
const lines = read(`${seedFolder}/xiamen-2025.txt`).split('\n')
score(
  'findFigures, line by line',
  lines.flatMap((line, index) => findFigures(line).map((figure) => `${index + 1}\t${figure.start + 1}\t${figure.text}`))
)

// suggest on the original as plain text, with the seed's registry for its guesses.
const [plain] = await suggest({ src: seedFolder, files: [`${seedFolder}/xiamen-2025.txt`], cwd: root })
score(
  'suggest on the original text',
  (plain?.untagged ?? []).map((item) => `${item.start.line}\t${item.start.column}\t${item.text}`)
)

// Metric guesses: every annotation of the seed removed, each guess scored against the editor's metric.
const annotated = read(`${seedFolder}/xiamen-2025.md`)
const facts = (await compile({ src: seedFolder, cwd: root })).reports[0]?.bundle.facts ?? []
const work = mkdtempSync(path.join(tmpdir(), 'factmark-bench-suggest-'))
try {
  const src = path.join(work, 'source')
  mkdirSync(src)
  writeFileSync(path.join(src, 'metrics.yaml'), read(`${seedFolder}/metrics.yaml`))
  writeFileSync(path.join(src, 'xiamen-2025.md'), annotated.replace(/:fact\[([^\]]*)\]\{[^}]*\}/g, '$1'))
  const [stripped] = await suggest({ src, cwd: work })
  const untagged = stripped?.untagged ?? []
  const right = untagged.filter((item, index) => item.metric === facts[index]?.metric).length
  console.log(
    `${'metric guesses, annotations removed'.padEnd(38)} right ${percent(right, facts.length)}, figures found ${untagged.length} of ${facts.length} tagged`
  )
  for (const [index, item] of untagged.entries()) {
    if (item.metric !== facts[index]?.metric)
      console.log(`  ${item.text}: guessed ${item.metric ?? '(none)'}, editor chose ${facts[index]?.metric}`)
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
