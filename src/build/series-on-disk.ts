import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { eachCheck } from '../collection/collect.js'
import { emitSeriesPages } from '../emit/series-html.js'
import { seriesFileName } from '../emit/series-json.js'
import type { Series } from '../model/schema-types.js'
import { checkSiteValue } from './check-artifacts.js'
import { writeJsonFile, type MadeFile } from './json-file.js'

// Points and checks are checked in a series of their own a few at a time: checked alone, each
// paid again for checking the series' metric and its texts. A check names two or three facts; a
// point names its report and each other report that prints it, and ten thousand may.
const checkedAtOnce = 64
const reportsAtOnce = 256

/** How many reports a point names. */
const pointWeight = (record: { alsoIn?: readonly unknown[] }) => 1 + (record.alsoIn?.length ?? 0)

/** A series written to disk: its JSON, and the files of its pages, in order (see emitSeriesPages). */
export interface SeriesOnDisk {
  json: MadeFile
  pages: string[]
}

/**
 * Write a series' JSON to `json` and its pages into the folder `html`, the JSON checked against
 * its schema as it is written, a few points and checks at a time: a figure ten thousand reports
 * restate is a point naming them all and 90,000 checks, 56 MB made at once, and its JSON is
 * 100 MB. Each check is made once for the JSON and once for the first page (see LazyCheck), and
 * let go after each.
 */
export function writeSeriesFiles(
  series: Series,
  places: { json: string; html: string },
  titleOf: (slug: string) => string
): SeriesOnDisk {
  const file = `series/${seriesFileName(series.metric.id, 'json')}`
  // The schema asks of each point and each check alone (their arrays have no count, order or
  // uniqueness: see the test of this module), so the series without them, then each in a series
  // of its own, meet it exactly when the whole series does.
  const { $schema, generator, metric, entity, targets } = series
  const bare: Series = { $schema, generator, metric, entity, points: [], targets, changes: [], dates: [], checks: [] }
  checkSiteValue(file, bare)
  const alone = { ...bare, targets: [] }
  function* copied<T extends object>(records: readonly T[]): Generator<T> {
    // A copy reads the reports the record names once (see publishedPoint), for its check and its text.
    for (const record of records) yield { ...record }
  }
  // Each list of records checked a few at a time in a series of its own.
  const madeRecords = (name: 'points' | 'changes' | 'dates') => () =>
    checkedFew(
      copied<object>(series[name]),
      (records) => checkSiteValue(file, { ...alone, [name]: records }),
      pointWeight
    )
  const made: Partial<Record<keyof Series, () => unknown>> = {
    points: madeRecords('points'),
    changes: madeRecords('changes'),
    dates: madeRecords('dates'),
    checks: () =>
      checkedFew(
        eachCheck(series),
        (checks) => checkSiteValue(file, { ...alone, checks }),
        () => 1
      )
  }
  const lazy: Record<string, unknown> = {}
  // In the series' own order of members, the checks not read: the same JSON as the series whole.
  for (const name of Object.keys(series) as Array<keyof Series>) lazy[name] = made[name]?.() ?? series[name]
  const json = writeJsonFile(places.json, lazy)
  const pages = emitSeriesPages(series, titleOf, eachCheck(series))
  for (const page of pages) writeFileSync(path.join(places.html, page.file), page.render())
  return { json, pages: pages.map((page) => page.file) }
}

/**
 * The items, each given once `check` has been given it among a few others: `checkedAtOnce` at
 * most, and fewer once their weights come to `reportsAtOnce`, so that no two points naming
 * thousands of reports are held at once.
 */
function* checkedFew<T>(items: Iterable<T>, check: (few: T[]) => void, weight: (item: T) => number): Generator<T> {
  let few: T[] = []
  let weighed = 0
  for (const item of items) {
    few.push(item)
    weighed += weight(item)
    if (few.length < checkedAtOnce && weighed < reportsAtOnce) continue
    check(few)
    yield* few
    few = []
    weighed = 0
  }
  if (few.length === 0) return
  check(few)
  yield* few
}
