import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { build, type BuildOptions } from '../src/index.js'
import type { Manifest } from '../src/model/schema-types.js'
import { seedRegistry } from './helpers/seed.js'
import { snapshot } from './helpers/snapshot.js'

// A province's collection in small: 205 districts each publish a report of one figure, so the
// metric's series has a line for each, more than one page holds.
const districts = 205
const cwd = mkdtempSync(path.join(tmpdir(), 'factmark-series-pages-'))
const at = (...parts: string[]) => path.join(cwd, ...parts)
afterAll(() => rmSync(cwd, { recursive: true, force: true }))

const report = (index: number) => {
  const number = String(index).padStart(3, '0')
  return `---
title: 第${number}区2025年空气质量
issuer: 第${number}区生态环境分局
entity: 第${number}区
period: "2025"
language: zh-CN
slug: district-${number}
ignore:
  - 第${number}区2025年空气质量
---

# 第${number}区2025年空气质量

PM2.5年均浓度为:fact[${(15 + index / 100).toFixed(2)}]{metric=air.pm25 unit=微克/立方米}。
`
}

function writeDistricts(count: number): void {
  rmSync(at('source'), { recursive: true, force: true })
  mkdirSync(at('source'), { recursive: true })
  writeFileSync(at('source/metrics.yaml'), seedRegistry.text)
  for (let index = 1; index <= count; index++) writeFileSync(at(`source/district-${index}.md`), report(index))
}

const options = (extra: BuildOptions = {}): BuildOptions => ({ cwd, cacheFolder: at('cache'), threads: 0, ...extra })
const cold = (out: string, extra: BuildOptions = {}) =>
  build(options({ out, cache: false, cacheFolder: at(`${out}-cache`), ...extra }))
const pages = (out: string) =>
  Object.keys(snapshot(at(out)))
    .filter((file) => file.startsWith('series/air.pm25'))
    .sort()

describe('a series of more lines than a page holds', () => {
  beforeAll(async () => {
    writeDistricts(districts)
    expect((await build(options())).ok).toBe(true)
  })

  test('is written as pages, each in the manifest', () => {
    expect(pages('dist')).toEqual(['series/air.pm25-2.html', 'series/air.pm25.html', 'series/air.pm25.json'])
    const manifest = JSON.parse(readFileSync(at('dist/manifest.json'), 'utf8')) as Manifest
    const listed = manifest.files.map((file) => file.path)
    expect(listed).toContain('series/air.pm25.html')
    expect(listed).toContain('series/air.pm25-2.html')
    const second = readFileSync(at('dist/series/air.pm25-2.html'), 'utf8')
    expect(second.match(/<tr>\n<td>2025<\/td>/g)).toHaveLength(5)
  })

  test('is the same when the facts are more than a build holds at once', async () => {
    expect((await cold('grouped', { factsHeld: 5 })).ok).toBe(true)
    expect((await cold('cold')).ok).toBe(true)
    expect(snapshot(at('grouped'))).toEqual(snapshot(at('cold')))
    expect(snapshot(at('dist'))).toEqual(snapshot(at('cold')))
  })

  test('loses its last page when reports are removed, incremental or cold', async () => {
    for (let index = 201; index <= districts; index++) rmSync(at(`source/district-${index}.md`))
    expect((await build(options())).ok).toBe(true)
    expect(pages('dist')).toEqual(['series/air.pm25.html', 'series/air.pm25.json'])
    expect((await cold('cold')).ok).toBe(true)
    expect(snapshot(at('dist'))).toEqual(snapshot(at('cold')))
  })
})
