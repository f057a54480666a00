import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { compiledRegistry } from '../src/build/registry-memo.js'
import { checkedRegistry } from '../src/cache/checked-registry.js'
import { toDiagnostic } from '../src/diagnostics/report.js'
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

// check keeps the registry by a digest of factmark and of the registry's path and bytes, with
// its messages and the place of each metric's key, so that a new process need not parse its YAML.

// A registry with a message to keep: a metric without a definition is a warning.
const undefinedMetric = `  test.undefined_count:
    label: { zh: 未定义的计数, en: A count without a definition }
    kind: count
    unit: "1"
    better: neutral
`
const warned = {
  path: seedRegistry.path,
  text: seedRegistry.text.replace('metrics:\n', `metrics:\n${undefinedMetric}`)
}
const checkedFiles = () => readdirSync(path.join(folder, 'checked-registry'))

test('check keeps a valid registry with its messages and the places of its keys, the same as read from its YAML', () => {
  const read = checkedRegistry(warned, { folder, reuse: true })
  expect(checkedFiles()).toHaveLength(1)
  const kept = checkedRegistry(warned, { folder, reuse: true })
  expect(kept.registry).toEqual(read.registry)
  expect(kept.file.messages.map(toDiagnostic)).toEqual(read.file.messages.map(toDiagnostic))
  expect(read.file.messages.map((message) => [message.ruleId, message.line, message.column])).toEqual([
    ['metric-definition-missing', 7, 3]
  ])
  for (const id of read.registry?.metrics.keys() ?? [])
    expect(kept.locate(['metrics', id], 'key')).toEqual(read.locate(['metrics', id], 'key'))
  // Any other place is found in the YAML, parsed then.
  expect(kept.locate(['metrics', 'air.pm25', 'unit'])).toEqual(read.locate(['metrics', 'air.pm25', 'unit']))
  expect(kept.locate(['metrics', 'air.pm25', 'unit']).start).toMatchObject({ line: expect.any(Number) as number })
})

test('check reads the kept registry only when it may use the cache, and keeps another for other bytes', () => {
  checkedRegistry(warned, { folder, reuse: true })
  const [file] = checkedFiles()
  const keptFile = path.join(folder, 'checked-registry', file as string)
  writeFileSync(keptFile, readFileSync(keptFile, 'utf8').replace('"zh":"PM2.5年均浓度"', '"zh":"改过的名称"'))
  const label = (reuse: boolean) =>
    checkedRegistry(warned, { folder, reuse }).registry?.metrics.get('air.pm25')?.label.zh
  expect(label(true)).toBe('改过的名称')
  expect(label(false)).toBe('PM2.5年均浓度')
  expect(label(true)).toBe('PM2.5年均浓度')
  checkedRegistry(seedRegistry, { folder, reuse: true })
  expect(checkedFiles()).toHaveLength(2)
})

test('check does not keep a registry with errors, which is read again until it is mended', () => {
  const broken = {
    path: seedRegistry.path,
    text: warned.text.replace('kind: count\n    unit: "1"\n    better: neutral\n', 'kind: count\n')
  }
  const loaded = checkedRegistry(broken, { folder, reuse: true })
  expect(loaded.registry).toBeUndefined()
  expect(loaded.file.messages.some((message) => message.fatal === true)).toBe(true)
  expect(() => checkedFiles()).toThrow(/ENOENT/)
})

test('check marks the kept registry it uses as used now, which pruning keeps it by', () => {
  checkedRegistry(warned, { folder, reuse: true })
  const keptFile = path.join(folder, 'checked-registry', checkedFiles()[0] as string)
  const weekAgo = Date.now() / 1000 - 7 * 24 * 60 * 60
  utimesSync(keptFile, weekAgo, weekAgo)
  checkedRegistry(warned, { folder, reuse: true })
  expect(statSync(keptFile).mtimeMs).toBeGreaterThan(Date.now() - 60 * 1000)
})
