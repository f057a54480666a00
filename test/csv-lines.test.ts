import { stringify } from 'csv-stringify/sync'
import fc from 'fast-check'
import Papa from 'papaparse'
import { describe, expect, test } from 'vitest'
import { csvLines } from '../src/emit/csv-lines.js'

// The options the site's CSV files were written with before csvLines wrote them alone. With a
// record delimiter of its own, csv-stringify leaves bare a cell that holds a line break other than
// CRLF, which a reader takes for the end of the row; csvLines quotes it.
const byCsvStringify = (table: string[][]) => stringify(table, { record_delimiter: 'windows', quoted_match: /^\s|\s$/ })

// Cells that test each rule: the characters that ask quotes, white space at either end, and the empty cell.
const cell = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', ' a', 'a ', '\u3000厦门', '"', 'a"b', ',', '\r', '\n', '\r\n', 'a\rb', 'a\nb', '\t', "'=1", 'x\r')
)
const tableOf = (minLength: number) =>
  fc.array(fc.array(cell, { minLength, maxLength: 6 }), { minLength: 1, maxLength: 8 })
const table = tableOf(1)
const oneLine = (rows: string[][]) =>
  rows.every((row) => row.every((text) => !/[\r\n]/.test(text.replaceAll('\r\n', ''))))

describe('csvLines', () => {
  test.each([
    { rows: [['a', 'b']], text: 'a,b\r\n' },
    { rows: [['', '']], text: ',\r\n' },
    { rows: [['a,b', 'say "hi"']], text: '"a,b","say ""hi"""\r\n' },
    { rows: [['line\nbreak', 'c\rr', 'cr\r\nlf']], text: '"line\nbreak","c\rr","cr\r\nlf"\r\n' },
    { rows: [[' lead', 'trail ', '\u3000全角']], text: '" lead","trail ","\u3000全角"\r\n' },
    { rows: [['in side'], ['厦门市']], text: 'in side\r\n厦门市\r\n' }
  ])('$rows', ({ rows, text }) => {
    expect(csvLines(rows)).toBe(text)
  })

  test('writes the bytes csv-stringify wrote with the same rules', () => {
    fc.assert(
      fc.property(table.filter(oneLine), (rows) => csvLines(rows) === byCsvStringify(rows)),
      { numRuns: 2000 }
    )
  })

  // A row of one empty cell is an empty line, which a reader may skip; the site's rows have 23 cells or more.
  test('reads back, with another parser, as the cells it was given', () => {
    fc.assert(
      fc.property(tableOf(2), (rows) => {
        const parsed = Papa.parse<string[]>(csvLines(rows), { delimiter: ',', newline: '\r\n' })
        // papaparse reads the line after the last CRLF as one more, empty row.
        expect(parsed.data.slice(0, -1)).toEqual(rows)
      }),
      { numRuns: 500 }
    )
  })
})
