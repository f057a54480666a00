import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { CollectionFact } from '../model/compiled.js'
import { compareStrings } from '../model/compare.js'
import { stringPool } from '../model/string-pool.js'
import { compareLinePlaces, linePlace, type LinePlace } from '../collection/published.js'
import { lineNumbers } from '../emit/series-line-numbers.js'
import { jsonLinesOf, linesAppender, linesOf } from './json-lines.js'

/**
 * The facts of the reports a collection is made of, taken a report at a time and given back a
 * group of metrics at a time. The rules across reports relate facts of one metric only, so each
 * group is a collection of its own. While the facts fit the budget they are held as they came,
 * and there is one group of every metric; past it they are written to a folder, a file for each
 * metric, and read back a group at a time, each of at most `group` facts unless one metric has
 * more: a collection of ten thousand reports holds more than a million facts, which would be most
 * of a build's memory.
 */
export interface FactGroups {
  /** The metrics of each group, in order; together, every metric of a fact, sorted. */
  groups: string[][]
  /** Whether the facts were too many to hold at once, and went to the folder. */
  spilled: boolean
  /**
   * The facts of each report given, in order, of the group's metrics, in the order of their
   * report; once spilled, a report with none of them is a hole.
   */
  factsOf: (group: readonly string[]) => ReportFacts
  /**
   * The parts of a group, each of whole lines of its series (see FactParts): one, its facts, but
   * for a metric that has more facts than a group, read a part at a time.
   */
  partsOf: (group: readonly string[]) => FactParts
}

/**
 * The facts of a metric too many for a group, cut into parts of whole lines (entity and
 * dimensions), in the order of the lines of its series, each of at most a group's facts unless one
 * line has more. The rules across reports relate facts of one line only: a part is a collection of
 * its own, and the series of the parts, put one after the other, are the metric's (see
 * crossReport). Ten thousand districts print the petitions of their inspections, 80,000 facts:
 * made into a series at once, they were the peak of a build's memory.
 */
export interface FactParts {
  count: number
  /** The facts of part `part` (from 0), by report, as factsOf gives them. */
  factsOf: (part: number) => ReportFacts
}

/** The facts of each report, by its place among those given; a report may have none (a hole). */
export type ReportFacts = ReadonlyArray<readonly CollectionFact[] | undefined>

export interface FactGrouper {
  /** The facts of the next report. */
  add: (facts: readonly CollectionFact[]) => void
  done: () => FactGroups
}

/** Buffered lines are appended to their files past this many characters. */
const flushAt = 1 << 23

/** How many facts are held at once, and how many a group has when they are more (see FactGroups). */
export interface FactBudget {
  held: number
  group: number
}

/**
 * Group the facts of reports given one after the other (see FactGroups); `folder` is made when
 * they do not fit the budget, and left to the caller to remove.
 */
export function factGrouper(budget: FactBudget, folder: string): FactGrouper {
  const held: Array<readonly CollectionFact[]> = []
  const counts = new Map<string, number>()
  const files = new Map<string, string>()
  const buffered = new Map<string, string[]>()
  let bufferedLength = 0
  let total = 0
  let spilled = false
  let reports = 0

  const fileOf = (metric: string) => {
    let file = files.get(metric)
    if (file === undefined) files.set(metric, (file = path.join(folder, `${files.size}.jsonl`)))
    return file
  }
  const flush = () => {
    for (const [metric, lines] of buffered) appendFileSync(fileOf(metric), lines.join(''))
    buffered.clear()
    bufferedLength = 0
  }
  const spill = (index: number, facts: readonly CollectionFact[]) => {
    for (const [at, fact] of facts.entries()) {
      const line = `${JSON.stringify([index, at, fact])}\n`
      const lines = buffered.get(fact.metric)
      if (lines) lines.push(line)
      else buffered.set(fact.metric, [line])
      bufferedLength += line.length
    }
    if (bufferedLength > flushAt) flush()
  }

  return {
    add(facts) {
      for (const fact of facts) counts.set(fact.metric, (counts.get(fact.metric) ?? 0) + 1)
      total += facts.length
      const index = reports++
      if (!spilled && total <= budget.held) {
        held.push(facts)
        return
      }
      if (!spilled) {
        spilled = true
        mkdirSync(folder, { recursive: true })
        for (const [earlier, kept] of held.entries()) spill(earlier, kept)
        held.length = 0
      }
      spill(index, facts)
    },
    done() {
      flush()
      const metrics = [...counts.keys()].sort(compareStrings)
      if (!spilled) return { groups: [metrics], spilled, factsOf: () => held, partsOf: () => oneOf(held) }
      const groups: string[][] = []
      let size = 0
      for (const metric of metrics) {
        const count = counts.get(metric) ?? 0
        const last = groups.at(-1)
        if (last && size + count <= budget.group) {
          last.push(metric)
          size += count
        } else {
          groups.push([metric])
          size = count
        }
      }
      const read = (sources: readonly string[]) => {
        // Sparse: a group's few metrics are printed by few of ten thousand reports, and a report
        // without facts here is a hole, which map skips.
        const byReport = new Array<Array<[number, CollectionFact]>>(reports)
        const shared = sharing()
        for (const file of sources)
          for (const line of jsonLinesOf(file)) {
            const [index, at, fact] = line as [number, number, CollectionFact]
            const ofReport = (byReport[index] ??= [])
            ofReport.push([at, shared(fact)])
          }
        // In the order of their report, as held facts are.
        return byReport.map((facts) => facts.sort((a, b) => a[0] - b[0]).map(([, fact]) => fact))
      }
      const filesOf = (group: readonly string[]) => group.flatMap((metric) => files.get(metric) ?? [])
      return {
        groups,
        spilled,
        factsOf: (group) => read(filesOf(group)),
        partsOf(group) {
          const [metric] = group
          const file = metric === undefined ? undefined : files.get(metric)
          if (group.length !== 1 || file === undefined || (counts.get(metric as string) ?? 0) <= budget.group)
            return oneOf(read(filesOf(group)))
          const { count, partOfEach } = lineParts(file, budget.group)
          const parts = splitParts(file, count, partOfEach)
          return { count, factsOf: (part) => read(parts.slice(part, part + 1)) }
        }
      }
    }
  }
}

