import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { eachCheck } from '../collection/collect.js'
import { emitSeriesPages } from '../emit/series-html.js'
import { seriesFileName } from '../emit/series-json.js'
import type { Series, SeriesCheck, SeriesPoint } from '../model/schema-types.js'
import { checkSiteValue } from './check-artifacts.js'
import { writeJsonFile, type MadeFile } from './json-file.js'

// A check names two or three facts: a few hundred bytes.
const checksAtOnce = 64

/** A series written to disk: its JSON, and the files of its pages, in order (see emitSeriesPages). */
export interface SeriesOnDisk {
  json: MadeFile
  pages: string[]
}

/**
 * Write a series' JSON to `json` and its pages into the folder `html`, the JSON checked against
 * its schema as it is written, a point and a check at a time: a figure ten thousand reports
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
  const bare: Series = { $schema, generator, metric, entity, points: [], targets, checks: [] }
  checkSiteValue(file, bare)
  const alone = { ...bare, targets: [] }
  function* madePoints(): Generator<SeriesPoint> {
    // A copy reads the reports the point names once (see publishedPoint), for its check and its
    // text; one at a time, as a point may name ten thousand reports.
    for (const point of series.points) {
      const made = { ...point }
      checkSiteValue(file, { ...alone, points: [made] })
      yield made
    }
  }
  function* madeChecks(): Generator<SeriesCheck> {
    // Checked a few at a time, in a series of their own: checked alone, each paid again for
    // checking the series' metric and its texts.
    let few: SeriesCheck[] = []
    for (const check of eachCheck(series)) {
      few.push(check)
      if (few.length < checksAtOnce) continue
      checkSiteValue(file, { ...alone, checks: few })
      yield* few
      few = []
    }
    if (few.length > 0) checkSiteValue(file, { ...alone, checks: few })
    yield* few
  }
  const lazy: Record<string, unknown> = {}
  // In the series' own order of members, the checks not read: the same JSON as the series whole.
  for (const name of Object.keys(series) as Array<keyof Series>)
    lazy[name] = name === 'points' ? madePoints() : name === 'checks' ? madeChecks() : series[name]
  const json = writeJsonFile(places.json, lazy)
  const pages = emitSeriesPages(series, titleOf, eachCheck(series))
  for (const page of pages) writeFileSync(path.join(places.html, page.file), page.render())
  return { json, pages: pages.map((page) => page.file) }
}
