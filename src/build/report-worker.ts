import { runCheckUnitTask } from './check-unit-task.js'
import { runUnitTask, warmUnitTask } from './unit-task.js'

// What compiles and renders reports, as one bundle (scripts/bundles.mjs): the threads of a build
// or a check load it (see report-thread.ts), and so does a build that compiles in its own thread
// (see report-compiler.ts).
export { runCheckUnitTask, runUnitTask, warmUnitTask }
