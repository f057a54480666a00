import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { spillFolder } from '../src/cache/spill-folder.js'

// A build killed while a collection waited on disk leaves its folder in the cache; the next build
// removes it, and nothing else.

let cache: string
beforeEach(() => {
  cache = mkdtempSync(path.join(tmpdir(), 'factmark-spill-'))
})
afterEach(() => rmSync(cache, { recursive: true, force: true }))

test('the folders of processes that have ended are removed; a running one’s and any other name are kept', () => {
  const parent = path.join(cache, 'spill')
  // Linux gives no process an id above 4,194,304.
  const ended = '4194305-0123456789ab'
  const running = `${process.pid}-0123456789ab`
  for (const name of [ended, running, 'notes', '4194305-kept'])
    mkdirSync(path.join(parent, name, 'facts'), { recursive: true })
  const folder = spillFolder(cache)
  expect(readdirSync(parent).sort()).toEqual(['4194305-kept', running, 'notes'].sort())
  expect(path.dirname(folder)).toBe(parent)
  expect(path.basename(folder)).toMatch(new RegExp(`^${process.pid}-[0-9a-f]{12}$`))
  expect(existsSync(folder)).toBe(false)
  expect(spillFolder(cache)).not.toBe(folder)
})

test('a cache no build has spilled into is left as it is', () => {
  spillFolder(cache)
  expect(readdirSync(cache)).toEqual([])
})
