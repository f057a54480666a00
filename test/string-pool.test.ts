import { describe, expect, test } from 'vitest'
import type { Diagnostic } from '../src/model/compiled.js'
import { pooledDiagnostic, stringPool } from '../src/model/string-pool.js'

const told = (file: string): Diagnostic => ({
  file,
  line: 45,
  column: 1440,
  endLine: 45,
  endColumn: 1520,
  severity: 'info',
  ruleId: 'change-base-unpublished',
  message: 'The change "2.1个百分点" of sea.good_quality_area_ratio is measured against 2024',
  fix: 'Nothing to do; add the report or fact sheet of the base period to check the change.',
  url: 'docs/rules.md#change-base-unpublished',
  related: [{ file: 'src/a.md', line: 45, column: 1387, endLine: 45, endColumn: 1420, message: 'the level "93.8%"' }]
})

describe('stringPool', () => {
  test('gives back each text it is given, the same for the same text', () => {
    const pooled = stringPool()
    expect(['src/a.md', 'src/b.md', ['src', 'a.md'].join('/'), ''].map(pooled)).toEqual([
      'src/a.md',
      'src/b.md',
      'src/a.md',
      ''
    ])
  })
})

describe('pooledDiagnostic', () => {
  test('keeps the diagnostic itself and every one of its values', () => {
    const pooled = stringPool()
    for (const file of ['src/a.md', 'src/b.md', 'src/a.md']) {
      const diagnostic = told(file)
      expect(pooledDiagnostic(diagnostic, pooled)).toBe(diagnostic)
      expect(diagnostic).toEqual(told(file))
    }
  })

  test('leaves out what a diagnostic leaves out', () => {
    const { fix: _fix, url: _url, related: _related, ...bare } = told('src/a.md')
    expect(pooledDiagnostic({ ...bare }, stringPool())).toStrictEqual(bare)
  })
})
