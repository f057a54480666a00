import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { libState } from './setup/compiled-lib.js'

// The check that runs before the tests and compiles lib/ when it is not the compilation of src/.
let project: string

/** Write a file of the project with a modification time, in seconds of the epoch. */
function file(name: string, seconds: number): void {
  const full = path.join(project, name)
  mkdirSync(path.dirname(full), { recursive: true })
  writeFileSync(full, '')
  utimesSync(full, seconds, seconds)
}

beforeEach(() => {
  project = mkdtempSync(path.join(tmpdir(), 'factmark-lib-'))
  file('tsconfig.json', 100)
  file('tsconfig.build.json', 100)
  file('src/index.ts', 200)
  file('src/load/read.ts', 200)
  file('src/types/module.d.ts', 200)
  for (const output of ['index.js', 'index.d.ts', 'load/read.js', 'load/read.d.ts']) file(`lib/${output}`, 300)
})
afterEach(() => rmSync(project, { recursive: true, force: true }))

describe('lib/ against src/', () => {
  test('compiled after every source and configuration: up to date', () => {
    expect(libState(project)).toEqual({ stale: [], orphans: [] })
  })

  test('a source changed since: its outputs are stale', () => {
    file('src/load/read.ts', 400)
    expect(libState(project)).toEqual({ stale: ['load/read.js', 'load/read.d.ts'], orphans: [] })
  })

  test('a new source: its outputs are missing', () => {
    file('src/load/write.ts', 250)
    expect(libState(project).stale).toEqual(['load/write.js', 'load/write.d.ts'])
  })

  test('the configuration changed since: every output is stale', () => {
    file('tsconfig.build.json', 400)
    expect(libState(project).stale).toEqual(['index.js', 'index.d.ts', 'load/read.js', 'load/read.d.ts'])
  })

  test('a source moved away: its old outputs are orphans', () => {
    rmSync(path.join(project, 'src/load/read.ts'))
    file('src/read.ts', 250)
    expect(libState(project)).toEqual({ stale: ['read.js', 'read.d.ts'], orphans: ['load/read.d.ts', 'load/read.js'] })
  })

  test('the validators and bundles that npm run compile generates after tsc are no orphans', () => {
    file('lib/model/schema-validators/report.schema.json.cjs', 300)
    file('lib/bundle/check/check.cjs', 300)
    file('lib/bundle/build/stage-site.cjs', 300)
    expect(libState(project)).toEqual({ stale: [], orphans: [] })
  })

  test('no lib/ at all', () => {
    rmSync(path.join(project, 'lib'), { recursive: true })
    expect(libState(project)).toEqual({
      stale: ['index.js', 'index.d.ts', 'load/read.js', 'load/read.d.ts'],
      orphans: []
    })
  })
})
