import { keepCompilerCode, reportCompiler } from './report-compiler.js'
import type { CheckUnitDone } from './check-unit-file.js'
import type { CheckUnitTask } from './check-unit-task.js'
import type { UnitDone, UnitTask } from './unit-task.js'
import { carryingErrors, type CarriedError } from './thread-errors.js'

/**
 * The entry of a build's worker threads: each loads the compiler once, and compiles and renders
 * the reports it is handed. Without --no-cache, the compiler runs with the code V8 compiled of it
 * in an earlier process, and the code of the first report's compile is kept for the next.
 */
export default async function compileOnThread(task: UnitTask): Promise<UnitDone | CarriedError> {
  return carryingErrors(async () => {
    const compiler = await reportCompiler(task)
    const done = compiler.runUnitTask(task)
    keepCompilerCode()
    return done
  })
}

/** A report compiled and rendered and nothing written or kept, to run the compiler's code once (see warmUnitTask). */
export async function warmOnThread(task: UnitTask): Promise<void> {
  const compiler = await reportCompiler(task)
  compiler.warmUnitTask(task)
  keepCompilerCode()
}

/** The same for a check's threads: each report compiled and kept as a check keeps it, nothing rendered. */
export async function checkOnThread(task: CheckUnitTask): Promise<CheckUnitDone | CarriedError> {
  return carryingErrors(async () => {
    const compiler = await reportCompiler({ cacheFolder: task.cacheFolder, reuse: true })
    const done = compiler.runCheckUnitTask(task)
    keepCompilerCode()
    return done
  })
}
