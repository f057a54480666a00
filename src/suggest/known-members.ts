import type { Registry } from '../model/compiled.js'

/** A member of a metric's dimension that a report of the collection annotates: 汀溪水库 as a site of water.drinking_source_class. */
export interface KnownMember {
  metric: string
  dimension: string
}

/** The members the collection's annotations name, by the text of each, with the metrics and dimensions they are members of. */
export type KnownMembers = ReadonlyMap<string, readonly KnownMember[]>

/** What the annotations of a collection write, each attribute of an annotation with a metric once: `metric\0name\0value`. */
export type AnnotatedValues = Set<string>

// An annotation's attributes: a block in braces right after the label's closing bracket.
const ATTRIBUTE_BLOCK = /\]\{([^{}\n]*)\}/g
const ATTRIBUTE = /([A-Za-z_][\w.:-]*)=(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`}]+))/g
const decoder = new TextDecoder()

/**
 * Add the attributes a report's annotations write beside a metric to `values`. They are read from
 * the text as written, without compiling it: the reports of a folder of thousands are read in a
 * moment, one at a time, and what is read here only weighs a proposal, which the editor and then
 * the compiler check.
 */
export function addAnnotatedValues(values: AnnotatedValues, text: string | Uint8Array): void {
  const decoded = typeof text === 'string' ? text : decoder.decode(text)
  for (const [, block = ''] of decoded.matchAll(ATTRIBUTE_BLOCK)) {
    const attributes = [...block.matchAll(ATTRIBUTE)].map(
      (match) => [match[1] as string, match[2] ?? match[3] ?? match[4] ?? ''] as const
    )
    const metric = attributes.find(([name]) => name === 'metric')?.[1]
    if (metric === undefined || metric === '') continue
    for (const [name, value] of attributes)
      if (name !== 'metric' && value !== '') values.add(`${metric}\0${name}\0${value}`)
  }
}

/**
 * The members of the registry's dimensions among the values the collection's annotations write
 * (`site=汀溪水库` beside a metric that has a `site` dimension), so that a figure of a new report said
 * of 汀溪水库 is proposed in the series the others publish; and the members the registry lists for a
 * closed dimension (`values:`), known before any report names them.
 */
export function knownMembers(values: Iterable<string>, registry: Registry): KnownMembers {
  const known = new Map<string, KnownMember[]>()
  const add = (metric: string, dimension: string, value: string) => {
    const members = known.get(value) ?? []
    // A member of one character (甲) would be found inside any word.
    if (value.length < 2 || members.some((member) => member.metric === metric && member.dimension === dimension)) return
    known.set(value, [...members, { metric, dimension }])
  }
  for (const entry of values) {
    const [metric = '', dimension = '', value = ''] = entry.split('\0')
    if (registry.metrics.get(metric)?.dimensions?.[dimension] !== undefined) add(metric, dimension, value)
  }
  for (const [metric, { dimensions = {} }] of registry.metrics)
    for (const [dimension, { values: members = [] }] of Object.entries(dimensions))
      for (const value of members) add(metric, dimension, value)
  return known
}

/** What the annotations of these reports write (see addAnnotatedValues). */
export function annotatedIn(reports: ReadonlyArray<{ text: string | Uint8Array }>): AnnotatedValues {
  const values: AnnotatedValues = new Set()
  for (const report of reports) addAnnotatedValues(values, report.text)
  return values
}
