import type { BuildRecord } from './build-record.js'
import type { BuildResult } from './build-result.js'
import type { OutputCheck } from './output-folder.js'
import type { PublishStep } from './publish.js'
import type { ReportFile } from './render-artifacts.js'
import type { UnitRunner } from './unit-pool.js'
import type { StepClock } from './step-clock.js'

// What a build of the site is asked and what it answers, shared by its two stages: the one that
// finds whether anything changed (build-site.ts) and the one that compiles and stages (stage-site.ts).

/** How many facts the rules across reports hold at once unless told (see factBudget in whole-collection.ts). */
export const defaultFactsHeld = 150_000

export interface SiteBuildOptions {
  cwd: string
  src: string
  files?: readonly string[]
  /** The output folder, absolute. */
  out: string
  strict?: boolean
  reportFiles?: readonly ReportFile[]
  /** The cache folder, and whether what it holds may be used (false: a cold build, which refills it). */
  cache: { folder: string; reuse: boolean }
  /** The record of the last build of `out` (see readRecord), when the cache may be used and there is one. */
  last?: BuildRecord
  /** At most this many worker threads; 0 or 1 compiles in this thread. Default: one per core. */
  threads?: number
  /** At most this many facts are held at once by the rules across reports; see BuildOptions. */
  factsHeld?: number
  /** Threads kept across builds by a process that builds again and again; see buildWith. */
  workers?: UnitRunner
  /** Ends each step of the build as it is done (see StepClock). */
  clock: StepClock
  check: () => Promise<OutputCheck>
  onPublishStep?: (step: PublishStep) => void | Promise<void>
  /** Told each time a report is compiled: how many are, of how many this build compiles. */
  onCompiled?: (compiled: number, of: number) => void
}

export type SiteBuildOutcome =
  | {
      ok: true
      result: BuildResult
      files: string[]
      restored: boolean
      unchanged: boolean
      unrecorded?: string
      /** Files of the output folder the last build wrote, modified since and written anew (see Built.modified). */
      modified?: string[]
    }
  | { ok: false; reason: 'invalid' | 'emit'; result: BuildResult; message: string; restored: boolean }
