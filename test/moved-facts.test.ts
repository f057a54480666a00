import { execFile } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { build, type BuildOptions } from '../src/index.js'
import type { Diagnostic } from '../src/model/compiled.js'
import { runCli } from './helpers/run-cli.js'
import { snapshot } from './helpers/snapshot.js'

// An edit that only moves a report's facts (a sentence put before them) changes nothing the rules
// across reports conclude but the places they name: a build takes what the last one concluded,
// with those places moved, and patches the series that say where the facts stand. Whatever it
// takes, it writes what a cold build writes, and tells what it tells.

let cwd: string
const at = (file: string) => path.join(cwd, file)
const options = (extra: BuildOptions = {}): BuildOptions => ({ cwd, cacheFolder: at('cache'), threads: 0, ...extra })

// The report of 2025 restates two targets of the plan of 2024 otherwise: its warnings name where
// the plan's targets stand, in their words and as related places.
const plan = 'source/a-plan-2024.md'
const summaries = () =>
  readdirSync(at('cache'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.summary.json'))

beforeEach(async () => {
  cwd = mkdtempSync(path.join(tmpdir(), 'factmark-moved-'))
  cpSync(fileURLToPath(new URL('fixtures/rules/target-conflict/', import.meta.url)), at('source'), {
    recursive: true,
    filter: (file) => !file.endsWith('expected.txt')
  })
  cpSync(fileURLToPath(new URL('fixtures/metrics.yaml', import.meta.url)), at('source/metrics.yaml'))
  expect((await build(options())).ok).toBe(true)
})
afterEach(() => rmSync(cwd, { recursive: true, force: true }))

/** Put a paragraph before the plan's figures, and words before its second paragraph's: every fact moves. */
function moveThePlansFacts(): void {
  const text = readFileSync(at(plan), 'utf8')
  const moved = text.replace('\n优良率:', '\n本计划另附说明。\n\n优良率:').replace('\n乙区优良率', '\n此外,乙区优良率')
  expect(moved).not.toBe(text)
  writeFileSync(at(plan), moved)
}

/** Diagnostics as lines: where, the rule, the words, and the related places. */
const lines = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.map(
    (d) =>
      `${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.ruleId} ${d.message}${(d.related ?? [])
        .map((place) => ` | ${place.file}:${place.line}:${place.column}-${place.endLine}:${place.endColumn}`)
        .join('')}`
  )

/** The diagnostics of a build, as lines, and its output. */
async function built(extra: BuildOptions = {}, out = 'dist') {
  const result = await build(options({ out, ...extra }))
  if (!result.ok) throw new Error(result.error.message)
  return { told: lines(result.value.result.diagnostics), files: snapshot(at(out)) }
}

const cold = () => built({ cache: false, cacheFolder: at('cold-cache') }, 'cold')

/** The paths of the reports whose summaries the cache keeps. */
const summarized = () =>
  summaries().map((file) => (JSON.parse(readFileSync(path.join(at('cache'), file), 'utf8')) as { path: string }).path)

test('a build after the facts of a report moved tells and writes what a cold build does, without running the rules again', async () => {
  // The report that did not change keeps no summary: a build that ran the rules would compile it again to keep one.
  for (const file of summaries())
    if (readFileSync(path.join(at('cache'), file), 'utf8').includes('"source/b-report-2025.md"'))
      rmSync(path.join(at('cache'), file))
  expect(summarized()).toEqual([plan])
  moveThePlansFacts()
  const after = await built()
  expect(summarized()).toEqual([plan, plan])
  expect(after).toEqual(await cold())
  // The warnings of the other report name where the plan's targets stand now: two lines further
  // down, and the second three characters on.
  expect(after.told.filter((line) => line.includes(' target-conflict '))).toEqual([
    'source/b-report-2025.md:11:9-11:78 target-conflict The target of air.good_days_ratio for 2024 is "不低于99.0%" here but "不低于99.2%" in plan-2024 (source/a-plan-2024.md:13:4); if this report changes that target, say so with revises=plan-2024 | source/a-plan-2024.md:13:4-13:61',
    'source/b-report-2025.md:13:96-13:191 target-conflict The target of air.good_days_ratio of 丙区 for 2024 is "不低于92%" here but "不低于90%" in plan-2024 (source/a-plan-2024.md:15:79); revises=plan-2042 names no earlier report that gives this target; if this report changes that target, say so with revises=plan-2024 | source/a-plan-2024.md:15:79-15:144'
  ])
  // The series say where the plan's targets stand now.
  const series = readFileSync(at('dist/series/air.good_days_ratio.json'), 'utf8')
  expect(series.match(/"file": "source\/a-plan-2024\.md",\s*"line": \d+,\s*"column": \d+/g)).toEqual([
    expect.stringMatching(/"line": 15,\s*"column": 79$/),
    expect.stringMatching(/"line": 15,\s*"column": 9$/),
    expect.stringMatching(/"line": 13,\s*"column": 4$/)
  ])
})

test('a summary changed by hand in the cache is not trusted to say where the facts stood: the rules run again', async () => {
  // Built in processes of their own, as the command line builds: this one keeps the summaries of
  // its last build in memory, and builds with factmark's sources, whose digest is not the library's.
  const library = JSON.stringify(fileURLToPath(new URL('../lib/build/build.js', import.meta.url)))
  const child = `
    const { build } = await import(${library})
    const built = await build({ cacheFolder: process.argv[1], threads: 0 })
    if (!built.ok) throw new Error(built.error.message)
    console.log(JSON.stringify(built.value.result.diagnostics))
  `
  const told = async () => {
    const run = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', child, at('lib-cache')], {
      cwd
    })
    return lines(JSON.parse(run.stdout) as Diagnostic[])
  }
  await told()
  // The plan's, with where its first and last targets started swapped: every place the messages
  // name is still one of its facts', but taken from it, the first would move where the last went.
  const kept = readdirSync(at('lib-cache'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.summary.json'))
    .map((file) => path.join(at('lib-cache'), file))
    .filter((file) => readFileSync(file, 'utf8').includes(`"${plan}"`))
  expect(kept).toHaveLength(1)
  for (const file of kept) {
    const text = readFileSync(file, 'utf8')
    const [first, last] = ['"line":11,"column":4,', '"line":13,"column":76,']
    expect(text).toContain(first)
    expect(text).toContain(last)
    writeFileSync(file, text.replace(first, '\0').replace(last, first).replace('\0', last))
  }
  moveThePlansFacts()
  const after = { told: await told(), files: snapshot(at('dist')) }
  expect(after).toEqual(await cold())
  expect(after.told.filter((line) => line.includes('(source/a-plan-2024.md:13:4)'))).toHaveLength(1)
})

test('a check after the facts of a report moved tells where they stand now, as a check without the cache does', async () => {
  // The cache the builds keep: the conclusions the first kept are of the facts before they moved.
  const check = async (...extra: string[]) => {
    const run = await runCli(cwd, 'check', '--cache-dir', at('cache'), ...extra)
    expect(run.code).toBe(0)
    return run.stdout
  }
  // Eight reports or more are checked report by report, and the rules across them kept.
  const other = readFileSync(at('source/b-report-2025.md'), 'utf8')
  for (const n of [1, 2, 3, 4, 5, 6])
    writeFileSync(at(`source/c-${n}.md`), other.replace('slug: report-2025', `slug: report-2025-${n}`))
  expect((await build(options())).ok).toBe(true)
  // A check of its own first: it keeps what it concluded too.
  expect(await check()).toContain('(source/a-plan-2024.md:11:4)')
  moveThePlansFacts()
  const told = await check()
  expect(told).toContain('(source/a-plan-2024.md:13:4)')
  expect(told).toBe(await check('--no-cache'))
  // And once a build took the conclusions moved.
  expect((await build(options())).ok).toBe(true)
  rmSync(at('cache/checked'), { recursive: true })
  expect(await check()).toBe(told)
})
