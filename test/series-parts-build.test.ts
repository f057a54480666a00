import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { build, type BuildOptions } from '../src/index.js'
import type { Series } from '../src/model/schema-types.js'
import { seedRegistry } from './helpers/seed.js'
import { snapshot } from './helpers/snapshot.js'

// Twelve districts, each with a report of 2024 and one of 2025, all about one metric: its series
// has a line for each district and one for the city, with every rule across reports at work on
// each line. Held to a few facts at a time, the build makes the metric a part of whole lines at a
// time (see FactParts), and must write what it writes when it holds them all.
const districts = 12
const cwd = mkdtempSync(path.join(tmpdir(), 'factmark-series-parts-'))
const at = (...parts: string[]) => path.join(cwd, ...parts)
afterAll(() => rmSync(cwd, { recursive: true, force: true }))

const metric = 'sea.good_quality_area_ratio'

function frontMatter(number: string, year: number): string {
  return `---
title: 第${number}区${year}年海洋环境
issuer: 第${number}区生态环境分局
entity: 第${number}区
period: "${year}"
language: zh-CN
slug: district-${number}-${year}
ignore:
  - 第${number}区${year}年海洋环境
---

# 第${number}区${year}年海洋环境
`
}

/** The level of 2024 (80.1%, 80.2%, …), and of 2025, 2.1 points higher. */
const level = (index: number, year: number) => (80 + index / 10 + (year === 2025 ? 2.1 : 0)).toFixed(1)

function report2024(index: number, number: string): string {
  // Every other target is missed, the rest met.
  const target = index % 2 === 0 ? 90 : 80
  return `${frontMatter(number, 2024)}
近岸海域优良水质面积比例为:fact[${level(index, 2024)}%]{metric=${metric}},目标为不低于:fact[不低于${target}%]{metric=${metric} aspect=target period=2025}。
`
}

function report2025(index: number, number: string): string {
  // A district of every three revises its level of 2024, which its report of that year printed,
  // and measures its start and its change from the value revised.
  const revises = index % 3 === 0
  const base = (80 + index / 10 + (revises ? 0.5 : 0)).toFixed(1)
  const change = (Number(level(index, 2025)) - Number(base)).toFixed(1)
  // Every fourth published no report of 2024 and does not say its level: that is inferred from
  // the change, and its target is for 2026, pending.
  const restated =
    index % 4 === 0
      ? ''
      : `上年为:fact[${base}%]{metric=${metric} period=2024${revises ? ` revises=district-${number}-2024` : ''}}。`
  const next = index % 4 === 0 ? `下年目标为:fact[不低于85%]{metric=${metric} aspect=target period=2026}。` : ''
  const city = index === 1 ? `全市为:fact[84.8%]{metric=${metric} entity=厦门市}。` : ''
  return `${frontMatter(number, 2025)}
近岸海域优良水质面积比例由:fact[${base}%]{metric=${metric} aspect=start}提升至:fact[${level(index, 2025)}%]{metric=${metric}},同比提升:fact[${change}个百分点]{metric=${metric} aspect=increase base=2024}。${restated}${city}${next}
`
}

const options = (out: string, extra: BuildOptions = {}): BuildOptions => ({
  cwd,
  out,
  cache: false,
  cacheFolder: at(`${out}-cache`),
  threads: 0,
  ...extra
})

describe('a metric of many lines, made a part at a time', () => {
  beforeAll(() => {
    mkdirSync(at('source'), { recursive: true })
    writeFileSync(at('source/metrics.yaml'), seedRegistry.text)
    for (let index = 1; index <= districts; index++) {
      const number = String(index).padStart(2, '0')
      if (index % 4 !== 0) writeFileSync(at(`source/district-${number}-2024.md`), report2024(index, number))
      writeFileSync(at(`source/district-${number}-2025.md`), report2025(index, number))
    }
  })

  test('gives the same site and the same messages as when the facts are held at once', async () => {
    const parts = await build(options('parts', { factsHeld: 4 }))
    const whole = await build(options('whole'))
    expect(parts.ok && whole.ok).toBe(true)
    expect(snapshot(at('parts'))).toEqual(snapshot(at('whole')))
    const messages = (built: typeof whole) => (built.ok ? built.value.result.diagnostics : [])
    expect(messages(parts)).toEqual(messages(whole))
    expect(messages(whole).map((message) => message.ruleId)).toContain('change-base-unpublished')
  })

  test('lists its records line by line: the points, the targets and the checks of each line together', () => {
    const series = JSON.parse(readFileSync(at(`whole/series/${metric}.json`), 'utf8')) as Series
    // The city's line, then the districts' by the code points of their names.
    const inOrder = (values: readonly string[]) => [...new Set(values)]
    const district = (number: number) => `第${String(number).padStart(2, '0')}区`
    const all = Array.from({ length: districts }, (_, at) => at + 1)
    expect(inOrder(series.points.map((point) => point.entity))).toEqual(['厦门市', ...all.map(district)])
    expect(inOrder(series.targets.map((target) => target.entity))).toEqual(all.map(district))
    // Each line's checks together, in the order they are made: the restatement, the start, the
    // change. No report checks the districts that published nothing for 2024.
    expect(series.checks.map((check) => `${check.statement.report} ${check.kind}`)).toEqual(
      all
        .filter((number) => number % 4 !== 0)
        .flatMap((number) =>
          ['restatement', 'start', 'change'].map((kind) => `district-${String(number).padStart(2, '0')}-2025 ${kind}`)
        )
    )
    expect(series.entity).toBe('第01区')
    expect(series.points).toHaveLength(1 + districts * 2)
    expect(series.targets.map((target) => target.evaluation.status)).toEqual(
      Array.from({ length: districts }, (_, at) =>
        (at + 1) % 4 === 0 ? 'pending' : (at + 1) % 2 === 0 ? 'missed' : 'met'
      )
    )
  })
})
