import { runUnitTask, type UnitDone, type UnitTask } from './unit-task.js'

// The entry of a build's worker threads: each compiles and renders the reports it is handed.
export default function compileInWorker(task: UnitTask): UnitDone {
  return runUnitTask(task)
}
