import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from 'vitest'
import { runCli } from './helpers/run-cli.js'

// The README's tutorial "Add a report", run as it is written: every `$ npx factmark …` of its
// console blocks in order, in a new folder, each printing exactly what the README shows. The
// editor's one manual step (declaring two metrics and naming them) is done as the README says.
const repo = path.resolve(new URL('..', import.meta.url).pathname)
const readme = readFileSync(path.join(repo, 'README.md'), 'utf8')
const section = readme.slice(readme.indexOf('## Add a report'), readme.indexOf('## The annotation'))
const fixture = (file: string) => path.join(repo, 'test/fixtures/tutorial', file)

interface Step {
  argv: string[]
  shown: string
}

/** The commands of a console block and what each printed, in order. */
function steps(block: string): Step[] {
  return block
    .split(/^\$ /m)
    .filter(Boolean)
    .map((part) => {
      const [command = '', ...output] = part.split('\n')
      return { argv: command.replace(/^npx factmark /, '').split(' '), shown: output.join('\n') }
    })
}

test('the tutorial runs as written, and each command prints what it shows', async () => {
  const blocks = [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map(([, lang, body]) => ({ lang, body: body ?? '' }))
  const consoles = blocks.filter((block) => block.lang === 'console')
  const added = blocks.find((block) => block.lang === 'yaml')?.body ?? ''
  expect(consoles.length).toBeGreaterThanOrEqual(5)
  expect(`\n${added}`).toBe(readFileSync(fixture('metrics-added.yaml'), 'utf8'))
  expect(blocks.find((block) => block.lang === 'text')?.body).toBe(readFileSync(fixture('report.txt'), 'utf8'))
  const cwd = mkdtempSync(path.join(tmpdir(), 'factmark-tutorial-'))
  try {
    copyFileSync(fixture('report.txt'), path.join(cwd, 'report.txt'))
    // A project that installed factmark: its messages point at the rule reference in node_modules/factmark.
    mkdirSync(path.join(cwd, 'node_modules'))
    symlinkSync(repo, path.join(cwd, 'node_modules/factmark'))
    for (const [index, block] of consoles.entries()) {
      // Before the check that passes, the editor declares the two metrics and names them.
      if (index === consoles.length - 2) {
        const registry = path.join(cwd, 'source/metrics.yaml')
        writeFileSync(registry, readFileSync(registry, 'utf8') + readFileSync(fixture('metrics-added.yaml'), 'utf8'))
        const report = path.join(cwd, 'source/shiyi-2024.md')
        const text = readFileSync(report, 'utf8')
          .replace('{metric=?}', '{metric=water.section_good_ratio}')
          .replace('{metric=?}', '{metric=enforcement.cases}')
        writeFileSync(report, text)
      }
      for (const step of steps(block.body)) {
        const { stdout, stderr } = await runCli(cwd, ...step.argv)
        expect(stdout + stderr, `$ npx factmark ${step.argv.join(' ')}`).toBe(step.shown)
      }
    }
  } finally {
    rmSync(cwd, { recursive: true, force: true })
  }
})
