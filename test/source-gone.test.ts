import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, expect, test } from 'vitest'
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
  code: 'FACTMARK_SOURCES',
  message:
    'Cannot read source/gone.md again to compile it: no such file or directory; it was removed, renamed or locked after the sources were read',
  place: { path: 'source/gone.md' }
}

let work: string
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'factmark-gone-'))
})
afterEach(() => rmSync(work, { recursive: true, force: true }))

const source = () => ({ path: 'source/gone.md', file: path.join(work, 'gone.md') })
const buildTask = () => ({ source: source(), registry, environment: 'test', root: path.join(work, 'site') })

test.each([
  ['in this thread', 1, 0],
  ['on threads', 8, 2]
])('a build task %s whose report is gone fails with a FactmarkError that says so', async (_where, tasks, threads) => {
  const runner = unitRunner(tasks, { threads })
  expect(runner.threads).toBe(threads === 0 ? 1 : threads)
  try {
    const failed = await runner.run(buildTask()).catch((error: unknown) => error)
    expect(failed).toBeInstanceOf(FactmarkError)
    expect(failed).toMatchObject(gone)
  } finally {
    await runner.close()
  }
})

test('a check task on threads whose report is gone fails with a FactmarkError that says so', async () => {
  const runner = checkRunner(8, 2)
  expect(runner).toBeDefined()
  try {
    const task = { source: source(), registry, environment: 'test', cacheFolder: path.join(work, 'cache') }
    const failed = await runner?.run(task).catch((error: unknown) => error)
    expect(failed).toBeInstanceOf(FactmarkError)
    expect(failed).toMatchObject(gone)
  } finally {
    await runner?.close()
  }
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
