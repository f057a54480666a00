import type { SeriesChange } from '../model/schema-types.js'
import { seriesKey } from '../validate/fact-groups.js'
import { referenceTo, seriesFields, sourcePoint, type OfMetric, type Printed } from './published.js'

/**
 * The changes the reports state (同比, 比上年…), one record for each line, period, base period,
 * aspect and value, in the order the reports were published: the first report to state it gives
 * the record, the others are listed in alsoIn. A metric only ever told as a change (市级审批量占比同比提升
 * 5.86个百分点) is a series of its changes; one with levels too keeps them, which the checks hold
 * against the levels. A change stated with another value is a record of its own, so nothing a report
 * states is lost from the series.
 */
export function seriesChanges(printed: readonly Printed[]): Array<OfMetric<SeriesChange>> {
  const firsts = new Map<string, { first: Printed; others: Printed[] }>()
  for (const entry of printed) {
    const { fact } = entry
    if ((fact.aspect !== 'change' && fact.aspect !== 'relative-change') || fact.basePeriod === undefined) continue
    const key = `${seriesKey(fact)}\0${fact.basePeriod}\0${fact.aspect}\0${fact.value}`
    const known = firsts.get(key)
    if (known) known.others.push(entry)
    else firsts.set(key, { first: entry, others: [] })
  }
  return [...firsts.values()].map(({ first, others }) => ({
    metric: first.fact.metric,
    record: changeRecord(first, others)
  }))
}

function changeRecord({ fact, publication }: Printed, others: readonly Printed[]): SeriesChange {
  const { period, entity, dimensions, value, unit } = seriesFields(fact)
  const change: SeriesChange = Object.assign(
    { period, basePeriod: fact.basePeriod ?? '', entity, dimensions },
    { aspect: fact.aspect as SeriesChange['aspect'], value, unit },
    fact.decimals !== undefined ? { decimals: fact.decimals } : {},
    { text: fact.text, report: publication.slug, fact: fact.id, source: sourcePoint(fact) }
  )
  // Made when the series is written, as a level's (see publishedPoint): a change a thousand reports restate.
  if (others.length > 0)
    Object.defineProperty(change, 'alsoIn', { enumerable: true, get: () => others.map(referenceTo) })
  return change
}
