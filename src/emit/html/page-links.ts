/**
 * How many pages on either side of the current one its list of pages links: with the first and the
 * last, a list of at most 2 × pageWindow + 3 links and two gaps, however many pages there are.
 */
const pageWindow = 3

/** The pages a page links by number, in order, with undefined where pages are left out. */
export function pageLinks(current: number, count: number): Array<number | undefined> {
  const shown = Array.from({ length: count }, (_, index) => index + 1).filter(
    (page) => page === 1 || page === count || Math.abs(page - current) <= pageWindow
  )
  // A gap stands for two pages or more: one page left out is linked instead.
  return shown.flatMap((page, index) => {
    const skipped = page - (shown[index - 1] ?? page - 1) - 1
    return skipped === 0 ? [page] : skipped === 1 ? [page - 1, page] : [undefined, page]
  })
}

/** What templates/pages.njk draws: the links of page `number` of `count` to the others. */
export interface PageNavigation {
  /** Names the navigation for assistive technology. */
  label: string
  number: number
  count: number
  previous: string | undefined
  next: string | undefined
  list: Array<{ gap: true } | { number: number; href: string; current: boolean }>
}

/** The navigation of page `number` of `count`, each page's address given by `href`. */
export function pageNavigation(
  label: string,
  number: number,
  count: number,
  href: (page: number) => string
): PageNavigation {
  return {
    label,
    number,
    count,
    previous: number > 1 ? href(number - 1) : undefined,
    next: number < count ? href(number + 1) : undefined,
    list: pageLinks(number, count).map((other) =>
      other === undefined ? { gap: true } : { number: other, href: href(other), current: other === number }
    )
  }
}
