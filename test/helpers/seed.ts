import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

// The seed as tests know it: frozen copies under test/fixtures/seed/, so that tests
// describe what factmark does with a known report, whatever source/ holds today.
const read = (file: string) => readFileSync(new URL(`../fixtures/seed/${file}`, import.meta.url), 'utf8')

/** The annotated seed report, under the path the command line gives it. */
export const seedReport = { path: 'source/xiamen-2025.md', text: read('xiamen-2025.md') }

/** The metric registry the seed was annotated against. */
export const seedRegistry = { path: 'source/metrics.yaml', text: read('metrics.yaml') }

/** The report as published, without annotations: one paragraph a line. */
export const seedOriginal = read('xiamen-2025.txt')

/** Make `cwd` a project whose source/ holds the seed and its registry, as a user's would. */
export function writeSeedProject(cwd: string): void {
  mkdirSync(path.join(cwd, 'source'), { recursive: true })
  for (const file of [seedReport, seedRegistry]) writeFileSync(path.join(cwd, file.path), file.text)
}

/**
 * What the seed alone says to its editors besides problems: two changes whose base year no other
 * report publishes, and a target whose period has not come.
 */
export const seedNotes = [
  'source/xiamen-2025.md:45:1440 info change-base-unpublished',
  'source/xiamen-2025.md:79:246 info change-base-unpublished',
  'source/xiamen-2025.md:105:287 info target-pending'
]

/** Errors and warnings only: information never makes a source unfit to publish. */
export function problemsOf<T extends { severity: string }>(diagnostics: readonly T[]): T[] {
  return diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')
}

/** Diagnostics as `file:line:column severity rule`, to compare with seedNotes. */
export function notesOf(
  diagnostics: ReadonlyArray<{ file: string; line: number; column: number; severity: string; ruleId: string }>
): string[] {
  return diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.ruleId}`)
}
