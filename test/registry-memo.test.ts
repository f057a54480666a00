import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { compiledRegistry } from '../src/build/registry-memo.js'
import { seedRegistry } from './helpers/seed.js'

// Threads compile reports against the registry as an earlier build read it, kept in the cache by
// the environment (whose digest covers the registry's bytes): never stale, and read only when the
// build may use its cache.

let folder: string
const source = { path: seedRegistry.path, text: new TextEncoder().encode(seedRegistry.text) }
const kept = (environment: string) => path.join(folder, 'registry', `${environment}.json`)
const labelOf = (environment: string, reuse: boolean) =>
  compiledRegistry(source, environment, { folder, reuse })?.metrics.get('air.pm25')?.label.zh

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'factmark-registry-'))
})
afterEach(() => rmSync(folder, { recursive: true, force: true }))

test('is kept in the cache, read from there by a build that may use it, and the same as read from its YAML', () => {
  const read = compiledRegistry(source, 'first', { folder, reuse: false })
  const keptText = readFileSync(kept('first'), 'utf8')
  // Another environment, as the next build of another factmark would have: only the file can answer.
  writeFileSync(kept('second'), keptText)
  expect(compiledRegistry(source, 'second', { folder, reuse: true })).toEqual(read)
})

test('is taken from the cache only by a build that may use it; a cold build reads the YAML and keeps it again', () => {
  const real = compiledRegistry(source, 'real', { folder, reuse: false })?.metrics.get('air.pm25')?.label.zh
  expect(real).toBe('PM2.5年均浓度')
  const altered = (environment: string) =>
    writeFileSync(kept(environment), readFileSync(kept('real'), 'utf8').replace(`"zh":"${real}"`, '"zh":"改过的名称"'))
  altered('cold')
  expect(labelOf('cold', false)).toBe(real)
  expect(readFileSync(kept('cold'), 'utf8')).toBe(readFileSync(kept('real'), 'utf8'))
  altered('warm')
  expect(labelOf('warm', true)).toBe('改过的名称')
})
