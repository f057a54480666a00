import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { runCli } from './helpers/run-cli.js'

// An editor who opens a terminal in the project's source/ (or deeper) and runs factmark there is
// told where the project is; never to start another project inside it.
let project: string
beforeAll(async () => {
  project = mkdtempSync(path.join(tmpdir(), 'factmark-hint-'))
  expect((await runCli(project, 'init')).code).toBe(0)
  mkdirSync(path.join(project, 'source', 'notes'))
})
afterAll(() => rmSync(project, { recursive: true, force: true }))

const inSource =
  'this folder holds metrics.yaml, so it is itself a source folder: run factmark from the project folder above it (cd ..), or pass --src .'

describe('a command run where the source folder is not', () => {
  test.each([
    ['check', ['check'], `factmark: Cannot read the source folder source: no such file or directory; ${inSource}\n`],
    ['new', ['new', 'report-2024'], `factmark: there is no source folder source/: ${inSource}\n`],
    ['watch', ['watch'], `factmark: there is no source folder source/ to watch: ${inSource}\n`]
  ])('%s, in source/, points at the project', async (_name, argv, stderr) => {
    const run = await runCli(path.join(project, 'source'), ...argv)
    expect([run.code, run.stderr]).toEqual([2, stderr])
  })

  test('check, in a folder inside source/, names the project by its path', async () => {
    const run = await runCli(path.join(project, 'source', 'notes'), 'check')
    expect([run.code, run.stderr]).toEqual([
      2,
      'factmark: Cannot read the source folder source: no such file or directory; the project is ../../, whose source/ holds metrics.yaml: run factmark there (cd ../..)\n'
    ])
  })

  test('init, in source/, starts no project inside it', async () => {
    const before = readdirSync(path.join(project, 'source')).sort()
    const run = await runCli(path.join(project, 'source'), 'init')
    expect([run.code, run.stderr]).toEqual([
      2,
      'factmark: this folder holds metrics.yaml, so it is the source folder of a project already: run init in a folder of its own to start another\n'
    ])
    expect(readdirSync(path.join(project, 'source')).sort()).toEqual(before)
  })

  test('watch, where there is no project, says to start one and does not serve', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'factmark-hint-empty-'))
    try {
      const run = await runCli(empty, 'watch')
      expect([run.code, run.stderr]).toEqual([
        2,
        'factmark: there is no source folder source/ to watch: run `npx factmark init` to start a project\n'
      ])
    } finally {
      rmSync(empty, { recursive: true, force: true })
    }
  })
})
