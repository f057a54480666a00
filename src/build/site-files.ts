import { emitCatalogHtml } from '../emit/catalog-html.js'
import { emitCatalogJson, emitCatalogJsonPages } from '../emit/catalog-json.js'
import type { Download } from '../emit/downloads.js'
import { reportTitle } from '../emit/html/display.js'
import { emitSchemas } from '../emit/published-schemas.js'
import { emitSeriesIndex, seriesFileName, seriesIndex } from '../emit/series-json.js'
import type { MadeFile } from './json-file.js'
import { emitTaxonomy } from '../emit/xbrl/index.js'
import type { Registry, SiteReport } from '../model/compiled.js'
import { seriesFileKey, siteFileKey } from './site-file-key.js'
import type { SeriesListed, SiteSeries } from './site-series.js'
import { sha256 } from '../emit/hash.js'

/**
 * A file of the site's own, beside the reports' folders: rendered only when asked, and with a key
 * when rendering it costs enough that a build reuses the last one whose key is the same.
 */
export interface SiteFile {
  path: string
  /** A digest of everything the file is made of; absent when it is cheaper to render than to compare. */
  key?: () => string
  render: () => string
  /**
   * For a JSON file rendered from a value at hand, that value, which is checked against the file's
   * schema instead of its text parsed again: the series of a thousand reports are 66 MB of JSON,
   * whose parsed copies made the largest part of a cold build's peak of memory.
   */
  value?: () => unknown
  /** Set when the file was checked against its schema as it was made (see seriesKeeper). */
  checked?: true
  /** The file as it was made on disk, when it was: it is staged from there, and never rendered. */
  made?: () => MadeFile | undefined
}

export interface SiteInput {
  /** The reports of the site, in the catalog's order. */
  reports: readonly SiteReport[]
  registry: Registry | undefined
  /** The collection's series, when the registry is valid. */
  series: SiteSeries | undefined
  /** The files each report's folder holds, as its page and the catalog offer them. */
  offered: readonly Download[]
  /**
   * A digest of everything the site's own files are made of (the published reports' summaries, the
   * registry, factmark itself, the files offered): with it, each file has a key, and a build whose
   * collection is the same takes them as they are.
   */
  siteKey?: string
  /**
   * A digest of what the site's own files are made of but the collection (factmark, the registry,
   * the files offered): with it, the files of each series held in memory have a key of their own,
   * of it, of the reports' titles and of what the series is made of, so that a build where one
   * report's figure changed renders again only the series of its metric.
   */
  environmentKey?: string
}

/** The site's own files: series, taxonomy, schemas and catalog (not its table of facts, nor the manifest). */
export function siteFiles(input: SiteInput): SiteFile[] {
  const { reports, registry, series, offered, siteKey } = input
  const page = offered.filter((file) => file.href === 'index.html')
  const entries = reports.map((report) => ({
    report,
    files: [...page, ...offered.filter((file) => file.href !== 'index.html')]
  }))
  const files: SiteFile[] = []
  if (series) files.push(...seriesFiles(series))
  if (registry) files.push(...eager(emitTaxonomy(registry)))
  files.push(...eager(emitSchemas()))
  files.push({ path: 'catalog.json', render: () => emitCatalogJson(entries) })
  files.push(...emitCatalogJsonPages(entries))
  files.push(
    ...emitCatalogHtml(
      entries.map(({ report, files: list }) => ({ report, artifacts: list })),
      series?.entries.map((entry) => entry.catalog)
    )
  )
  if (siteKey === undefined) return files
  const seriesKey =
    series && input.environmentKey !== undefined ? seriesKeys(series, reports, input.environmentKey) : undefined
  return files.map((file) => ({ ...file, key: () => seriesKey?.(file.path) ?? siteFileKey(siteKey, file.path) }))
}

/** The files of a series, by their paths in the site: its JSON and its pages. */
export function seriesFilePaths({ id, pages }: Pick<SeriesListed, 'id' | 'pages'>): string[] {
  return [`series/${seriesFileName(id, 'json')}`, ...pages.map((page) => `series/${page}`)]
}

/** The digest of each report's title, by its slug, which the pages of every series name reports by. */
export function titlesDigest(reports: readonly SiteReport[]): string {
  return sha256(JSON.stringify(reports.map((report) => [report.frontMatter.slug, reportTitle(report.bundle.report)])))
}

/**
 * The key of each file of a series held in memory, by its path: a digest of `environmentKey`, of
 * every report's title (its pages name reports by them) and of what the series is made of (see
 * seriesInputs). Undefined for any other file, and for a series whose inputs are not known or
 * that was written to disk as it was made, whose files cost nothing more to stage.
 */
function seriesKeys(
  series: SiteSeries,
  reports: readonly SiteReport[],
  environmentKey: string
): (file: string) => string | undefined {
  const idOf = new Map<string, string>()
  for (const entry of series.entries) for (const file of seriesFilePaths(entry)) idOf.set(file, entry.id)
  let titles: string | undefined
  return (file) => {
    const id = idOf.get(file)
    const inputs = id === undefined ? undefined : series.key?.(id)
    if (inputs === undefined) return undefined
    titles ??= titlesDigest(reports)
    return seriesFileKey(environmentKey, titles, inputs, file)
  }
}

function eager(files: ReadonlyArray<{ path: string; content: string }>): SiteFile[] {
  return files.map(({ path, content }) => ({ path, render: () => content }))
}

/** A report's title by its slug, as its page shows it; the slug itself for a report the site does not hold. */
export function reportTitles(reports: readonly SiteReport[]): (slug: string) => string {
  const titles = new Map(reports.map((report) => [report.frontMatter.slug, reportTitle(report.bundle.report)]))
  return (slug) => titles.get(slug) ?? slug
}

/** Each metric's series across the reports, as data and as a page, and their index. */
function seriesFiles(series: SiteSeries): SiteFile[] {
  const entries = series.entries.map((entry) => entry.index)
  return [
    {
      path: 'series/index.json',
      render: () => emitSeriesIndex(entries),
      value: () => seriesIndex(entries),
      made: () => series.indexFile()
    },
    ...series.entries.flatMap(({ id, pages }): SiteFile[] => {
      // One written to disk as it was made was checked then; one taken from an earlier build is
      // made again only if its files are rendered.
      const writtenAsMade = series.file(id) !== undefined
      return [
        // Made when asked, so that a site of thousands holds one series' text at a time.
        {
          path: `series/${seriesFileName(id, 'json')}`,
          render: () => series.json(id),
          made: () => series.file(id),
          ...(writtenAsMade ? { checked: true as const } : { value: () => series.value(id) })
        },
        ...pages.map((file) => ({ path: `series/${file}`, render: () => series.html(id, file) }))
      ]
    })
  ]
}
