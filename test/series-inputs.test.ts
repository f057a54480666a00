import { describe, expect, test } from 'vitest'
import { factDigests, headOf } from '../src/build/report-head.js'
import type { ReportSummary } from '../src/build/report-unit.js'
import { inputsKey, movedSum, seriesInputs } from '../src/build/series-inputs.js'
import type { CollectionFact } from '../src/model/compiled.js'

// A series is taken as the last build made it when its key is the same: the key must change with
// anything the series is made of, or a build would publish a stale one, and with nothing else, or
// a corrected figure would make every series again.

const fact = (metric: string, value: number, line = 10): CollectionFact =>
  ({
    id: `${metric}-${line}`,
    metric,
    aspect: 'level',
    value,
    unit: '%',
    period: '2025',
    entity: '厦门市',
    dimensions: {},
    source: { file: 'a.md', start: { line, column: 1 }, end: { line, column: 5 } }
  }) as unknown as CollectionFact

const summary = (slug: string, facts: CollectionFact[], title = `${slug} 年报`): ReportSummary => {
  const report = { title, issuer: '厦门市生态环境局', entity: '厦门市', period: '2025', language: 'zh-CN', slug }
  return {
    path: `source/${slug}.md`,
    frontMatter: { ...report, published: '2026-01-20' },
    bundle: { report: { ...report, source: `${slug}.md` }, metricIds: [], facts },
    factDigests: factDigests(facts)
  }
}

const a = summary('a', [fact('air.pm25', 20), fact('water.cod', 3, 12)])
const b = summary('b', [fact('air.pm25', 21), fact('water.cod', 4, 12)])

/** The keys of both metrics' series over these reports. */
function keys(...reports: ReportSummary[]): Array<string | undefined> {
  const inputs = seriesInputs()
  for (const report of reports) inputs.add(headOf(report))
  return [inputs.keyOf('air.pm25'), inputs.keyOf('water.cod')]
}

const base = keys(a, b)

describe('the key of each series', () => {
  test.each<[string, ReportSummary[], [boolean, boolean]]>([
    ['nothing changed', [a, summary('b', [fact('air.pm25', 21), fact('water.cod', 4, 12)])], [true, true]],
    ['a figure of one metric', [a, summary('b', [fact('air.pm25', 22), fact('water.cod', 4, 12)])], [false, true]],
    [
      'a fact of one metric moved',
      [a, summary('b', [fact('air.pm25', 21, 11), fact('water.cod', 4, 12)])],
      [false, true]
    ],
    [
      'a fact of one metric more',
      [a, summary('b', [fact('air.pm25', 21), fact('air.pm25', 9, 11), fact('water.cod', 4, 12)])],
      [false, true]
    ],
    ['a metric no longer printed', [a, summary('b', [fact('water.cod', 4, 12)])], [false, true]],
    [
      'a report retitled',
      [a, summary('b', [fact('air.pm25', 21), fact('water.cod', 4, 12)], '另一个标题')],
      [false, false]
    ],
    ['the reports in another order', [b, a], [false, false]],
    ['a report more, of neither metric', [a, b, summary('c', [fact('air.no2', 30)])], [false, false]],
    ['a report more, of no fact', [a, b, summary('c', [])], [false, false]],
    ['a report fewer', [a], [false, false]]
  ])('%s', (_, reports, same) => {
    expect(keys(...reports).map((key, at) => key === base[at])).toEqual(same)
  })

  test('tells a report that prints no fact from one that prints only another metric: it is no publication of the collection', () => {
    const none = keys(a, b, summary('c', []))
    expect(keys(a, b, summary('c', [fact('air.no2', 30)])).map((key, at) => key === none[at])).toEqual([false, false])
  })

  test('is none for a metric no report prints', () => {
    const inputs = seriesInputs()
    inputs.add(headOf(a))
    expect(inputs.keyOf('air.no2')).toBeUndefined()
  })

  test('holds the digest of every report, however many print the metric', () => {
    const many = Array.from({ length: 600 }, (_, at) => summary(`r${at}`, [fact('air.pm25', at)]))
    expect(keys(...many)).toEqual(keys(...many))
    expect(keys(...many)[0]).not.toBe(keys(summary('r0', [fact('air.pm25', -1)]), ...many.slice(1))[0])
  })
})

describe('factDigests', () => {
  test('gives each metric, in the order of their ids, 128 bits of the digest of its facts', () => {
    const digests = factDigests([fact('water.cod', 3), fact('air.pm25', 20), fact('air.pm25', 21, 11)])
    expect(Object.keys(digests)).toEqual(['air.pm25', 'water.cod'])
    expect(Object.values(digests).map((digest) => /^[\w-]{22}$/.test(digest))).toEqual([true, true])
  })

  test('tells the facts of a metric in another order apart', () => {
    const [first, second] = [fact('air.pm25', 20), fact('air.pm25', 21, 11)]
    expect(factDigests([first, second])['air.pm25']).not.toBe(factDigests([second, first])['air.pm25'])
  })
})

describe('movedSum', () => {
  /** The sums and the reports' digest of both metrics over these reports. */
  const inputsOf = (...reports: ReportSummary[]) => {
    const inputs = seriesInputs()
    for (const report of reports) inputs.add(headOf(report))
    return inputs
  }
  const before = inputsOf(a, b)

  test('is the key of each series of its reports digest and its sum', () => {
    for (const metric of ['air.pm25', 'water.cod'])
      expect(inputsKey(before.reports(), metric, before.sumOf(metric) ?? '')).toBe(before.keyOf(metric))
  })

  test.each<[string, ReportSummary]>([
    ['moved', summary('b', [fact('air.pm25', 21, 14), fact('water.cod', 4, 16)])],
    ['changed', summary('b', [fact('air.pm25', 22), fact('water.cod', 5, 12)])],
    ['one of its metrics no longer printed', summary('b', [fact('water.cod', 4, 12)])]
  ])('gives the sum of each metric once a report’s facts %s, from the sum before and its digests', (_, now) => {
    const after = inputsOf(a, now)
    for (const metric of ['air.pm25', 'water.cod']) {
      const sum = movedSum(before.sumOf(metric) ?? '', now.path, b.factDigests[metric], now.factDigests[metric])
      expect(sum).toBe(after.sumOf(metric))
    }
  })

  test('gives another sum when two reports trade their digests of a metric', () => {
    const [first, second] = [summary('a', [fact('air.pm25', 1)]), summary('b', [fact('air.pm25', 2)])]
    const traded = inputsOf(
      { ...first, factDigests: second.factDigests },
      { ...second, factDigests: first.factDigests }
    )
    expect(traded.sumOf('air.pm25')).not.toBe(inputsOf(first, second).sumOf('air.pm25'))
    expect(traded.reports()).toBe(inputsOf(first, second).reports())
  })

  test('is no sum for a metric no report prints', () => {
    expect(before.sumOf('air.no2')).toBeUndefined()
  })
})
