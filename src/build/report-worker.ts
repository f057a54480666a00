import { runUnitTask, type UnitDone, type UnitTask } from './unit-task.js'

// The entry of a build's worker threads: each compiles and renders the reports it is handed. A
// build that compiles in its own thread imports runUnitTask from here too, bundled (see workerEntry).
export default function compileInWorker(task: UnitTask): UnitDone {
  return runUnitTask(task)
}

export { runUnitTask }
