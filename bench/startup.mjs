#!/usr/bin/env node
// Prints what starting the command line costs, as new processes, beside bare
// node in the same run: `node -e 0`, `factmark --version`, `--help`, `check`
// of the seed project, and `check` of it after an edit (a sentence added to the
// report before each run, so that it is compiled: what it found before is no
// answer), each run 20 times (interleaved, so that a busy moment of the machine
// falls on every command alike), with the median wall time and its ratio to
// bare node. Targets of issue 13: --version at most 1.5x node, check of the
// seed at most 0.4 s. Run: npm run bench:startup [-- --runs N]
import { execFileSync } from 'node:child_process'
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const runsFlag = process.argv.indexOf('--runs')
const runs = runsFlag === -1 ? 20 : Number(process.argv[runsFlag + 1])

// The seed project as test/helpers/seed.ts writes it: source/ with the report and its registry;
// and a copy of it, whose report is edited before each check of it.
const project = mkdtempSync(path.join(tmpdir(), 'factmark-startup-'))
const edited = path.join(project, 'edited')
for (const folder of [project, edited]) {
  mkdirSync(path.join(folder, 'source'), { recursive: true })
  for (const file of ['xiamen-2025.md', 'metrics.yaml'])
    copyFileSync(path.join(root, 'test/fixtures/seed', file), path.join(folder, 'source', file))
}
let edits = 0
const edit = () => appendFileSync(path.join(edited, 'source/xiamen-2025.md'), `\n第${++edits}次修改加的一句话。\n`)

const bin = path.join(root, 'bin/factmark.js')
// Each command with the target issue 13 sets it, if any (a ratio to bare node, or milliseconds), and
// what is done before each run of it, and where it runs, when not in the seed project.
const commands = [
  ['node -e 0', ['-e', '0']],
  ['factmark --version', [bin, '--version'], { ratio: 1.5 }],
  ['factmark --help', [bin, '--help']],
  ['factmark check (seed)', [bin, 'check'], { ms: 400 }],
  ['factmark check (edited)', [bin, 'check'], { before: edit, cwd: edited }]
]

// A cache of factmark's own, empty at first: the first check compiles its code and keeps it (see
// src/cache/code-cache.ts), and the runs after it take it, as a user's do.
const env = { ...process.env, XDG_CACHE_HOME: path.join(project, 'cache') }

function time(args, { before, cwd = project } = {}) {
  before?.()
  const start = process.hrtime.bigint()
  try {
    execFileSync(process.execPath, args, { cwd, stdio: 'ignore', env })
  } catch (error) {
    // check exits 1 when the seed has problems; only a crash would make the figure meaningless.
    if (error.status !== 1) throw error
  }
  return Number(process.hrtime.bigint() - start) / 1e6
}

const samples = commands.map(() => [])
for (let run = 0; run < runs; run++) commands.forEach(([, args, how], index) => samples[index].push(time(args, how)))
rmSync(project, { recursive: true, force: true })

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
const medians = samples.map(median)
console.log(`${runs} runs each, node ${process.version}, median wall time of a new process`)
const targetText = (target, ms, ratio) => {
  if (target?.ratio)
    return `  target at most ${target.ratio.toFixed(2)}x node: ${ratio <= target.ratio ? 'met' : 'missed'}`
  if (target?.ms) return `  target at most ${target.ms} ms: ${ms <= target.ms ? 'met' : 'missed'}`
  return ''
}
const checkIndex = commands.findIndex(([name]) => name.startsWith('factmark check'))
console.log(
  `(the first check, with no code kept yet: ${samples[checkIndex][0].toFixed(0)} ms; the median is of all ${runs} runs)`
)
commands.forEach(([name, , target], index) => {
  const ratio = medians[index] / medians[0]
  console.log(
    `${name.padEnd(24)} ${medians[index].toFixed(0).padStart(5)} ms  ${ratio.toFixed(2)}x node${targetText(target, medians[index], ratio)}`
  )
})
