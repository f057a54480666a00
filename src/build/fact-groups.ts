import { appendFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import type { CollectionFact } from '../model/compiled.js'
import { compareStrings } from '../model/compare.js'
import { jsonLinesOf } from './json-lines.js'

/**
 * The facts of the reports a collection is made of, taken a report at a time and given back a
 * group of metrics at a time. The rules across reports relate facts of one metric only, so each
 * group is a collection of its own. While the facts fit the budget they are held as they came,
 * and there is one group of every metric; past it they are written to a folder, a file for each
 * metric, and read back a group at a time, each of at most `group` facts unless one metric has
 * more: a collection of ten thousand reports holds more than a million facts, which would be most
 * of a build's memory.
 */
interface FactGroups {
  /** The metrics of each group, in order; together, every metric of a fact, sorted. */
  groups: string[][]
  /** Whether the facts were too many to hold at once, and went to the folder. */
  spilled: boolean
  /** The facts of each report given, in order, of the group's metrics, in the order of their report. */
  factsOf: (group: readonly string[]) => ReadonlyArray<readonly CollectionFact[]>
}

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
      if (!spilled) return { groups: [metrics], spilled, factsOf: () => held }
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
      return {
        groups,
        spilled,
        factsOf(group) {
          const read: Array<Array<[number, CollectionFact]>> = Array.from({ length: reports }, () => [])
          for (const metric of group) {
            const file = files.get(metric)
            if (file === undefined) continue
            for (const line of jsonLinesOf(file)) {
              const [index, at, fact] = line as [number, number, CollectionFact]
              read[index]?.push([at, fact])
            }
          }
          // In the order of their report, as held facts are.
          return read.map((facts) => facts.sort((a, b) => a[0] - b[0]).map(([, fact]) => fact))
        }
      }
    }
  }
}
