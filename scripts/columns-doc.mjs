import { factColumns } from '../lib/emit/fact-columns.js'

/**
 * docs/facts-csv.md: the columns of facts.csv, generated from the table the CSV and the Data
 * Package are written from.
 */
export function renderColumnsDoc() {
  const escape = (text) => text.replace(/\|/g, '\\|')
  return [
    '# facts.csv',
    '',
    '<!-- Generated from src/emit/fact-columns.ts by `npm run docs`: do not edit. -->',
    '',
    'One row per fact, in the order of the text. RFC 4180: comma-separated, fields with commas, quotes or line breaks in double quotes, CRLF line ends, a header row, UTF-8. `facts.csv` has no byte order mark, for programs; `facts-excel.csv` holds the same rows with a UTF-8 byte order mark, which Excel and WPS need to show Chinese text instead of mojibake, and with an apostrophe before any text cell that a spreadsheet would run as a formula. `datapackage.json` describes `facts.csv` with the same columns as a Frictionless Table Schema.',
    '',
    '| column | type | required | description |',
    '| --- | --- | --- | --- |',
    ...factColumns.map(
      (column) =>
        `| \`${column.name}\` | ${column.type} | ${column.required ? 'yes' : 'no'} | ${escape(column.description)}${column.enum ? ` One of: ${column.enum.map((value) => `\`${value}\``).join(', ')}.` : ''} |`
    ),
    ''
  ].join('\n')
}
