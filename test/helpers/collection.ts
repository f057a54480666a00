import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { seedReport } from './seed.js'

// The bureau's reports over the years as tests know them: frozen copies under
// test/fixtures/collection/ (fact sheets of 2023 and 2024, the 2024 targets, and the registry
// they are annotated against) beside the seed report of 2025.
const read = (file: string) => readFileSync(new URL(`../fixtures/collection/${file}`, import.meta.url), 'utf8')

const sheets = ['xiamen-2023-fact-sheet.md', 'xiamen-2024-fact-sheet.md', 'xiamen-2024-targets.md']

/** Every report of the collection, under the paths the command line gives them. */
export const collectionReports = [
  ...sheets.map((file) => ({ path: `source/${file}`, text: read(file) })),
  { path: seedReport.path, text: seedReport.text }
]

export const collectionRegistry = { path: 'source/metrics.yaml', text: read('metrics.yaml') }

/** Make `cwd` a project whose source/ holds the collection and its registry. */
export function writeCollectionProject(cwd: string): void {
  mkdirSync(path.join(cwd, 'source'), { recursive: true })
  for (const file of [...collectionReports, collectionRegistry]) writeFileSync(path.join(cwd, file.path), file.text)
}
