#!/usr/bin/env node
// Prints the CPU time a build spends per report, by phase, on copies of the seed
// (test/fixtures/seed/): the parse floor (remark-parse + remark-directive),
// compileSources (the registry's own compile taken out), and each file
// written into a report's folder. In process and warm, one core; each figure
// is the fastest and the median of several rounds. Also prints a hash of every output and
// diagnostic, so that a change meant to be faster alone can be checked to
// write the same bytes. Run: npm run compile && node bench/report-cpu.mjs
// [--reports N] [--rounds R]
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import remarkDirective from 'remark-directive'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { reportFiles } from '../lib/build/render-artifacts.js'
import { compileSources } from '../lib/compile/compile-sources.js'
import { collectionLookup } from '../lib/emit/html/collection-lookup.js'

const { values } = parseArgs({
  options: { reports: { type: 'string', default: '30' }, rounds: { type: 'string', default: '7' } }
})
const count = Number(values.reports)
const rounds = Number(values.rounds)

const seedFolder = new URL('../test/fixtures/seed/', import.meta.url)
const seed = readFileSync(new URL('xiamen-2025.md', seedFolder), 'utf8')
const registry = { path: 'metrics.yaml', text: readFileSync(new URL('metrics.yaml', seedFolder), 'utf8') }
const reports = Array.from({ length: count }, (_, index) => {
  const number = String(index + 1).padStart(5, '0')
  const text = seed
    .replace(/^slug: .*$/m, `slug: xiamen-2025-${number}`)
    .replace(/^title: (.*)$/m, (_line, title) => `title: ${title}（副本${number}）`)
  return { path: `report-${number}.md`, text }
})

// CPU time, user and system, of this process: other work on the machine delays a phase but adds
// little to it, where a clock on the wall counts every wait for a core.
const cpuMs = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}
const timed = (run) => {
  const start = cpuMs()
  const value = run()
  return { value, ms: cpuMs() - start }
}
const median = (samples) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]

const processor = unified().use(remarkParse).use(remarkDirective)
const downloads = reportFiles.filter((file) => file.href !== 'index.html').map(({ emit: _emit, ...file }) => file)
const samples = new Map()
const sample = (name, ms) => samples.set(name, [...(samples.get(name) ?? []), ms / count])

let hash = ''
for (let round = 0; round <= rounds; round++) {
  const floor = timed(() => reports.map((report) => processor.parse(report.text)))
  const alone = timed(() => compileSources({ reports: [], registry }))
  const compiled = timed(() => compileSources({ reports, registry }))
  const result = compiled.value
  const collection = collectionLookup(result.collection, (slug) => slug)
  const outputs = result.reports.map(() => new Map())
  const digests = result.reports.map(() => new Map())
  for (const file of reportFiles) {
    // Each file is encoded and digested as a build does, once, for the disk and whoever describes it.
    const emitted = timed(() =>
      result.reports.forEach((report, index) => {
        const rendered = outputs[index]
        const digested = digests[index]
        const content = file.emit(report, { registry: result.registry, rendered, digested, downloads, collection })
        const bytes = Buffer.from(content, 'utf8')
        rendered.set(file.href, content)
        digested.set(file.href, { bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') })
      })
    )
    if (round > 0) sample(file.href, emitted.ms)
  }
  if (round === 0) {
    // The first round warms the code up and gives the hash of what was written.
    const digest = createHash('sha256').update(JSON.stringify(result.diagnostics))
    for (const rendered of outputs) for (const content of rendered.values()) digest.update(content)
    hash = digest.digest('hex').slice(0, 16)
    continue
  }
  sample('parse floor', floor.ms)
  sample('compile', compiled.ms - alone.ms)
}

// Other work on the machine only ever adds time (caches, GC): the fastest round is the steadiest figure.
const ms = (value) => `${value.toFixed(2).padStart(7)} ms`
const fastest = new Map([...samples].map(([name, values]) => [name, Math.min(...values)]))
const typical = new Map([...samples].map(([name, values]) => [name, median(values)]))
const emitted = (figures) => reportFiles.reduce((sum, file) => sum + figures.get(file.href), 0)
for (const figures of [fastest, typical]) {
  figures.set('emit (7 files)', emitted(figures))
  figures.set('compile + emit', figures.get('compile') + figures.get('emit (7 files)'))
}
console.log(`${count} copies of the seed, ${rounds} rounds, ms per report: fastest round, median round`)
for (const [name, value] of fastest) console.log(`${name.padEnd(18)}${ms(value)} ${ms(typical.get(name))}`)
const ratio = (figures) => (figures.get('compile + emit') / figures.get('parse floor')).toFixed(2)
console.log(`compile + emit to the parse floor: ${ratio(fastest)}x fastest, ${ratio(typical)}x median`)
console.log(`outputs and diagnostics: ${hash}`)
