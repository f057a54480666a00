import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import type { Diagnostic } from '../src/index.js'
import { writeCollectionProject } from './helpers/collection.js'
import { runCli } from './helpers/run-cli.js'

// `check <file>` checks the named reports among the source folder's, so that what they state is
// checked against the other years: a check of one file says what a check of all says of it.
let cwd: string
beforeEach(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'factmark-check-named-'))
  writeCollectionProject(cwd)
})
afterEach(() => rmSync(cwd, { recursive: true, force: true }))

const sheet = 'source/xiamen-2024-fact-sheet.md'
const at = (file: string) => path.join(cwd, file)
/** The 2024 sheet's change of the composite index against 2023, stated wrong. */
const misstate = (file: string) =>
  writeFileSync(at(file), readFileSync(at(sheet), 'utf8').replace('改善:fact[10.3%]', '改善:fact[20.3%]'))

type Checked = { diagnostics: Diagnostic[]; facts: number; coverage: { reports: Array<{ path: string }> } }
const checkJson = async (...files: string[]) => {
  const run = await runCli(cwd, 'check', '--format', 'json', ...files)
  return { code: run.code, json: JSON.parse(run.stdout) as Checked }
}
const problems = (json: Checked) =>
  json.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)

test('a change a named report states is checked against the level another report publishes', async () => {
  misstate(sheet)
  const all = await checkJson()
  const one = await checkJson(sheet)
  expect(one.code).toBe(1)
  expect(problems(one.json)).toEqual(['source/xiamen-2024-fact-sheet.md:26:56 change-contradicts-levels'])
  expect(problems(all.json)).toEqual(problems(one.json))
  // Of the named report alone: its messages, coverage and facts.
  expect(new Set(one.json.diagnostics.map((d) => d.file))).toEqual(new Set([sheet]))
  expect(one.json.coverage.reports.map((entry) => entry.path)).toEqual([sheet])
  expect(one.json.facts).toBe(20)
})

test('a named report outside the source folder is checked against the folder, and its slug among theirs', async () => {
  mkdirSync(at('drafts'))
  misstate('drafts/sheet.md')
  const taken = await checkJson('drafts/sheet.md')
  expect(taken.code).toBe(1)
  expect(problems(taken.json)).toEqual(['drafts/sheet.md:7:7 front-matter-invalid'])
  writeFileSync(
    at('drafts/sheet.md'),
    readFileSync(at('drafts/sheet.md'), 'utf8').replace('slug: xiamen-2024-fact-sheet', 'slug: draft-2024')
  )
  const own = await checkJson('drafts/sheet.md')
  // A draft of a report of the folder is that report again, under another name.
  expect(problems(own.json)).toEqual([
    'drafts/sheet.md:7:7 report-repeated',
    'drafts/sheet.md:26:56 change-contradicts-levels'
  ])
})

test('a named report that is right says nothing of the others', async () => {
  const one = await checkJson('source/xiamen-2023-fact-sheet.md')
  expect(one.code).toBe(0)
  expect(problems(one.json)).toEqual([])
  expect(one.json.coverage.reports.map((entry) => entry.path)).toEqual(['source/xiamen-2023-fact-sheet.md'])
})

// `build <file>` publishes the named reports alone, after the same check among the folder's.
test('a build of a named report that contradicts another year fails, writes nothing, and says what check says', async () => {
  misstate(sheet)
  const built = await runCli(cwd, 'build', '--format', 'json', sheet)
  expect(built.code).toBe(1)
  const json = JSON.parse(built.stdout) as Checked
  expect(problems(json)).toEqual(['source/xiamen-2024-fact-sheet.md:26:56 change-contradicts-levels'])
  expect(json.diagnostics).toEqual((await checkJson(sheet)).json.diagnostics)
  expect(built.stderr).toBe(
    'factmark: build failed: 1 error among the reports of source/; nothing was written to dist/\n'
  )
  expect(existsSync(at('dist'))).toBe(false)
})

test('a build of a named report that holds among the folder publishes it alone, with what check says of it', async () => {
  const named = 'source/xiamen-2024-fact-sheet.md'
  const built = await runCli(cwd, 'build', '--format', 'json', named)
  expect(built.code).toBe(0)
  const json = JSON.parse(built.stdout) as Checked & { files: string[] }
  expect(json.diagnostics).toEqual((await checkJson(named)).json.diagnostics)
  // Its changes are measured against the levels of the 2023 sheet: one base is published by no
  // report. Built alone, the sheet had five such notes, one for each change against 2023.
  expect(json.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}`)).toEqual(['30:63 change-base-unpublished'])
  expect(json.files).toContain('dist/xiamen-2024-fact-sheet/facts.json')
  expect(json.files.filter((file) => /^dist\/xiamen-[^/]+\/facts\.json$/.test(file))).toEqual([
    'dist/xiamen-2024-fact-sheet/facts.json'
  ])
})
