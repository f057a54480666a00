import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { contentDigest } from '../src/cache/cache-folder.js'
import { unitKey } from '../src/build/build-cache.js'
import { unitPlace } from '../src/build/check-unit-file.js'
import { checkUnit } from '../src/build/check-unit-task.js'
import { checkUnits } from '../src/build/check-units.js'
import { checkRunner, unitRunner } from '../src/build/unit-pool.js'
import { loadRegistry } from '../src/load/registry.js'
import { readingSource } from '../src/load/task-source.js'
import { FactmarkError } from '../src/model/factmark-error.js'

// A report removed or renamed after the sources were read, while the reports compile (an editor
// renaming files under watch), fails the build or the check as sources that cannot be read do:
// with what happened, not as a fault of factmark.

const registry = {
  path: 'source/metrics.yaml',
  text: readFileSync(new URL('fixtures/metrics.yaml', import.meta.url), 'utf8')
}
const present = fileURLToPath(new URL('fixtures/series/series-2025.md', import.meta.url))
const gone = {
  code: 'FACTMARK_SOURCE_GONE',
  message:
    'Cannot read source/gone.md again to compile it: no such file or directory; it was removed, renamed or replaced after the sources were read',
  place: { path: 'source/gone.md' }
}

let work: string
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'factmark-gone-'))
})
afterEach(() => rmSync(work, { recursive: true, force: true }))

const source = () => ({ path: 'source/gone.md', file: path.join(work, 'gone.md') })
const buildTask = () => ({ source: source(), registry, environment: 'test', root: path.join(work, 'site') })
const checkTask = () => ({ source: source(), registry, environment: 'test', cacheFolder: path.join(work, 'cache') })

// What may stand in a report's place when its thread reads it again: nothing, a folder, a pipe
// (which a read would wait on for ever).
const replacements: Array<[string, () => void, string]> = [
  ['removed', () => undefined, 'no such file or directory'],
  ['a folder', () => mkdirSync(source().file), 'it is a folder, not a file'],
  ['a named pipe', () => execFileSync('mkfifo', [source().file]), 'it is a named pipe (FIFO), not a file']
]
const goneAs = (reason: string) => ({
  ...gone,
  message: `Cannot read source/gone.md again to compile it: ${reason}; it was removed, renamed or replaced after the sources were read`
})

describe.each(replacements)('a report %s after the sources were read', (_name, replace, reason) => {
  beforeEach(replace)

  test.each([
    ['in this thread', 1, 0],
    ['on threads', 8, 2]
  ])('fails a build task %s with a FactmarkError that says so', async (_where, tasks, threads) => {
    const runner = unitRunner(tasks, { threads })
    expect(runner.threads).toBe(threads === 0 ? 1 : threads)
    try {
      const failed = await runner.run(buildTask()).catch((error: unknown) => error)
      expect(failed).toBeInstanceOf(FactmarkError)
      expect(failed).toMatchObject(goneAs(reason))
    } finally {
      await runner.close()
    }
  })

  test('fails a check task on threads with a FactmarkError that says so', async () => {
    const runner = checkRunner(8, 2)
    expect(runner).toBeDefined()
    try {
      const failed = await runner?.run(checkTask()).catch((error: unknown) => error)
      expect(failed).toBeInstanceOf(FactmarkError)
      expect(failed).toMatchObject(goneAs(reason))
    } finally {
      await runner?.close()
    }
  })
})

test('a report grown too large to read since the sources were read is compiled from nothing, to say so', () => {
  writeFileSync(source().file, '')
  truncateSync(source().file, 40 * 1024 * 1024)
  const read = loadRegistry(registry.path, registry.text)
  if (!read.registry) throw new Error('the fixture registry must be valid')
  const done = checkUnit(checkTask(), read.registry)
  // Kept as a report too large at the first read is: by its size, not by bytes it never read.
  const size = 40 * 1024 * 1024
  const key = unitKey('test', { path: 'source/gone.md', unreadSize: size }, contentDigest(new Uint8Array(0)))
  expect(done.place).toBe(unitPlace(path.join(work, 'cache'), key))
  expect(done.head.diagnostics.map((diagnostic) => `${diagnostic.ruleId} ${diagnostic.message}`)).toEqual([
    'input-limit The report is 40 MB; factmark reads reports of at most 8 MB (of UTF-8 text, front matter included): split it into several reports'
  ])
})

test('a check in this thread whose report is gone fails with a FactmarkError that says so', async () => {
  const read = loadRegistry(registry.path, registry.text)
  if (!read.registry) throw new Error('the fixture registry must be valid')
  const failed = await checkUnits(
    { reports: [source()], registry, checkUnusedMetrics: true },
    { ...read, registry: read.registry },
    path.join(work, 'cache'),
    ['digest'],
    { threads: 0 }
  ).catch((error: unknown) => error)
  expect(failed).toBeInstanceOf(FactmarkError)
  expect(failed).toMatchObject(gone)
})

test('a task that fails while its report can be read fails as it did', async () => {
  const fault = new Error('a fault of factmark')
  const failed = await readingSource({ path: 'series/series-2025.md', file: present }, () => {
    throw fault
  }).catch((error: unknown) => error)
  expect(failed).toBe(fault)
  // A report too large to read is never read: its task's failure is its own.
  const large = await readingSource({ ...source(), unreadSize: 40 * 1024 * 1024 }, () => {
    throw fault
  }).catch((error: unknown) => error)
  expect(large).toBe(fault)
})

// A page drawn again, or a unit kept again, beside the files its report's compile staged, must be
// of the same bytes: a report saved again since fails the task, and the build starts over.
describe('a build task pinned to the bytes its report was compiled from', () => {
  const pinned = (digest: string) => ({
    ...buildTask(),
    source: { path: 'source/saved.md', file: path.join(work, 'saved.md'), digest },
    keepOnly: true
  })
  const compiled = readFileSync(present)
  const savedAgain = {
    code: 'FACTMARK_SAVED_AGAIN',
    message:
      'source/saved.md was saved again while the build used it, after it was compiled: build again to publish it as it is now',
    place: { path: 'source/saved.md' }
  }

  test.each([
    ['in this thread', 1, 0],
    ['on threads', 8, 2]
  ])('fails %s when the report was saved again, and runs when it was not', async (_where, tasks, threads) => {
    writeFileSync(path.join(work, 'saved.md'), compiled)
    const runner = unitRunner(tasks, { threads })
    try {
      const done = await runner.run(pinned(contentDigest(compiled)))
      expect(done.digest).toBe(contentDigest(compiled))
      writeFileSync(path.join(work, 'saved.md'), `${compiled.toString('utf8')}\n本句为再次保存所加。\n`)
      const failed = await runner.run(pinned(contentDigest(compiled))).catch((error: unknown) => error)
      expect(failed).toBeInstanceOf(FactmarkError)
      expect(failed).toMatchObject(savedAgain)
    } finally {
      await runner.close()
    }
  })
})
