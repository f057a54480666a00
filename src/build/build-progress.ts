import type { StepTime } from './step-clock.js'

/**
 * How far a build has come, told as it goes: a cold build of thousands of reports takes minutes,
 * most of them compiling. `compiled`: one more report compiled of the `of` this build compiles
 * (those taken from the cache are not counted). `step`: a step of the build ended, as --timings
 * lists it.
 */
export type BuildProgress = { kind: 'compiled'; compiled: number; of: number } | { kind: 'step'; step: StepTime }
