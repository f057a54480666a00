// RFC 4180 asks quotes of a cell with a comma, a double quote or a line break; a cell that begins
// or ends with white space is quoted too, as a reader may trim it.
const quoted = /[",\r\n]|^\s|\s$/

/**
 * CSV text of a table as every CSV file of the site is written: RFC 4180, CRLF after every row, a
 * cell with spaces at an end quoted. The bytes are csv-stringify's with those options (a test
 * holds them to it), made in a single pass: a report writes three tables of a hundred rows or
 * more, and csv-stringify's machinery of streams took four times as long for each.
 */
export function csvLines(table: ReadonlyArray<readonly string[]>): string {
  let text = ''
  for (const row of table) {
    for (let at = 0; at < row.length; at++) {
      const cell = row[at] as string
      if (at > 0) text += ','
      text += quoted.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell
    }
    text += '\r\n'
  }
  return text
}
