import { describe, expect, test } from 'vitest'
import { didYouMean, didYouMeanText } from '../src/diagnostics/did-you-mean.js'
import { compileSources } from '../src/compile/compile-sources.js'
import { seedRegistry } from './helpers/seed.js'
import { reportOf } from './helpers/test-report.js'

const attributes = ['metric', 'id', 'unit', 'value', 'period', 'entity', 'aspect', 'base', 'revises']

// [typed, candidates, proposed]
// prettier-ignore
const cases: Array<[string, string[], string | undefined]> = [
  ['bsae', attributes, 'base'], // two letters the wrong way round are one slip
  ['peroid', attributes, 'period'],
  ['unti', attributes, 'unit'],
  ['aspcet', attributes, 'aspect'],
  ['metirc', attributes, 'metric'],
  ['bas', attributes, 'base'], // a letter left out
  ['site', attributes, undefined], // a dimension, like no attribute
  ['abse', attributes, 'base'],
  ['esab', attributes, undefined], // reversed is no slip
  ['xiamen-2042', ['xiamen-2024', 'xiamen-2025'], 'xiamen-2024'],
  ['improve', ['improve', 'worsen'], 'improve']
]

describe('didYouMean proposes the candidate a slip of the keyboard would give', () => {
  test.each(cases)('%s', (typed, candidates, proposed) => {
    expect(didYouMean(typed, candidates)).toBe(proposed)
  })
})

const pollutants = ['air.pm10', 'air.pm25', 'air.o3', 'air.so2']

// [typed, candidates, the end of the message]
// prettier-ignore
const texts: Array<[string, string[], string]> = [
  ['air.pm2.5', pollutants, ', did you mean "air.pm25"?'],
  ['air.pm99', pollutants, ', did you mean "air.pm10" or "air.pm25"?'], // as near each: both named
  ['air.so9', ['air.so2', 'air.so3', 'air.so4', 'air.pm25'], ', did you mean "air.so2", "air.so3" or "air.so4"?'],
  ['air.so9', ['air.so2', 'air.so3', 'air.so4', 'air.so5', 'air.pm25'], ''], // four as near are no guess
  ['water.cod', pollutants, ''],
  ['丙断面', ['甲断面', '乙断面'], ''], // every one as near: no guess
  ['丙断面', ['甲断面', '乙断面', '丁站'], ', did you mean "乙断面" or "甲断面"?'],
  ['bsae', attributes, ', did you mean "base"?']
]

describe('didYouMeanText names every candidate as near as the nearest, up to three', () => {
  test.each(texts)('%s', (typed, candidates, text) => {
    expect(didYouMeanText(typed, candidates)).toBe(text)
  })
})

test('an attribute typed with two letters swapped is named in the message', () => {
  const report = {
    path: 'report.md',
    text: reportOf(['综合指数同比改善:fact[10.3%]{metric=air.aqi_composite aspect=improve bsae=2023}。'])
  }
  const { diagnostics } = compileSources({ reports: [report], registry: seedRegistry, checkUnusedMetrics: false })
  expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`)).toEqual([
    '10:62 unknown-dimension Unknown attribute "bsae", did you mean "base"?'
  ])
})
