import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'

// Each load runs in a process of its own, as the command line does: within one, V8 compiles a
// script it has seen from its own memory, and neither takes nor refuses a cache. The test setup
// compiles lib/ from src/.
const codeCache = new URL('../lib/cache/code-cache.js', import.meta.url).href

let folder: string
const at = (file: string) => path.join(folder, file)
const cached = () => (existsSync(at('cache/code')) ? readdirSync(at('cache/code')).sort() : [])

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'factmark-code-cache-'))
  writeFileSync(at('beside.cjs'), 'module.exports = 7\n')
  writeBundle('times')
})

afterEach(() => {
  rmSync(folder, { recursive: true, force: true })
})

/**
 * A CommonJS bundle that requires a module of node, and a module of its own when its function
 * runs (see loadBundle), and exports that function.
 */
function writeBundle(name: string): void {
  writeFileSync(
    at('bundle.cjs'),
    `const path = require('node:path')\nexports.${name} = (n) => n * require('./beside.cjs')\nexports.place = path.basename(__dirname) + '/' + path.basename(__filename)\n`
  )
}

/** Load the bundle in a new process, call the function it exports on 6, and keep its code unless told not to. */
function load(
  name = 'times',
  { cache = true, keep = true }: { cache?: boolean; keep?: boolean } = {}
): { fromCache: boolean; value: number; place: string } {
  const script = `import { loadBundle } from ${JSON.stringify(codeCache)}
const bundle = loadBundle(${JSON.stringify(at('bundle.cjs'))}, ${cache ? JSON.stringify(at('cache')) : 'undefined'})
const value = bundle.exports[${JSON.stringify(name)}](6)
${keep ? 'bundle.keep()' : ''}
console.log(JSON.stringify({ fromCache: bundle.fromCache, value, place: bundle.exports.place }))`
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })
  return JSON.parse(output) as { fromCache: boolean; value: number; place: string }
}

test('runs the bundle as node would, with its own require, __dirname and __filename', () => {
  expect(load('times', { keep: false })).toEqual({
    fromCache: false,
    value: 42,
    place: `${path.basename(folder)}/bundle.cjs`
  })
  expect(cached()).toEqual([])
})

test('keeps V8’s code after the first run, and the next process takes it', () => {
  expect(load().fromCache).toBe(false)
  expect(cached()).toContainEqual(expect.stringMatching(/^bundle\.cjs-[0-9a-f]{8}-[0-9a-f]{16}\.v8$/))
  expect(load()).toMatchObject({ fromCache: true, value: 42 })
})

test('the modules of the bundle it requires from its folder are kept and taken too, each once', () => {
  load()
  expect(cached()).toEqual([
    expect.stringMatching(/^beside\.cjs-[0-9a-f]{8}-[0-9a-f]{16}\.v8$/),
    expect.stringMatching(/^bundle\.cjs-/)
  ])
  const written = cached().map((file) => statSync(at(`cache/code/${file}`)).mtimeMs)
  expect(load()).toMatchObject({ fromCache: true, value: 42 })
  // Taken, so not written again.
  expect(cached().map((file) => statSync(at(`cache/code/${file}`)).mtimeMs)).toEqual(written)
})

test('a cache that V8 refuses is made again; one of another version of the bundle is replaced', () => {
  load()
  const first = cached().find((file) => file.startsWith('bundle.cjs-'))
  writeFileSync(at(`cache/code/${String(first)}`), 'not a code cache')
  expect(load()).toMatchObject({ fromCache: false, value: 42 })
  expect(load().fromCache).toBe(true)
  // Another bundle of the same length, which V8 alone would take for the same.
  writeBundle('twice')
  expect(load('twice')).toMatchObject({ fromCache: false, value: 42 })
  expect(cached().filter((file) => file.startsWith('bundle.cjs-'))).toHaveLength(1)
  expect(cached()).not.toContain(first)
  expect(load('twice').fromCache).toBe(true)
})

test('without a cache folder (--no-cache), nothing is read or written', () => {
  expect(load('times', { cache: false }).fromCache).toBe(false)
  expect(existsSync(at('cache'))).toBe(false)
})
