import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { catalogSeries, type CatalogSeries } from '../emit/catalog-html.js'
import { emitSeriesPages, type SeriesPageFile } from '../emit/series-html.js'
import {
  emitSeriesJson,
  mainLine,
  seriesEntry,
  seriesFileName,
  seriesIndex,
  type SeriesEntry
} from '../emit/series-json.js'
import type { Collection } from '../model/compiled.js'
import { compareStrings } from '../model/compare.js'
import type { Series } from '../model/schema-types.js'
import { checkSiteValue } from './check-artifacts.js'
import { writeJsonFile, type MadeFile } from './json-file.js'
import { writeSeriesFiles } from './series-on-disk.js'

/** A series as the index and the catalog list it, with the files of its pages. */
export interface SeriesListed {
  id: string
  index: SeriesEntry
  catalog: CatalogSeries
  pages: readonly string[]
}

/**
 * The series of a site as its files are written from them: every series' entry in the index and
 * row in the catalog, held at once, and the files of each series, made one series at a time.
 */
export interface SiteSeries {
  /** In the order of their metrics' ids. */
  entries: readonly SeriesListed[]
  /** A metric's series/<id>.json. */
  json: (id: string) => string
  /** A metric's series/<id>.json when it was written to disk as it was made (see seriesKeeper), to be staged from there. */
  file: (id: string) => MadeFile | undefined
  /** A page of a metric's series, `file` one of its entry's `pages`: series/<id>.html, series/<id>-2.html, … */
  html: (id: string, file: string) => string
  /**
   * series/index.json written to disk, checked against its schema, when the series were (see
   * seriesKeeper); undefined when they are held, and it is rendered.
   */
  indexFile: () => MadeFile | undefined
  /**
   * The series itself when it is held, for its JSON to be checked against the schema by its value;
   * undefined when it was checked as it was kept on disk.
   */
  value: (id: string) => Series | undefined
  /** The digest of what a held series is made of (see seriesInputs), when it is known. */
  key?: (id: string) => string | undefined
}

export interface SeriesKeeper {
  /**
   * The series of the next group of metrics, whose pages name reports by `titleOf`; `spilled`
   * when the collection's facts are too many to hold (see FactGroups), and so are its series.
   */
  add: (collection: Collection, spilled: boolean, titleOf: (slug: string) => string) => SeriesListed[]
  /**
   * A series as an earlier build listed it, made by `make` only if one of its files is asked for
   * (a file of the published site was changed by hand, say), its pages naming reports by `titleOf`.
   */
  take: (listed: SeriesListed, titleOf: (slug: string) => string, make: () => Series) => void
  kept: () => SiteSeries
}

/**
 * Keep series made a group at a time: held as they are while the collection's facts are; else
 * their files are made at once, the JSON checked against its schema as it is written (see
 * writeSeriesFiles), and kept in `folder` until they are staged. A series of ten thousand reports
 * that restate the same figures is 100 MB of JSON: parsed again to be checked and drawn, it would
 * be most of a build's memory. The folder is made when needed, and left to the caller to remove.
 */
export function seriesKeeper(folder: string): SeriesKeeper {
  const entries: SeriesListed[] = []
  type Held = { series: Series; pages: ReadonlyMap<string, SeriesPageFile> }
  const held = new Map<string, Held>()
  const taken = new Map<string, () => Held>()
  const made = new Map<string, MadeFile>()
  const spilledJson = (id: string) => path.join(folder, seriesFileName(id, 'json'))
  const heldAs = (series: Series, titleOf: (slug: string) => string) => {
    const pages = emitSeriesPages(series, titleOf)
    return { series, pages: new Map(pages.map((page) => [page.file, page])) }
  }
  const heldOf = (id: string): Held | undefined => {
    let kept = held.get(id)
    const make = taken.get(id)
    if (!kept && make) held.set(id, (kept = make()))
    return kept
  }
  return {
    add(collection, spilled, titleOf) {
      const listed: SeriesListed[] = []
      for (const series of collection.series) {
        const id = series.metric.id
        // Found once for both: a metric ten thousand districts print has 90,000 lines.
        const line = mainLine(series)
        const entry = { id, index: seriesEntry(series, line), catalog: catalogSeries(series, line) }
        if (!spilled) {
          const kept = heldAs(series, titleOf)
          held.set(id, kept)
          listed.push({ ...entry, pages: [...kept.pages.keys()] })
          continue
        }
        if (made.size === 0) mkdirSync(folder, { recursive: true })
        const written = writeSeriesFiles(series, { json: spilledJson(id), html: folder }, titleOf)
        made.set(id, written.json)
        listed.push({ ...entry, pages: written.pages })
        letGo(series)
      }
      entries.push(...listed)
      return listed
    },
    take(listed, titleOf, make) {
      entries.push(listed)
      taken.set(listed.id, () => heldAs(make(), titleOf))
    },
    kept: () => ({
      // Those taken from an earlier build come before the others made (see SeriesKeeper.take).
      entries: entries.sort((a, b) => compareStrings(a.id, b.id)),
      json: (id) => {
        const kept = heldOf(id)
        return kept ? emitSeriesJson(kept.series) : readFileSync(spilledJson(id), 'utf8')
      },
      html: (id, file) => {
        const page = heldOf(id)?.pages.get(file)
        return page ? page.render() : readFileSync(path.join(folder, file), 'utf8')
      },
      file: (id) => made.get(id),
      indexFile: () => {
        if (made.size === 0) return undefined
        // Each metric lists every report that prints it: 28 MB of JSON at ten thousand reports.
        const index = seriesIndex(entries.map((entry) => entry.index))
        checkSiteValue('series/index.json', index)
        return writeJsonFile(path.join(folder, 'index.json'), index)
      },
      value: (id) => heldOf(id)?.series
    })
  }
}

/**
 * Empty the lists of a series whose files are written: nothing reads it again, yet V8 may hold it a
 * while. A function it optimizes on a thread of its own keeps its closure's context, and so what
 * the context holds, until the job is done, which on a busy machine comes groups later. At 10,000
 * reports the series of a metric made in nine parts, whose points hold every fact they restate,
 * stayed after the full collection that follows each group (see fullCollection), 130 MB of it for
 * up to five groups; emptied, 75 MB less of it stayed.
 */
function letGo(series: Series): void {
  series.points.length = 0
  series.targets.length = 0
  series.changes.length = 0
  series.dates.length = 0
}

/** The series of a collection held in memory, whose pages name reports by `titleOf`. */
export function heldSeries(collection: Collection, titleOf: (slug: string) => string): SiteSeries {
  const keeper = seriesKeeper('')
  keeper.add(collection, false, titleOf)
  return keeper.kept()
}
