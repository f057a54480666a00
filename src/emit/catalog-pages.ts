import { chunks } from '../model/chunks.js'

/**
 * How many reports one page of the catalog lists, as HTML and as JSON: a collection of thousands must
 * not make a page or a file that grows with it, so each lists at most this many.
 */
export const catalogPageSize = 100

/** The folder of the catalog's pages; a report's slug cannot take this name. */
export const catalogFolder = 'catalog'

/**
 * A page of the catalog, made when it is written and let go after: at ten thousand reports the
 * pages are 25 MB, which a build made all at once held while the site's other files were staged.
 */
export interface CatalogPageFile {
  path: string
  render: () => string
}

/** Where page `number` (from 1) of the catalog's data is written, relative to the site's root. */
export function catalogJsonPage(number: number): string {
  return `${catalogFolder}/${number}.json`
}

/** The items of each page, in order: `size` to a page, the last holding the rest; no page when there are none. */
export function catalogPages<T>(items: readonly T[], size: number = catalogPageSize): T[][] {
  return chunks(items, size)
}
