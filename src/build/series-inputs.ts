import { createHash } from 'node:crypto'
import type { ReportHead } from './report-head.js'

/**
 * What the series of each metric is made of, told a report at a time as the rules across reports
 * read them: every report read, in order, with its path, front matter, what it says of itself and
 * whether it prints a fact at all (which places it among the reports of the collection), and the
 * digest of its facts of the metric. The rules relate facts of one metric only (see FactGroups),
 * so two builds whose inputs of a metric are the same make the same series of it: a build where a
 * figure was corrected tells the series to make again without making each of the others into
 * JSON to compare, which took 0.7 s of such a build at 1,000 reports.
 *
 * Each metric's digests are summed (see SeriesSum), so that a build where the facts of a report
 * only moved can tell each metric's key from the sum kept and that report's digests before and
 * after, without reading the other reports (see movedSum).
 */
export interface SeriesInputs {
  add: (head: Pick<ReportHead, 'path' | 'frontMatter' | 'report' | 'facts' | 'factDigests'>) => void
  /** The digest of what the series of `metric` is made of, asked once every report is added; undefined for a metric no report prints. */
  keyOf: (metric: string) => string | undefined
  /** The sum of the reports' digests of `metric`; undefined for a metric no report prints. */
  sumOf: (metric: string) => string | undefined
  /** The digest of the reports read, in order (but for their facts), asked once every report is added. */
  reports: () => string
}

/**
 * Each report's digest of a metric, times a number of its path, summed into four words of 32 bits
 * apiece, as 32 hex digits: a sum changes with any one report's digest (the number is odd), and
 * two reports' digests trade places only in another sum. The order of the reports is the digest
 * of the reports' own. A key of one's own sources, not a defence against forged ones.
 */
type SeriesSum = Uint32Array

export function seriesInputs(): SeriesInputs {
  const reports = createHash('sha256')
  const sums = new Map<string, SeriesSum>()
  const keys = new Map<string, string | undefined>()
  let reportsDigest: string | undefined
  const digestOf = () => (reportsDigest ??= reports.digest('hex'))
  const sumOf = (metric: string) => {
    const sum = sums.get(metric)
    return sum && hexOf(sum)
  }
  return {
    add(head) {
      const { path: shown, frontMatter, report, facts, factDigests } = head
      reports.update(`${JSON.stringify([shown, frontMatter, report, facts > 0])}\n`)
      const factor = factorOf(shown)
      for (const [metric, digest] of Object.entries(factDigests)) {
        let sum = sums.get(metric)
        if (!sum) sums.set(metric, (sum = new Uint32Array(4)))
        addTerm(sum, factor, digest, 1)
      }
    },
    keyOf(metric) {
      if (keys.has(metric)) return keys.get(metric)
      const sum = sumOf(metric)
      const key = sum && inputsKey(digestOf(), metric, sum)
      keys.set(metric, key)
      return key
    },
    sumOf,
    reports: digestOf
  }
}

/** The key of a metric's series (see SeriesInputs.keyOf) of the digest of the reports and the sum of their digests of it. */
export function inputsKey(reports: string, metric: string, sum: string): string {
  return createHash('sha256').update(`${reports}\0${metric}\0${sum}`).digest('hex')
}

/**
 * The sum of a metric's digests (see SeriesInputs.sumOf) once the report at `shown` has, in place
 * of the digest `before`, the digest `after` (either none: the report did not or does not print it).
 */
export function movedSum(sum: string, shown: string, before: string | undefined, after: string | undefined): string {
  const words = sumOfHex(sum)
  const factor = factorOf(shown)
  if (before !== undefined) addTerm(words, factor, before, -1)
  if (after !== undefined) addTerm(words, factor, after, 1)
  return hexOf(words)
}

/** Four odd words of the digest of a report's path. */
function factorOf(shown: string): SeriesSum {
  const words = new Uint32Array(createHash('sha256').update(shown).digest().buffer.slice(0, 16))
  for (let at = 0; at < 4; at++) words[at] = ((words[at] ?? 0) | 1) >>> 0
  return words
}

function addTerm(sum: SeriesSum, factor: SeriesSum, digest: string, sign: 1 | -1): void {
  const bytes = Buffer.from(digest, 'base64url')
  for (let at = 0; at < 4; at++) {
    const term = Math.imul(factor[at] ?? 0, bytes.readUInt32LE(at * 4))
    sum[at] = ((sum[at] ?? 0) + sign * term) >>> 0
  }
}

function hexOf(sum: SeriesSum): string {
  let hex = ''
  for (const word of sum) hex += word.toString(16).padStart(8, '0')
  return hex
}

function sumOfHex(hex: string): SeriesSum {
  const words = new Uint32Array(4)
  for (let at = 0; at < 4; at++) words[at] = Number.parseInt(hex.slice(at * 8, at * 8 + 8), 16) >>> 0
  return words
}
