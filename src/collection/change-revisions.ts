import { report } from '../diagnostics/report.js'
import { groupBy, place, seriesKey } from '../validate/fact-groups.js'
import { revisesMeant } from './levels.js'
import { subjectOf, type Printed } from './published.js'

/**
 * revises-unmatched of a change: `revises=<slug>` on a change (同比下降5.6%, as a later report
 * corrects it) that names no earlier report stating the change of the same line, period, base and
 * aspect, as a misspelt slug would (`changes`: the printed facts isChange holds of); a level's is told where its levels are read (see levels.ts).
 */
export function checkChangeRevisions(changes: readonly Printed[]): void {
  const groups = groupBy(changes, ({ fact }) => `${seriesKey(fact)}\0${fact.basePeriod ?? ''}\0${fact.aspect}`)
  for (const group of groups.values())
    for (const change of group) {
      const { fact, publication } = change
      const revises = fact.revises
      if (revises === undefined) continue
      const earlier = group
        .filter((other) => other.publication.order < publication.order)
        .map((other) => other.publication.slug)
      if (earlier.includes(revises)) continue
      const meant = revisesMeant(revises, earlier)
      report(
        publication.file,
        'revises-unmatched',
        `revises=${revises} names no earlier report of the collection that states the change of ${subjectOf(change)} for ${fact.period} against ${fact.basePeriod ?? ''}, so nothing shows the value "${fact.text}" replaces${meant === '' ? ': check the slug, or add that report to the collection' : meant}`,
        place(fact)
      )
    }
}
