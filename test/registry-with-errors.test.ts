import { describe, expect, test } from 'vitest'
import { compileSources } from '../src/compile/compile-sources.js'
import { addFault, noFaults, partialRegistry } from '../src/load/partial-registry.js'
import { reportOf } from './helpers/test-report.js'

const metric = (kind: string, unit: string, more = '') =>
  `    label: { zh: 指标, en: Metric }\n    definition: { zh: 定义。, en: Definition. }\n    kind: ${kind}\n    unit: "${unit}"\n    better: higher\n${more}`

const registry = (pm25Kind: string, ratioUnit: string) => ({
  path: 'source/metrics.yaml',
  text: [
    'metrics:',
    '  air.pm25:',
    metric(pm25Kind, 'ug/m3'),
    '  air.good_days_ratio:',
    metric('percent', ratioUnit, '    range: { min: 0, max: 100 }\n'),
    '  water.outfalls:',
    metric('count', '1'),
    '  water.outfalls_total:',
    metric('count', '1'),
    'calculations:',
    '  - { total: water.outfalls_total, parts: [water.outfalls] }',
    '  - { total: air.pm25, parts: [air.pm25] }',
    ''
  ].join('\n')
})

const report = {
  path: 'source/report.md',
  text: reportOf([
    'PM2.5浓度为:fact[17.4微克/立方米]{metric=air.pm25},优良率:fact[99.2%]{metric=air.good_days_ratio},整治排污口:fact[205个]{metric=water.outfals}。'
  ])
}

const lines = (result: ReturnType<typeof compileSources>) =>
  result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message} [${d.ruleId}]`)

describe('a registry with errors in some metrics', () => {
  test('each report is still checked against the metrics without errors; a fact of a metric with one is told nothing', () => {
    const result = compileSources({ reports: [report], registry: registry('indx', '1') })
    expect(lines(result)).toEqual([
      'source/metrics.yaml:5:11 error Registry: metrics › air.pm25 › kind "indx" is not allowed, did you mean "index"? [registry-invalid]',
      // The schema's error does not hide another metric's: every error of the registry is told in one run.
      'source/metrics.yaml:13:11 error Metric "air.good_days_ratio" is a percent, so its unit must be "%", not "1" [registry-invalid]',
      'source/report.md:10:112 error Unknown metric "water.outfals", did you mean "water.outfalls"? [unknown-metric]'
    ])
    expect(result.coverage).toEqual([{ path: 'source/report.md', tagged: 3, untagged: 0 }])
    expect(result.registry).toBeUndefined()
    expect(result.collection).toBeUndefined()
  })

  test('an error the registry checks itself (a unit its kind cannot have) leaves that metric out too', () => {
    const result = compileSources({ reports: [report], registry: registry('quantity', 'ug/m3') })
    expect(lines(result)).toEqual([
      'source/metrics.yaml:13:11 error Metric "air.good_days_ratio" is a percent, so its unit must be "%", not "ug/m3" [registry-invalid]',
      'source/report.md:10:112 error Unknown metric "water.outfals", did you mean "water.outfalls"? [unknown-metric]'
    ])
  })

  test('YAML that does not read leaves nothing to check the reports against: its errors are told alone', () => {
    const result = compileSources({
      reports: [report],
      registry: { path: 'source/metrics.yaml', text: 'metrics: {\n' }
    })
    expect(lines(result).map((line) => line.split(' ')[0])).toEqual(['source/metrics.yaml:1:10'])
    expect(result.coverage).toEqual([{ path: 'source/report.md', tagged: 0, untagged: 0, read: false }])
  })
})

describe('partialRegistry', () => {
  const data = {
    metrics: { a: { kind: 'count' }, b: { kind: 'count' }, c: { kind: 'count' } },
    calculations: [
      { total: 'a', parts: ['b'] },
      { total: 'a', parts: ['c'] },
      { total: 'c', parts: { dimension: 'site', members: ['x'] } }
    ]
  }
  test.each([
    [
      'an error in a metric leaves it out, with the calculations that name it',
      [['metrics', 'c', 'kind']],
      ['a', 'b'],
      [0]
    ],
    ['an error in a calculation leaves it out', [['calculations', 0, 'parts', 0]], ['a', 'b', 'c'], [1, 2]],
    ['a key that is no metric id is that metric', [['metrics', 'B-ad']], ['a', 'b', 'c'], [0, 1, 2]]
  ] as const)('%s', (_, paths, metrics, calculations) => {
    const faults = noFaults()
    for (const at of paths) addFault(faults, at)
    const partial = partialRegistry(data, faults)
    expect([...(partial?.metrics.keys() ?? [])]).toEqual(metrics)
    expect(partial?.calculations).toEqual(calculations.map((index) => data.calculations[index]))
  })

  test('an error outside any metric or calculation leaves nothing', () => {
    const faults = noFaults()
    addFault(faults, [])
    expect(partialRegistry(data, faults)).toBeUndefined()
    addFault(noFaults(), ['metrics'])
    const list = noFaults()
    addFault(list, ['metrics'])
    expect(partialRegistry(data, list)).toBeUndefined()
  })
})
