import { describe, expect, test } from 'vitest'
import { unitPool } from '../src/build/compact-unit.js'
import type { ReportSummary, ReportUnit } from '../src/build/report-unit.js'

const unit = (path: string, metrics: string[]): ReportUnit => ({
  path,
  coverage: { path, tagged: 0, untagged: 0 },
  metrics,
  diagnostics: [],
  slugPlace: { start: { line: 2, column: 7, offset: 10 }, end: { line: 2, column: 20, offset: 23 } },
  entityPlace: { start: { line: 4, column: 9, offset: 40 }, end: { line: 4, column: 12, offset: 43 } }
})

/** The summary of a report of 2025 by the bureau, ignoring `ignore` when it is given. */
function summary(slug: string, ignore?: string[]): ReportSummary {
  const report = {
    title: `${slug} 年报`,
    issuer: '厦门市生态环境局',
    entity: '厦门市',
    period: '2025',
    language: 'zh-CN',
    slug
  }
  return {
    path: `${slug}.md`,
    frontMatter: { ...report, ...(ignore && { ignore }), published: '2026-01-20' },
    bundle: { report: { ...report, source: `${slug}.md` }, metricIds: [], facts: [] },
    factDigests: {}
  }
}

describe('unitPool', () => {
  test('holds one list for the reports that name the same metrics, and the list each names', () => {
    const pool = unitPool()
    const first = pool(unit('a.md', ['air.pm25', 'water.section_class']))
    const same = pool(unit('b.md', ['air.pm25', 'water.section_class']))
    const other = pool(unit('c.md', ['air.pm25']))
    // Lists that join alike but differ: a metric of an annotation with errors may hold any text.
    const joined = pool(unit('d.md', ['air.pm25\nwater.section_class']))
    expect(same.metrics).toBe(first.metrics)
    expect(first.metrics).toEqual(['air.pm25', 'water.section_class'])
    expect(other.metrics).toEqual(['air.pm25'])
    expect(joined.metrics).toEqual(['air.pm25\nwater.section_class'])
    expect(other.metrics[0]).toBe(first.metrics[0])
    expect([first.path, same.path, other.path]).toEqual(['a.md', 'b.md', 'c.md'])
  })

  test('keeps each pool to itself', () => {
    const metrics = ['air.pm25']
    expect(unitPool()(unit('a.md', metrics)).metrics).not.toBe(unitPool()(unit('a.md', metrics)).metrics)
  })

  test('holds one list for the summaries whose front matter ignores the same phrases, in its place', () => {
    const pool = unitPool()
    const first = pool.summary(summary('a', ['第30届联合国气候变化大会', '2021—2024年度']))
    const same = pool.summary(summary('b', ['第30届联合国气候变化大会', '2021—2024年度']))
    const other = pool.summary(summary('c', ['第30届联合国气候变化大会']))
    const none = pool.summary(summary('d'))
    expect(same.frontMatter.ignore).toBe(first.frontMatter.ignore)
    expect(other.frontMatter.ignore).toEqual(['第30届联合国气候变化大会'])
    expect(other.frontMatter.ignore?.[0]).toBe(first.frontMatter.ignore?.[0])
    expect(none.frontMatter).not.toHaveProperty('ignore')
    // The front matter as written, its members in their order: the site's files show it.
    expect(JSON.stringify(same)).toBe(JSON.stringify(summary('b', ['第30届联合国气候变化大会', '2021—2024年度'])))
  })
})
