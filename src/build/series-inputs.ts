import { createHash, type Hash } from 'node:crypto'
import type { ReportHead } from './report-head.js'

/**
 * What the series of each metric is made of, told a report at a time as the rules across reports
 * read them: every report read, in order, with its path, front matter, what it says of itself and
 * whether it prints a fact at all (which places it among the reports of the collection), and the
 * digest of its facts of the metric. The rules relate facts of one metric only (see FactGroups),
 * so two builds whose inputs of a metric are the same make the same series of it: a build where a
 * figure was corrected tells the series to make again without making each of the others into
 * JSON to compare, which took 0.7 s of such a build at 1,000 reports.
 */
export interface SeriesInputs {
  add: (head: Pick<ReportHead, 'path' | 'frontMatter' | 'report' | 'facts' | 'factDigests'>) => void
  /** The digest of what the series of `metric` is made of, asked once every report is added; undefined for a metric no report prints. */
  keyOf: (metric: string) => string | undefined
}

/** Each metric's entries are hashed past this many characters: ten thousand reports' would be 30 MB held. */
const flushAt = 1 << 14

export function seriesInputs(): SeriesInputs {
  const reports = createHash('sha256')
  const metrics = new Map<string, { hash: Hash; buffered: string }>()
  const keys = new Map<string, string | undefined>()
  let count = 0
  let reportsDigest: string | undefined
  return {
    add(head) {
      const { path: shown, frontMatter, report, facts, factDigests } = head
      const index = count++
      reports.update(`${JSON.stringify([shown, frontMatter, report, facts > 0])}\n`)
      for (const [metric, digest] of Object.entries(factDigests)) {
        let inputs = metrics.get(metric)
        if (!inputs) metrics.set(metric, (inputs = { hash: createHash('sha256'), buffered: '' }))
        inputs.buffered += `${index} ${digest}\n`
        if (inputs.buffered.length > flushAt) {
          inputs.hash.update(inputs.buffered)
          inputs.buffered = ''
        }
      }
    },
    keyOf(metric) {
      if (keys.has(metric)) return keys.get(metric)
      const inputs = metrics.get(metric)
      reportsDigest ??= reports.digest('hex')
      const key =
        inputs &&
        createHash('sha256')
          .update(`${reportsDigest}\0${metric}\0`)
          .update(inputs.hash.update(inputs.buffered).digest('hex'))
          .digest('hex')
      keys.set(metric, key)
      return key
    }
  }
}
