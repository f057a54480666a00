import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { keepRowGroup, readRowGroup, rowGroupFile } from '../src/cache/row-group-file.js'
import { writeKeptParquet } from '../src/build/site-dataset-files.js'
import { rowGroupKeys, type TableTask } from '../src/build/table-task.js'
import { compileSources } from '../src/compile/compile-sources.js'
import { factColumns } from '../src/emit/fact-columns.js'
import { siteCsvHeader, siteCsvLines, siteRows, type SiteRow } from '../src/emit/site-rows.js'
import { writeSiteCsv } from '../src/build/site-csv-file.js'
import { seedRegistry, seedReport } from './helpers/seed.js'

// The site's facts.parquet is written a hundred reports at a time, and the row group of each batch
// is kept in the cache: the next table appends those of the batches that did not change where
// they now fall, and is the same bytes as a table encoded whole.

const seed = compileSources({ reports: [seedReport], registry: seedRegistry }).reports[0]
const seedRows = seed ? siteRows(seed) : []
const count = 250
const lineColumn = 1 + factColumns.findIndex((column) => column.name === 'line')

describe('the table of every fact, a row group at a time', { timeout: 60_000 }, () => {
  let dir: string
  const at = (...parts: string[]) => path.join(dir, ...parts)
  let unitFiles: string[]

  /** Keep the rows of a report, as a build keeps them beside its unit; the unit's file. */
  const keepReport = (rows: SiteRow[]) => {
    const key = createHash('sha256').update(JSON.stringify(rows)).digest('hex')
    const file = at('units', `${key}.json`)
    writeFileSync(file.replace(/\.json$/, '.rows.json'), JSON.stringify(rows))
    writeFileSync(file.replace(/\.json$/, '.rows.csv'), siteCsvLines(rows))
    return file
  }
  const rowsOf = (slug: string, value = 0): SiteRow[] =>
    seedRows.map(([, ...cells], index) => [
      slug,
      ...(index === 0 ? cells.map((cell, i) => (i === 3 ? value : cell)) : cells)
    ])

  /** The keys of the row groups of a table of these reports, whose units are named by the digests of their rows. */
  const keysOf = (files: readonly string[], salt = keep.salt) =>
    rowGroupKeys(
      files.map((file) => path.basename(file, '.json')),
      salt
    ).map((key) => key ?? '')
  /** Write the facts.parquet of `files` into a folder of its own, taking kept row groups or not; its digest, as told and as read. */
  const written = (name: string, files: string[], rowGroups?: Omit<NonNullable<TableTask['rowGroups']>, 'keys'>) => {
    mkdirSync(at(name))
    const task = {
      root: at(name),
      unitFiles: files,
      ...(rowGroups && { rowGroups: { ...rowGroups, keys: keysOf(files, rowGroups.salt) } })
    }
    const done = writeKeptParquet(task)
    const bytes = readFileSync(at(name, 'facts.parquet'))
    expect(done).toEqual({
      parquet: { path: 'facts.parquet', bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }
    })
    return 'parquet' in done ? done.parquet.sha256 : ''
  }
  const kept = () => readdirSync(at('tables')).sort()
  const keep = { folder: '', take: true, salt: 'code' }

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'factmark-row-groups-'))
    mkdirSync(at('units'))
    keep.folder = at('tables')
    unitFiles = Array.from({ length: count }, (_, index) => keepReport(rowsOf(`r-${index + 1}`)))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  test('each batch of a hundred reports is kept as it is encoded, and the table is the one encoded whole', async () => {
    const whole = written('whole', unitFiles)
    expect(written('first', unitFiles, keep)).toEqual(whole)
    expect(kept()).toEqual(
      keysOf(unitFiles)
        .map((key) => `${key}.group`)
        .sort()
    )
    expect(kept()).toHaveLength(3)
    const instance = await DuckDBInstance.create(':memory:')
    const connection = await instance.connect()
    try {
      const file = at('first', 'facts.parquet')
      const rows = await connection.runAndReadAll(`SELECT count(*), count(DISTINCT report), max(line) FROM '${file}'`)
      expect(rows.getRows()).toEqual([
        [BigInt(count * seedRows.length), BigInt(count), Math.max(...seedRows.map((row) => Number(row[lineColumn])))]
      ])
    } finally {
      connection.closeSync()
      instance.closeSync()
    }
  })

  test('after one report changed, only its batch is encoded again: the others are appended as kept', () => {
    const changed = [...unitFiles]
    changed[149] = keepReport(rowsOf('r-150', 12345.5))
    const whole = written('changed-whole', changed)
    // A report whose rows are gone cannot be encoded: its batch's row group is taken.
    rmSync(unitFiles[0]?.replace(/\.json$/, '.rows.json') ?? '')
    expect(written('changed', changed, keep)).toEqual(whole)
    expect(kept()).toHaveLength(4)
    expect(kept()).toContain(`${keysOf(changed)[1] ?? ''}.group`)
    unitFiles = changed
  })

  test('a row group cut short, changed by hand, or naming places beyond its bytes is not taken', () => {
    const [first, second, third] = keysOf(unitFiles).map((key) => rowGroupFile(keep.folder, key))
    const piece = readRowGroup(second ?? '')
    expect(piece).toBeDefined()
    const cut = readFileSync(first ?? '')
    writeFileSync(first ?? '', cut.subarray(0, cut.length - 10))
    expect(readRowGroup(first ?? '')).toBeUndefined()
    const flipped = readFileSync(third ?? '')
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1
    writeFileSync(third ?? '', flipped)
    expect(readRowGroup(third ?? '')).toBeUndefined()
    if (piece?.group.columns[0]?.meta_data) piece.group.columns[0].meta_data.data_page_offset = 10n ** 9n
    if (piece) keepRowGroup(second ?? '', piece)
    expect(readRowGroup(second ?? '')).toBeUndefined()
    writeFileSync(unitFiles[0]?.replace(/\.json$/, '.rows.json') ?? '', JSON.stringify(rowsOf('r-1')))
    const whole = written('damaged-whole', unitFiles)
    expect(written('damaged', unitFiles, keep)).toEqual(whole)
    for (const file of [first, second, third]) expect(readRowGroup(file ?? '')).toBeDefined()
  })

  test("a batch of which one report's facts moved takes every other column from the last table's row group there", () => {
    const lastKeys = keysOf(unitFiles)
    const lastFile = rowGroupFile(keep.folder, lastKeys[1] ?? '')
    const original = readFileSync(lastFile)
    const last = readRowGroup(lastFile)
    if (!last) throw new Error('the second row group is kept')
    // Every fact of report 150 two lines further down: its line column, and no other, changes.
    const moved = [...unitFiles]
    moved[149] = keepReport(
      rowsOf('r-150').map((row) => row.map((cell, at) => (at === lineColumn ? Number(cell) + 2 : cell)))
    )
    const whole = written('moved-whole', moved)
    const take = (name: string, salt = keep.salt) => {
      rmSync(rowGroupFile(keep.folder, keysOf(moved)[1] ?? ''), { force: true })
      return written(name, moved, { ...keep, salt, last: lastKeys })
    }
    expect(take('moved')).toBe(whole)
    // A byte of the last row group's chunk of the report column changed: taken as it is, it shows in the new table.
    const flip = (column: number) => {
      const chunk = last.group.columns[column]
      const bytes = Uint8Array.from(last.bytes)
      const at = Number(chunk?.meta_data?.data_page_offset ?? 0n) - 4 + 8
      bytes[at] = (bytes[at] ?? 0) ^ 0xff
      keepRowGroup(lastFile, { ...last, bytes })
    }
    flip(0)
    expect(take('flipped-report')).not.toBe(whole)
    // Not under another salt (other code), nor in the line column, whose cells changed: encoded anew.
    expect(take('flipped-report-other-code', 'other code')).toBe(whole)
    flip(lineColumn)
    expect(take('flipped-line')).toBe(whole)
    writeFileSync(lastFile, original)
  })

  test("facts.csv is the header and each report's lines in turn, hashed as written; a report without lines is named", () => {
    mkdirSync(at('csv'))
    const files = unitFiles.slice(0, 3)
    const done = writeSiteCsv(at('csv'), files)
    const text = readFileSync(at('csv', 'facts.csv'), 'utf8')
    expect(text).toBe(
      siteCsvHeader + files.map((file) => siteCsvLines(rowsOf(`r-${files.indexOf(file) + 1}`))).join('')
    )
    expect(done).toEqual({
      path: 'facts.csv',
      bytes: Buffer.byteLength(text),
      sha256: createHash('sha256').update(text).digest('hex')
    })
    const lines = unitFiles[1]?.replace(/\.json$/, '.rows.csv') ?? ''
    const kept = readFileSync(lines)
    rmSync(lines)
    expect(writeSiteCsv(at('csv'), files)).toEqual({ unreadable: 1 })
    writeFileSync(lines, kept)
  })

  test('a cold build does not take kept row groups, and keeps its own over them', () => {
    const [first, second] = keysOf(unitFiles).map((key) => rowGroupFile(keep.folder, key))
    const own = readFileSync(second ?? '')
    // The row group of another batch, where the second's is looked for.
    copyFileSync(first ?? '', second ?? '')
    const whole = written('cold-whole', unitFiles)
    expect(written('cold', unitFiles, { ...keep, take: false })).toEqual(whole)
    expect(readFileSync(second ?? '')).toEqual(own)
  })
})

test('a row group is keyed by the digests of its reports’ rows and the salt, a hundred reports a group', () => {
  const digests = Array.from({ length: 150 }, (_, at) => `rows-${at}`)
  const keys = rowGroupKeys(digests, 'code')
  expect(keys).toHaveLength(2)
  expect(keys[0]).toBe(
    createHash('sha256')
      .update('code\0')
      .update(JSON.stringify(digests.slice(0, 100)))
      .digest('hex')
  )
  expect(rowGroupKeys(digests, 'other code')[1]).not.toBe(keys[1])
  // A report whose rows have no digest: its batch is neither taken nor kept.
  expect(rowGroupKeys([...digests.slice(0, 120), undefined], 'code')).toEqual([keys[0], null])
})
