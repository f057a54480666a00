#!/usr/bin/env node
// Prints what factmark does with hostile, broken and huge reports: for each
// case, the time remark-parse + remark-directive take to parse the text
// alone (the floor, whole text at once, in a fresh process, cut off after
// LIMIT seconds), the time and peak memory of `factmark build` on it (a
// fresh process), their ratio, and the outcome (exit code and the rules
// reported). Run: npm run bench:hostile (after npm run compile).
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const limit = Number(process.env.LIMIT ?? 120)
const seed = readFileSync(path.join(root, 'test/fixtures/seed/xiamen-2025.md'), 'utf8')
const close = seed.indexOf('\n---\n', 4) + 5
const frontMatter = seed.slice(0, close)
const body = seed.slice(close)
const fill = (unit, bytes) => unit.repeat(Math.max(1, Math.ceil(bytes / Buffer.byteLength(unit))))

// prettier-ignore
const cases = [
  ['list nested 1,000 deep', () => Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- a\n`).join('')],
  ['100,000 > markers', () => `${'>'.repeat(100_000)} x\n`],
  ['20,000 nested *_', () => `${'*_'.repeat(20_000)}x${'_*'.repeat(20_000)}\n`],
  ['1 MB line of untagged figures', () => `${fill('今年完成12.5万吨,同比下降3.2个百分点,', 1_000_000)}\n`],
  ['1 MB line of provincial-report forms', () => `${fill('执法近万场，抽检超1.5万批次，三成以上企业增长5.4倍，65岁以上比例为２：１（［24］），九市一区、两个大局，', 1_000_000)}\n`],
  ['50,000 conflicting facts', () => `${Array.from({ length: 50_000 }, (_, i) => `:fact[${i % 500}]{metric=air.pm25 unit=微克/立方米}`).join(',')}\n`],
  ['8,000 lists between paragraphs', () => '- 甲\n- 乙\n\n段落\n\n'.repeat(8000)],
  ['an outline of 950 items with sub-items', () => '- 项目\n  - 子项\n'.repeat(950)],
  ['a table of 20,000 cells (the limit)', () => `| 指标 | 2024年 | 2025年 | 2026年 |\n| - | - | - | - |\n${'| 空气质量 | 2.61 | 2.34 | 2.1 |\n'.repeat(4999)}`],
  ['a table of 400,000 cells in 1.6 MB', () => `|${' a |'.repeat(2000)}\n|${' - |'.repeat(2000)}\n${`|${' 1 |'.repeat(2000)}\n`.repeat(200)}`],
  ['the seed repeated to 7.5 MB', () => fill(body, 7_500_000)],
  ['the seed repeated to 20 MB', () => fill(body, 20_000_000)]
]

const remarkFloor = `
  import { readFileSync } from 'node:fs'
  import remarkDirective from 'remark-directive'
  import remarkParse from 'remark-parse'
  import { unified } from 'unified'
  const text = readFileSync(process.argv[1], 'utf8')
  const start = performance.now()
  unified().use(remarkParse).use(remarkDirective).parse(text)
  process.stdout.write(String(performance.now() - start))
`
const factmark = `
  const { main } = await import(${JSON.stringify(path.join(root, 'lib/cli/main.js'))})
  let out = ''
  const [src, dist] = process.argv.slice(1)
  const code = await main(['build', '--src', src, '--out', dist, '--format', 'json'], { stdout: (text) => void (out += text), stderr: () => undefined, cwd: process.cwd() })
  const rules = {}
  for (const d of JSON.parse(out).diagnostics ?? []) rules[d.ruleId] = (rules[d.ruleId] ?? 0) + 1
  process.stdout.write(JSON.stringify({ code, rules, rss: process.resourceUsage().maxRSS }))
`

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`
const work = mkdtempSync(path.join(tmpdir(), 'factmark-hostile-'))
console.log(
  `${'case'.padEnd(42)} ${'MB'.padStart(6)} ${'remark'.padStart(10)} ${'factmark'.padStart(10)} ${'ratio'.padStart(6)} ${'RSS MB'.padStart(7)}  outcome`
)
for (const [name, make] of cases) {
  const src = path.join(work, 'source')
  rmSync(src, { recursive: true, force: true })
  mkdirSync(src)
  copyFileSync(path.join(root, 'source/metrics.yaml'), path.join(src, 'metrics.yaml'))
  const text = frontMatter + make()
  const file = path.join(src, 'report.md')
  writeFileSync(file, text)

  const floor = spawnSync(process.execPath, ['--input-type=module', '-e', remarkFloor, file], {
    cwd: root,
    encoding: 'utf8',
    timeout: limit * 1000,
    maxBuffer: 1 << 20
  })
  const remarkMs = floor.status === 0 ? Number(floor.stdout) : undefined

  const dist = path.join(work, 'dist')
  rmSync(dist, { recursive: true, force: true })
  const started = performance.now()
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', factmark, src, dist], {
    cwd: work,
    encoding: 'utf8',
    timeout: limit * 1000,
    maxBuffer: 1 << 26
  })
  const factmarkMs = performance.now() - started
  const result = run.status === 0 ? JSON.parse(run.stdout) : undefined

  const outcome = result
    ? `exit ${result.code}; ${
        Object.entries(result.rules)
          .map(([rule, count]) => `${rule} ×${count}`)
          .join(', ') || 'no diagnostics'
      }`
    : `did not finish (${run.signal ?? run.status}): ${(run.stderr ?? '').split('\n')[0]}`
  console.log(
    [
      name.padEnd(42),
      (Buffer.byteLength(text) / 1e6).toFixed(2).padStart(6),
      (remarkMs === undefined ? `> ${limit} s` : seconds(remarkMs)).padStart(10),
      seconds(factmarkMs).padStart(10),
      (remarkMs === undefined ? '-' : `${(factmarkMs / remarkMs).toFixed(1)}×`).padStart(6),
      (result ? (result.rss / 1024).toFixed(0) : '-').padStart(7),
      ` ${outcome}`
    ].join(' ')
  )
}
rmSync(work, { recursive: true, force: true })
