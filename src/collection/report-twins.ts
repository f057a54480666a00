import type { ReportFrontMatter } from '../model/schema-types.js'

/** What names a document: two reports that share all of it are one document twice. */
type Identity = Pick<ReportFrontMatter, 'title' | 'issuer' | 'entity' | 'period'>

/**
 * Told reports in order, the earlier one whose title, issuer, entity and period a report shares,
 * if any: a copy saved under another name with a slug of its own is otherwise published twice,
 * and restates every figure of the first without a word.
 */
export function reportTwins(): (path: string, frontMatter: Identity) => string | undefined {
  const first = new Map<string, string>()
  return (path, { title, issuer, entity, period }) => {
    const key = JSON.stringify([title.trim(), issuer.trim(), entity.trim(), period])
    const earlier = first.get(key)
    if (earlier === undefined) first.set(key, path)
    return earlier
  }
}

/** What the later of two such reports is told. */
export function repeatedReport(earlier: string): string {
  return `This report has the title, issuer, entity and period of ${earlier}: if it is a copy, remove it; if it is another document, give it the title it prints`
}
