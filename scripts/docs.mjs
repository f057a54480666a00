#!/usr/bin/env node
// Writes the generated docs: docs/rules.md from the rule catalog (src/diagnostics/rules.ts,
// compiled to lib/) and the fixture of each rule, and docs/facts-csv.md from
// the CSV column table. `--check` fails when a committed file differs. Run
// `npm run docs` after changing a rule, a fixture or a column.
import { existsSync, lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { renderColumnsDoc } from './columns-doc.mjs'
import { decodeText } from '../lib/load/encoding/decode.js'
import { renderRulesDoc } from './rules-doc.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const fixtures = `${root}test/fixtures/rules/`

/** The example of each rule: its fixture's text without front matter, and the expected diagnostics. */
function examples() {
  const result = {}
  for (const id of readdirSync(fixtures).sort()) {
    const dir = `${fixtures}${id}/`
    const output = readFileSync(`${dir}expected.txt`, 'utf8')
    // The example is a regular report file, report.md first: a fixture may hold links and files in other encodings.
    const reports = readdirSync(dir).filter((name) => name.endsWith('.md') && lstatSync(`${dir}${name}`).isFile())
    const report = reports.includes('report.md') ? 'report.md' : reports[0]
    // A registry rule is shown with the registry, the others with the report text.
    const yamlFirst = existsSync(`${dir}metrics.yaml`) && output.includes('metrics.yaml:')
    const file = yamlFirst ? 'metrics.yaml' : report
    // Shown as factmark reads it: a GB18030 or UTF-16 fixture is decoded, not shown as mojibake.
    let input = decodeText(readFileSync(`${dir}${file}`)).text
    // Keep the front matter only when the rule is about it.
    if (!yamlFirst && id !== 'front-matter-invalid' && id !== 'ignore-unused')
      input = input.replace(/^---\n[\s\S]*?\n---\n\n?/, '')
    result[id] = { path: `test/fixtures/rules/${id}/${file}`, input, language: yamlFirst ? 'yaml' : 'markdown', output }
  }
  return result
}

export function rulesDoc() {
  return renderRulesDoc(examples())
}

/** Every generated document, by path. */
export function generatedDocs() {
  return { 'docs/rules.md': rulesDoc(), 'docs/facts-csv.md': renderColumnsDoc() }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, text] of Object.entries(generatedDocs())) {
    const target = `${root}${name}`
    if (process.argv.includes('--check')) {
      const current = existsSync(target) ? readFileSync(target, 'utf8') : ''
      if (current !== text) {
        console.error(`${name} is out of date: run \`npm run docs\``)
        process.exitCode = 1
      }
    } else {
      writeFileSync(target, text)
    }
  }
}
