import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, test } from 'vitest'
import { writeCollectionProject } from './helpers/collection.js'
import { writeSeedProject } from './helpers/seed.js'

const repo = path.resolve(new URL('..', import.meta.url).pathname)
const readme = readFileSync(path.join(repo, 'README.md'), 'utf8')
const library = readFileSync(path.join(repo, 'docs/library.md'), 'utf8')
const outputs = readFileSync(path.join(repo, 'docs/outputs.md'), 'utf8')

describe('the README', () => {
  test('opens with the two set-up commands', () => {
    expect(readme.split('\n').slice(0, 6).join('\n')).toBe(
      '# factmark\n\n```sh\nnpm ci && npm run build   # install, then build dist/ from source/\nnpm cit                   # install, then run the tests\n```'
    )
  })

  test('library example runs and prints what docs/library.md shows', async () => {
    const section = library.slice(library.indexOf('# Library'))
    const code = /```js\n([\s\S]*?)```/.exec(section)?.[1] ?? ''
    const shown = /```text\n([\s\S]*?)```/.exec(section)?.[1] ?? ''
    expect(code).toContain("from 'factmark'")
    // A project of the seed that has factmark installed: imported by its package name, as a user would, through
    // its exports. The output shown is the seed's, whatever reports source/ holds today.
    const cwd = mkdtempSync(path.join(tmpdir(), 'factmark-readme-'))
    try {
      writeSeedProject(cwd)
      mkdirSync(path.join(cwd, 'node_modules'))
      symlinkSync(repo, path.join(cwd, 'node_modules/factmark'))
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', code], { cwd })
      expect(stdout).toBe(shown)
    } finally {
      rmSync(cwd, { recursive: true, force: true })
    }
  })

  test('DuckDB example over dist/facts.parquet runs and prints what docs/outputs.md shows', async () => {
    const section = outputs.slice(outputs.indexOf('## One table of all reports'))
    const code = /```js\n([\s\S]*?)```/.exec(section)?.[1] ?? ''
    const shown = /```text\n([\s\S]*?)```/.exec(section)?.[1] ?? ''
    expect(code).toContain("FROM 'dist/facts.parquet'")
    // A project of the reports of 2023 to 2025, built, with factmark and DuckDB installed.
    const cwd = mkdtempSync(path.join(tmpdir(), 'factmark-readme-'))
    try {
      writeCollectionProject(cwd)
      mkdirSync(path.join(cwd, 'node_modules'))
      symlinkSync(path.join(repo, 'node_modules/@duckdb'), path.join(cwd, 'node_modules/@duckdb'))
      symlinkSync(repo, path.join(cwd, 'node_modules/factmark'))
      await promisify(execFile)(process.execPath, [path.join(repo, 'bin/factmark.js'), 'build'], { cwd })
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', code], { cwd })
      expect(stdout).toBe(shown)

      // The section on reports over the years shows a message of `factmark check` and an entry of the series index.
      const years = outputs.slice(
        outputs.indexOf('## Reports over the years'),
        outputs.indexOf('## One table of all reports')
      )
      const message = /```console\n\$ factmark check\n([\s\S]*?)```/.exec(years)?.[1] ?? ''
      const checked = await promisify(execFile)(process.execPath, [path.join(repo, 'bin/factmark.js'), 'check'], {
        cwd
      })
      expect(message).not.toBe('')
      expect(checked.stdout).toContain(message)
      const entry = JSON.parse(`{${/```json\n([\s\S]*?),\n```/.exec(years)?.[1] ?? ''}}`) as Record<string, unknown>
      const index = JSON.parse(readFileSync(path.join(cwd, 'dist/series/index.json'), 'utf8')) as {
        metrics: Array<Record<string, unknown>>
      }
      expect(index.metrics.find((metric) => metric['id'] === 'air.aqi_composite')).toMatchObject(entry)
    } finally {
      rmSync(cwd, { recursive: true, force: true })
    }
  })
})
