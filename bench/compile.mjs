#!/usr/bin/env node
// Prints how long factmark takes on the reports in source/: the compile
// alone (in process, warm), a full `factmark build` as a fresh process
// (cold start included), and the sizes involved. Run: npm run bench:compile
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { compileSources } from '../lib/index.js'
import { readSources } from '../lib/load/sources.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const runs = Number(process.env.RUNS ?? 30)

const stats = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b)
  const pick = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  return { min: sorted[0], median: pick(0.5), p90: pick(0.9), max: sorted.at(-1) }
}
const ms = (value) => `${value.toFixed(1)} ms`
const line = (name, s) =>
  console.log(`${name.padEnd(34)} min ${ms(s.min)}  median ${ms(s.median)}  p90 ${ms(s.p90)}  max ${ms(s.max)}`)

const sources = await readSources({ src: 'source', cwd: root })
if (!sources.ok) throw new Error(sources.error.message)
const input = sources.value
const chars = input.reports.reduce((sum, report) => sum + report.text.length, 0)

const first = performance.now()
const result = compileSources(input)
const firstMs = performance.now() - first
const facts = result.reports.reduce((sum, report) => sum + report.bundle.facts.length, 0)

const warm = []
for (let i = 0; i < runs; i++) {
  const start = performance.now()
  compileSources(input)
  warm.push(performance.now() - start)
}

const out = mkdtempSync(path.join(tmpdir(), 'factmark-bench-'))
const cold = []
for (let i = 0; i < Math.min(runs, 10); i++) {
  const start = performance.now()
  execFileSync(process.execPath, [path.join(root, 'bin/factmark.js'), 'build', '--out', out], {
    cwd: root,
    stdio: 'ignore'
  })
  cold.push(performance.now() - start)
}
const node = []
for (let i = 0; i < Math.min(runs, 10); i++) {
  const start = performance.now()
  execFileSync(process.execPath, ['-e', ''], { stdio: 'ignore' })
  node.push(performance.now() - start)
}
rmSync(out, { recursive: true, force: true })

console.log(
  `reports: ${input.reports.length}, source characters: ${chars}, facts: ${facts}, diagnostics: ${result.diagnostics.length}`
)
console.log(`first compile in this process (schemas compiled, caches cold): ${ms(firstMs)}`)
line(`compile, warm (${runs} runs)`, stats(warm))
line(`factmark build, new process (${cold.length})`, stats(cold))
line(`node -e '' for reference (${node.length})`, stats(node))
// The sizes of what the last `npm run build` wrote, from its manifest.
try {
  const manifest = JSON.parse(readFileSync(path.join(root, 'dist/manifest.json'), 'utf8'))
  const total = manifest.files.reduce((sum, file) => sum + file.bytes, 0)
  console.log(`dist/: ${manifest.files.length + 1} files, ${total} bytes besides manifest.json`)
  for (const file of manifest.files) console.log(`  ${String(file.bytes).padStart(8)}  ${file.path}`)
} catch {
  console.log('(run npm run build to see the output sizes)')
}
