import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, test } from 'vitest'
import { renderArtifacts, writeArtifacts } from '../src/build/render-artifacts.js'
import { compileWithRegistry } from '../src/compile/compile-sources.js'
import { loadRegistry, type LoadedRegistry } from '../src/load/registry.js'
import { openSource } from '../src/load/source-file.js'
import { rules } from '../src/diagnostics/rules.js'
import { verify } from '../src/verify/verify.js'
import { report, seedRegistry } from './helpers/fuzz.js'
import { runCli } from './helpers/run-cli.js'

// `npm test` runs a thousand cases; `npm run fuzz` sets FACTMARK_FUZZ_RUNS to run many more.
const runs = Number(process.env['FACTMARK_FUZZ_RUNS'] ?? 1000)
const pipelineRuns = Math.ceil(runs * 0.6)
const cliRuns = runs - pipelineRuns
const registry = { path: 'source/metrics.yaml', text: seedRegistry }
// Every case has the same registry, read once: reading it again was two thirds of each case (600
// cases took 39 s, and 12 s without), and is not what the cases vary. Each gets a file of its own
// for its messages.
const loaded = loadRegistry(registry.path, registry.text)
const seedLoaded = (): LoadedRegistry => ({ ...loaded, file: openSource(registry.path, registry.text).file })
// A case takes tens of milliseconds; a long run must not be cut off by the per-test timeout.
const timeout = Math.max(600_000, runs * 200)
const root = mkdtempSync(path.join(tmpdir(), 'factmark-fuzz-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** Characters no page and no terminal line may carry: C0 but tab and line ends, DEL, C1, lone surrogates. */
const unsafe =
  // eslint-disable-next-line no-control-regex -- the control characters are what this finds
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u
const ruleIds = new Set(Object.keys(rules))
let count = 0
const nextFolder = () => path.join(root, String(++count))

describe(`the whole pipeline on ${runs} generated reports`, () => {
  test(
    `compile, render, write and verify (${pipelineRuns} reports)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(report, async (text) => {
          const result = compileWithRegistry(
            { reports: [{ path: 'source/report.md', text }], registry, checkUnusedMetrics: false },
            seedLoaded()
          )
          const lines = text.split(/\r\n|\r|\n/).length
          for (const d of result.diagnostics) {
            expect(ruleIds.has(d.ruleId), d.ruleId).toBe(true)
            expect(d.ruleId).not.toBe('bundle-invalid')
            expect(d.line).toBeGreaterThanOrEqual(1)
            expect(d.column).toBeGreaterThanOrEqual(1)
            if (d.file === 'source/report.md') expect(d.line).toBeLessThanOrEqual(lines)
          }
          for (const compiled of result.reports) {
            for (const fact of compiled.bundle.facts)
              expect(compiled.source.slice(fact.source.offset, fact.source.endOffset)).toMatch(/^:fact\[/)
          }
          if (result.errorCount > 0) return
          const artifacts = renderArtifacts(result)
          for (const artifact of artifacts)
            if (artifact.path.endsWith('.html'))
              expect(unsafe.test(String(artifact.content)), artifact.path).toBe(false)
          const out = nextFolder()
          await writeArtifacts(out, artifacts)
          const verified = await verify({ dir: out })
          expect(verified.problems).toEqual([])
          rmSync(out, { recursive: true, force: true })
        }),
        { numRuns: pipelineRuns }
      )
    },
    timeout
  )

  test(
    `the command line: check, build and suggest in every format (${cliRuns} reports)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          report,
          fc.constantFrom('check', 'build', 'suggest'),
          fc.constantFrom('text', 'json', 'github'),
          async (text, command, format) => {
            const cwd = nextFolder()
            mkdirSync(path.join(cwd, 'source'), { recursive: true })
            writeFileSync(path.join(cwd, 'source/metrics.yaml'), seedRegistry)
            const bytes = Buffer.from(text, 'utf8')
            writeFileSync(path.join(cwd, 'source/report.md'), bytes)
            const { code, stdout, stderr } = await runCli(cwd, command, '--format', format)
            expect([0, 1], stderr).toContain(code)
            for (const output of [stdout, stderr]) {
              expect(unsafe.test(output.replace(/[\n]/g, ''))).toBe(false)
              for (const line of output.split('\n')) {
                if (format === 'github' && output === stdout)
                  expect(line === '' || /^::(error|warning|notice) /.test(line), line).toBe(true)
                else expect(line.trimStart().startsWith('::'), line).toBe(false)
              }
            }
            if (format === 'json') expect(() => JSON.parse(stdout)).not.toThrow()
            if (command === 'build' && code === 0)
              expect((await verify({ dir: path.join(cwd, 'dist') })).status).toBe('valid')
            // The report's bytes are the editor's: nothing factmark does changes them.
            expect(readFileSync(path.join(cwd, 'source/report.md')).equals(bytes)).toBe(true)
            rmSync(cwd, { recursive: true, force: true })
          }
        ),
        { numRuns: cliRuns }
      )
    },
    timeout
  )
})
