import { createHash } from 'node:crypto'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { keepJson, readKept } from '../cache/cache-folder.js'
import { sha256 } from '../emit/hash.js'
import type { AcrossMemo } from './across-memo.js'
import { isObject } from './build-cache.js'
import { keptMoves, type Moved, type Moves, type MovesKept } from './relocation.js'
import { inputsKey, movedSum } from './series-inputs.js'
import { seriesFileKey } from './site-file-key.js'

/**
 * What the series of each metric whose conclusions are kept (see MetricsMemo) is made of, in a
 * small file beside them. A build where the facts of a report only moved takes the conclusions of
 * the whole moved (see movedMemo) and writes this file again, with each metric's key as the moves
 * left it and the moves themselves, without reading or writing the conclusions of each metric
 * (3.7 MB at 1,000 reports). A later build that collects again takes each metric whose key is
 * still the same, what the rules told of it moved as its facts were: a figure corrected after a
 * sentence put in the middle of its report collects its own metric only.
 */
export interface MetricInputs {
  /** The conclusions of each metric these go with (see MetricsMemo.base). */
  base: string
  /** The digest of the `made` of the conclusions of the whole these go with (see madeDigest): a build that moves facts moves only its own. */
  made: string
  /** The digest of the reports read (see SeriesInputs.reports), and of their titles (see titlesDigest). */
  reports: string
  titles: string
  /** By metric: the key of its conclusions, the sum of its reports' digests (see SeriesInputs.sumOf), and the files of its series. */
  metrics: Record<string, MetricInput>
  /** Where facts moved since the conclusions of each metric were kept, a build at a time. */
  moves: MovesKept[]
}

interface MetricInput {
  key: string
  sum: string
  files: string[]
}

/**
 * Moves kept past this many builds are let go, and the metrics whose facts moved are collected
 * again: each build's moves of a report of the seed's size are about 5 KB, applied to every
 * message taken.
 */
const mostMoves = 64

const inputsFile = (folder: string, key: string) => path.join(folder, 'across', `${key}.inputs.json`)

export function readMetricInputs(folder: string, key: string): MetricInputs | undefined {
  const kept = readKept(inputsFile(folder, key))
  return isObject(kept) && isObject(kept['metrics']) && Array.isArray(kept['moves'])
    ? (kept as unknown as MetricInputs)
    : undefined
}

export function writeMetricInputs(folder: string, key: string, inputs: MetricInputs | undefined): void {
  if (inputs) keepJson(inputsFile(folder, key), inputs)
  else rmSync(inputsFile(folder, key), { force: true })
}

/** The digest of the `made` of conclusions across reports (see AcrossMemo.made). */
export function madeDigest(made: AcrossMemo['made']): string {
  return sha256(JSON.stringify(made))
}

/** The key of a metric's conclusions: of the environment, and of what its series is made of (see SeriesInputs.keyOf). */
export function metricKey(environment: string, inputs: string): string {
  return createHash('sha256').update(`${environment}\0${inputs}`).digest('hex')
}

/**
 * The inputs as the reports `moved` left them, the moves added, in a build of the environment
 * `environment` whose conclusions of the whole have the `made` digest `made`; undefined past
 * mostMoves.
 */
function movedInputs(
  inputs: MetricInputs,
  moved: readonly Moved[],
  moves: Moves,
  environment: string,
  made: string
): MetricInputs | undefined {
  if (inputs.moves.length >= mostMoves) return undefined
  const metrics: Record<string, MetricInput> = {}
  for (const [id, input] of Object.entries(inputs.metrics)) {
    let { sum } = input
    for (const { before, after } of moved) {
      const was = before.factDigests[id]
      const now = after.factDigests[id]
      if (was !== now) sum = movedSum(sum, after.path, was, now)
    }
    const key = sum === input.sum ? input.key : metricKey(environment, inputsKey(inputs.reports, id, sum))
    metrics[id] = { ...input, key, sum }
  }
  return { ...inputs, made, metrics, moves: [...inputs.moves, keptMoves(moves)] }
}

/**
 * The key a file of a series has once its facts moved from `before` to `after`, given the key it
 * had: undefined for a file of no series, or one whose key is not the one `before` gives it (made
 * otherwise, by a build that held no collection whole, say).
 */
export function movedSeriesKey(
  before: MetricInputs,
  after: MetricInputs,
  environmentKey: string
): (file: string, key: string) => string | undefined {
  const metricOf = new Map<string, string>()
  for (const [id, { files }] of Object.entries(before.metrics)) for (const file of files) metricOf.set(file, id)
  const keyOf = (inputs: MetricInputs, id: string, file: string) => {
    const sum = inputs.metrics[id]?.sum
    return sum && seriesFileKey(environmentKey, inputs.titles, inputsKey(inputs.reports, id, sum), file)
  }
  return (file, key) => {
    const id = metricOf.get(file)
    return id === undefined || keyOf(before, id, file) !== key ? undefined : keyOf(after, id, file)
  }
}

/**
 * The inputs of every metric a build concluded, its collection held whole, for the conclusions
 * kept as `base` beside conclusions of the whole whose `made` has the digest `made`.
 */
export function heldInputs(held: {
  base: string
  made: string
  reports: string
  titles: string
  metrics: ReadonlyArray<{ id: string; key: string; files: string[] }>
  sumOf: (metric: string) => string | undefined
}): MetricInputs {
  const { base, made, reports, titles, sumOf } = held
  const metrics = Object.fromEntries(
    held.metrics.map(({ id, key, files }) => [id, { key, sum: sumOf(id) ?? '', files }] as const)
  )
  return { base, made, reports, titles, metrics, moves: [] }
}

/**
 * The inputs kept for the conclusions `key`, before and after the facts of the reports `moved`
 * moved from where the conclusions of the whole, whose `made` had the digest `from`, said they
 * stood; undefined when there are none, or they go with other conclusions of the whole.
 */
export function inputsMoved(
  folder: string,
  key: string,
  moved: { moved: readonly Moved[]; moves: Moves; from: string; made: string },
  environment: string
): { before: MetricInputs; after: MetricInputs } | undefined {
  const before = readMetricInputs(folder, key)
  if (before?.made !== moved.from) return undefined
  const after = movedInputs(before, moved.moved, moved.moves, environment, moved.made)
  return after && { before, after }
}
