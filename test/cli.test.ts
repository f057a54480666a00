import { execFile } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { main, type Io } from '../src/cli.js'
import { validators } from '../src/schemas.js'

const repo = path.resolve(new URL('..', import.meta.url).pathname)
let cwd: string

beforeEach(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'factmark-cli-'))
  cpSync(path.join(repo, 'source'), path.join(cwd, 'source'), { recursive: true })
})
afterEach(() => rmSync(cwd, { recursive: true, force: true }))

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const io: Io = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), cwd }
  const code = await main(argv, io)
  return { code, stdout, stderr }
}

function breakSource(from: string, to: string): void {
  const file = path.join(cwd, 'source/xiamen-2025.md')
  writeFileSync(file, readFileSync(file, 'utf8').replace(from, to))
}

describe('factmark build', () => {
  test('writes dist/xiamen-2025/facts.json, valid against the bundle schema', async () => {
    const { code, stderr } = await run('build')
    expect(code).toBe(0)
    expect(stderr).toMatch(/wrote 1 file to dist\/ \(1 report, \d+ facts\)/)
    const bundle: unknown = JSON.parse(readFileSync(path.join(cwd, 'dist/xiamen-2025/facts.json'), 'utf8'))
    expect(validators().bundle(bundle)).toBe(true)
  })

  test('fails with exit 1 on a bad annotation and leaves the previous dist/ as it was', async () => {
    expect((await run('build')).code).toBe(0)
    const before = readFileSync(path.join(cwd, 'dist/xiamen-2025/facts.json'), 'utf8')
    breakSource('metric=air.pm25 unit', 'metric=air.pm2.5 unit')
    const { code, stdout, stderr } = await run('build')
    expect(code).toBe(1)
    expect(stdout).toContain('source/xiamen-2025.md:14:')
    expect(stdout).toContain('error Unknown metric "air.pm2.5", did you mean "air.pm25"? [unknown-metric]')
    expect(stderr).toContain('build failed; dist/ was left as it was')
    expect(readFileSync(path.join(cwd, 'dist/xiamen-2025/facts.json'), 'utf8')).toBe(before)
  })

  test('--out chooses the output folder', async () => {
    expect((await run('build', '--out', 'public')).code).toBe(0)
    expect(existsSync(path.join(cwd, 'public/xiamen-2025/facts.json'))).toBe(true)
    expect(existsSync(path.join(cwd, 'dist'))).toBe(false)
  })
})

describe('factmark check', () => {
  test('exit 0 and no problems on the report', async () => {
    expect(await run('check')).toEqual({ code: 0, stdout: '✔ no problems\n', stderr: '' })
  })

  test('writes nothing', async () => {
    await run('check')
    expect(existsSync(path.join(cwd, 'dist'))).toBe(false)
  })

  test('--format json gives one object per diagnostic', async () => {
    breakSource('{metric=air.pm10}', '{metric=air.pm10 period=2025-13}')
    const { code, stdout } = await run('check', '--format', 'json')
    expect(code).toBe(1)
    const output = JSON.parse(stdout) as { errorCount: number; diagnostics: unknown[] }
    expect(output.errorCount).toBe(1)
    expect(output.diagnostics).toEqual([
      {
        file: 'source/xiamen-2025.md',
        line: 14,
        column: 673,
        endLine: 14,
        endColumn: 680,
        severity: 'error',
        ruleId: 'period-invalid',
        message: 'period="2025-13" is not a valid period: "2025-13" has no month 13',
        fix: 'Write the period in one of those forms; an interval must not end before it starts.',
        url: 'docs/rules.md#period-invalid'
      }
    ])
  })

  test('--format github writes workflow annotations', async () => {
    breakSource(':fact[2.43]', ':fact[2.4.3]')
    const { code, stdout } = await run('check', '--format', 'github')
    expect(code).toBe(1)
    expect(stdout).toMatch(/^::error file=source\/xiamen-2025\.md,line=14,col=381,endLine=14,endColumn=386,title=label-unparseable::Cannot read a figure from "2\.4\.3"/)
  })

  test('checks only the files named', async () => {
    writeFileSync(path.join(cwd, 'source/broken.md'), 'no front matter\n')
    expect((await run('check')).code).toBe(1)
    expect((await run('check', 'source/xiamen-2025.md')).code).toBe(0)
  })
})

describe('usage and I/O errors exit 2 with a message, never a stack trace', () => {
  test.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [[], 'Usage: factmark'],
    [['check', '--format', 'xml'], '--format must be one of text, json, github, not "xml"'],
    [['check', '--colour'], "Unknown option '--colour'"],
    [['check', '--src', 'missing'], 'Cannot read the source folder missing: no such file or directory'],
    [['check', 'source/none.md'], 'Cannot read source/none.md: no such file or directory']
  ])('%j', async (argv, message) => {
    const { code, stderr } = await run(...argv)
    expect(code).toBe(2)
    expect(stderr).toContain(message)
    expect(stderr).not.toMatch(/\n\s+at /)
  })

  test('a missing registry', async () => {
    rmSync(path.join(cwd, 'source/metrics.yaml'))
    const { code, stderr } = await run('check')
    expect(code).toBe(2)
    expect(stderr).toBe('factmark: Cannot read source/metrics.yaml: no such file or directory\n')
  })
})

describe('the installed command', () => {
  test('bin/factmark.js runs the compiled CLI', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(repo, 'bin/factmark.js'), 'check'], { cwd })
    expect(stdout).toBe('✔ no problems\n')
  })
})