/**
 * Give the facts read back one string for each text that their series keep of them: parsed, each
 * fact has a copy of its own of its report's file, its period, entity, unit and text, which
 * thousands of reports write alike, and which the points of the series keep while it is written.
 */
function sharing(): (fact: CollectionFact) => CollectionFact {
  const one = stringPool()
  return (fact) => {
    fact.source.file = one(fact.source.file)
    fact.period = one(fact.period)
    fact.entity = one(fact.entity)
    fact.unit = one(fact.unit)
    fact.text = one(fact.text)
    return fact
  }
}

/**
 * The lines of `file` written to a file for each of its `count` parts, beside it, in the order
 * they come, the part of each line given by `partOfEach` (see lineParts): each part is then read
 * alone. Read from the metric's file each time, the facts of 10,000 districts' most printed metric
 * (90,000 lines, five parts) were read six times over.
 */
function splitParts(file: string, count: number, partOfEach: Uint32Array): string[] {
  const parts = Array.from({ length: count }, (_, part) => `${file.replace(/\.jsonl$/, '')}-${part}.jsonl`)
  // Each made at once, so that a part is a file even if no line came to it.
  for (const part of parts) writeFileSync(part, '')
  // Held a megabyte of text at most for each part, where a whole group of metrics spills at once.
  const appenders = parts.map((part) => linesAppender(part, 1 << 20))
  let at = 0
  for (const line of linesOf(file)) appenders[partOfEach[at++] ?? 0]?.add(line)
  for (const appender of appenders) appender.flush()
  return parts
}

function oneOf(facts: ReportFacts): FactParts {
  return { count: 1, factsOf: () => facts }
}

/**
 * The part of each fact of `file`, in the order of its lines (see FactParts): the lines in the
 * order of a series' points (see compareLinePlaces), cut where a part would pass `size` facts. The
 * lines are known by their numbers (see lineNumbers), not by a key of text held for each of them,
 * and each fact's line number is kept, so that the file need not be parsed again to split it.
 */
function lineParts(file: string, size: number): { count: number; partOfEach: Uint32Array } {
  const numbers = lineNumbers()
  const places: LinePlace[] = []
  const sizes: number[] = []
  const lineOfEach: number[] = []
  for (const line of jsonLinesOf(file)) {
    const fact = (line as [number, number, CollectionFact])[2]
    const number = numbers.of(fact)
    if (number === places.length) places.push(linePlace(fact))
    sizes[number] = (sizes[number] ?? 0) + 1
    lineOfEach.push(number)
  }
  const ordered = places.map((_, number) => number)
  ordered.sort((a, b) => compareLinePlaces(places[a] as LinePlace, places[b] as LinePlace))
  const parts = new Uint32Array(places.length)
  let part = 0
  let facts = 0
  for (const number of ordered) {
    const count = sizes[number] ?? 0
    if (facts > 0 && facts + count > size) [part, facts] = [part + 1, 0]
    parts[number] = part
    facts += count
  }
  return {
    count: places.length === 0 ? 0 : part + 1,
    partOfEach: Uint32Array.from(lineOfEach, (number) => parts[number] ?? 0)
  }
}
