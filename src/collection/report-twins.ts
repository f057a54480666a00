import type { ReportFrontMatter } from '../model/schema-types.js'
import { namedFor } from './slug-owners.js'

/** What names a document: two reports that share all of it are one document twice. */
type Identity = Pick<ReportFrontMatter, 'title' | 'issuer' | 'entity' | 'period' | 'slug'>

/** A report that repeats another, and the one it repeats, as the caller gave them. */
export interface Twin<Report> {
  copy: Report
  of: Report
}

/**
 * Told reports in order, a report and an earlier one whose title, issuer, entity and period it
 * shares, if any: a copy saved under another name with a slug of its own is otherwise published
 * twice, and restates every figure of the first without a word. The copy is the one whose slug
 * extends the other's (xiamen-2025-copy of xiamen-2025); else the one whose file is not named for
 * its slug, where the other's is (xiamen-2025.md for xiamen-2025, beside a draft.md that names
 * itself final-2025), whatever the order of their names; else the later.
 */
export function reportTwins<Report extends { path: string }>(): (
  report: Report,
  frontMatter: Identity
) => Twin<Report> | undefined {
  const first = new Map<string, { report: Report; slug: string }>()
  return (report, { title, issuer, entity, period, slug }) => {
    const key = JSON.stringify([title.trim(), issuer.trim(), entity.trim(), period])
    const earlier = first.get(key)
    if (earlier === undefined) {
      first.set(key, { report, slug })
      return undefined
    }
    const earlierIsCopy =
      earlier.slug.startsWith(`${slug}-`) ||
      (!slug.startsWith(`${earlier.slug}-`) &&
        namedFor(report.path, slug) &&
        !namedFor(earlier.report.path, earlier.slug))
    return earlierIsCopy ? { copy: earlier.report, of: report } : { copy: report, of: earlier.report }
  }
}

/** What the copy of two such reports is told. */
export function repeatedReport(earlier: string): string {
  return `This report has the title, issuer, entity and period of ${earlier}: if it is a copy, remove it; if it is another document, give it the title it prints`
}
