import type { CollectionFact } from '../model/compiled.js'
import type { DateReference, SeriesChange, SeriesDate } from '../model/schema-types.js'
import { seriesKey } from '../validate/fact-groups.js'
import { referenceTo, seriesFields, sourcePoint, type OfMetric, type Printed, type Publication } from './published.js'

/** A fact of any value and the report that gives it. */
interface Given {
  publication: Publication
  fact: CollectionFact
}

/**
 * The changes the reports state (同比, 比上年…), one record for each line, period, base period,
 * aspect, value and bound (基本持平 is about nothing, 持平 exactly nothing), in the order the reports were published: the first report to state it gives
 * the record, the others are listed in alsoIn. A metric only ever told as a change (市级审批量占比同比提升
 * 5.86个百分点) is a series of its changes; one with levels too keeps them, which the checks hold
 * against the levels. A change stated with another value is a record of its own, so nothing a report
 * states is lost from the series. `changes` are the printed facts isChange holds of.
 */
export function seriesChanges(changes: readonly Printed[]): Array<OfMetric<SeriesChange>> {
  const key = ({ fact }: Printed) =>
    `${seriesKey(fact)}\0${fact.basePeriod ?? ''}\0${fact.aspect}\0${fact.value}\0${fact.bound ?? ''}`
  return firstOfEach(changes, key).map(({ first, others }) => ({
    metric: first.fact.metric,
    record: withOthers(changeRecord(first), others, referenceTo)
  }))
}

/**
 * The dates the reports give as the values of date metrics (于2025年11月完成), one record for each
 * line, period and date, in the order the reports were published, as seriesChanges: a series has
 * no point for a date, which is no number to draw.
 */
export function seriesDates(publications: readonly Publication[]): Array<OfMetric<SeriesDate>> {
  const dates: Given[] = publications.flatMap((publication) =>
    publication.report.bundle.facts
      .filter((fact) => typeof fact.value === 'string' && fact.aspect === 'level')
      .map((fact) => ({ publication, fact }))
  )
  const key = ({ fact }: Given) => `${seriesKey(fact)}\0${fact.value}`
  return firstOfEach(dates, key).map(({ first, others }) => ({
    metric: first.fact.metric,
    record: withOthers(dateRecord(first), others, dateReference)
  }))
}

/** The entries by key, in the order of their first, each with the entries after it of the same key. */
function firstOfEach<T>(entries: readonly T[], key: (entry: T) => string): Array<{ first: T; others: T[] }> {
  const firsts = new Map<string, { first: T; others: T[] }>()
  for (const entry of entries) {
    const name = key(entry)
    const known = firsts.get(name)
    if (known) known.others.push(entry)
    else firsts.set(name, { first: entry, others: [] })
  }
  return [...firsts.values()]
}

/**
 * The record with the reports that give it again, made when the series is written, as a level's
 * (see publishedPoint): a change or a date a thousand reports restate.
 */
function withOthers<R extends object, T, Reference>(
  record: R,
  others: readonly T[],
  reference: (entry: T) => Reference
): R & { alsoIn?: Reference[] } {
  if (others.length > 0) Object.defineProperty(record, 'alsoIn', { enumerable: true, get: () => others.map(reference) })
  return record
}

function changeRecord({ fact, publication }: Printed): SeriesChange {
  const { period, entity, dimensions, value, unit } = seriesFields(fact)
  return {
    period,
    basePeriod: fact.basePeriod ?? '',
    entity,
    dimensions,
    aspect: fact.aspect as SeriesChange['aspect'],
    value,
    unit,
    ...(fact.decimals !== undefined && { decimals: fact.decimals }),
    ...(fact.bound !== undefined && { bound: fact.bound }),
    text: fact.text,
    report: publication.slug,
    fact: fact.id,
    source: sourcePoint(fact)
  }
}

function dateRecord({ fact, publication }: Given): SeriesDate {
  const { period, entity, dimensions } = fact
  return {
    period,
    entity,
    dimensions,
    value: String(fact.value),
    text: fact.text,
    report: publication.slug,
    fact: fact.id,
    source: sourcePoint(fact)
  }
}

function dateReference({ fact, publication }: Given): DateReference {
  return {
    report: publication.slug,
    fact: fact.id,
    text: fact.text,
    value: String(fact.value),
    source: sourcePoint(fact)
  }
}
