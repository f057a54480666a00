import { fromHtml } from 'hast-util-from-html'
import { selectAll } from 'hast-util-select'
import Papa from 'papaparse'
import { expect, test } from 'vitest'
import { renderArtifacts } from '../src/build/render-artifacts.js'
import { textArtifacts } from './helpers/seed-build.js'
import { problemsOf } from './helpers/seed.js'
import { compileFixture } from './helpers/tools.js'

const result = compileFixture('exact-digits')
const artifacts = textArtifacts(renderArtifacts(result))
const file = (name: string) => artifacts.get(`exact-digits/${name}`) ?? ''

// What each figure is, in every output: the digits exactly as written, scaled, in plain decimal.
// prettier-ignore
const expected = [
  { id: 'air.pm25@2025', json: 17.4123456789012, digits: '17.4123456789012', xbrl: '17.4123456789012', shown: '17.4123456789012 μg/m³' },
  { id: 'air.pm25@2025:start:entity=某区', json: 1.23e-7, digits: '0.000000123', xbrl: '0.000000123', shown: '0.000000123 μg/m³' },
  { id: 'air.pm25@2025:change', json: -1e-15, digits: '-0.000000000000001', xbrl: '-0.000000000000001', shown: '−0.000000000000001 μg/m³' },
  { id: 'air.good_days_ratio@2025', json: 99.1234567890123, digits: '99.1234567890123', xbrl: '0.991234567890123', shown: '99.1234567890123%' },
  { id: 'enforcement.cases@2025', json: 1e21, digits: '1000000000000000000000', xbrl: '1000000000000000000000', shown: '1,000,000,000,000,000,000,000' },
  { id: 'enforcement.cases@2025:entity=某区', json: 123456789012345, digits: '123456789012345', xbrl: '123456789012345', shown: '123,456,789,012,345' }
]

test('the fixture compiles without a problem', () => {
  expect(problemsOf(result.diagnostics)).toEqual([])
})

test('facts.json, facts.csv, facts.xbrl.json and index.html give every value with the same digits', () => {
  const json = (JSON.parse(file('facts.json')) as { facts: Array<{ id: string; value: unknown }> }).facts
  const csv = Papa.parse<Record<string, string>>(file('facts.csv'), { header: true, skipEmptyLines: true }).data
  const xbrl = Object.values(
    (JSON.parse(file('facts.xbrl.json')) as { facts: Record<string, { value: string; 'factmark:id': string }> }).facts
  )
  const page = fromHtml(file('index.html'))
  const data = selectAll('article data.fact', page)
  const rows = selectAll('.facts tbody tr', page)
  const text = (node: (typeof rows)[number] | undefined, column: number) =>
    (selectAll('td', node ?? page)[column]?.children ?? [])
      .map((child) =>
        child.type === 'element'
          ? child.children.map((inner) => (inner.type === 'text' ? inner.value : '')).join('')
          : ''
      )
      .join('')
  const actual = json.map((fact, index) => ({
    id: fact.id,
    json: fact.value,
    digits: [
      csv[index]?.['value'],
      data[index]?.properties['value'],
      selectAll('td.num data', rows[index] ?? page)[0]?.properties['value']
    ],
    xbrl: xbrl.find((item) => item['factmark:id'] === fact.id)?.value,
    shown: text(rows[index], 3)
  }))
  expect(actual).toEqual(expected.map(({ digits, ...rest }) => ({ ...rest, digits: [digits, digits, digits] })))
})
