import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker, type ResourceLimits } from 'node:worker_threads'
import Tinypool from 'tinypool'
import type { CheckUnitDone } from './check-unit-file.js'
import type { CheckUnitTask } from './check-unit-task.js'
import type { UnitDone, UnitTask } from './unit-task.js'
import type { ReportFile } from './render-artifacts.js'
import { keepCompilerCode, reportCompiler } from './report-compiler.js'
import { readingSource } from '../load/task-source.js'
import { defaultThreads } from './default-threads.js'
import { thrownAgain, type CarriedError } from './thread-errors.js'
import type { TableDone, TableTask, TableWriter } from './table-task.js'

/** Runs the tasks of a build: on worker threads when there are enough of them, else in this thread. */
export interface UnitRunner {
  run(task: UnitTask): Promise<UnitDone>
  /** Stop the threads; once closed, closing again does nothing. */
  close(): Promise<void>
  /** How many threads compile: 1 when the tasks run in this thread. */
  threads: number
  /** Whether the tasks run in this thread rather than on worker threads. */
  inThisThread: boolean
  /**
   * Threads kept from build to build (watch) only: have each compile and render `task`'s report
   * once, writing nothing, unless they have compiled reports enough already; at most once. Resolves
   * to how many threads it has warmed, once they are done; never rejects (a report that fails to
   * compile has warmed a thread all the same).
   */
  warm?(task: UnitTask): Promise<number>
  /**
   * Threads kept from build to build (watch) only: the thread that writes the site's table of every
   * fact (see tableThread), started the first time it is asked for and kept with them.
   */
  tableWriter?(): TableWriter | undefined
}

// Below this many reports, starting threads (each loads the compiler, about a sixth of a second
// from its bundle) costs more than it saves: a few reports compile sooner in this thread, while
// the thread it would wait for loads.
const fewestForThreads = 8

/**
 * The compiled entry of the threads (report-thread.ts), which lies beside this module in lib/.
 * From the TypeScript sources (as under the test runner) there is none beside it; the package's
 * compiled one is used when it is there.
 */
function threadEntry(name = 'report-thread'): string | undefined {
  const places = [`./${name}.js`, `../../lib/build/${name}.js`]
  return places.map((place) => fileURLToPath(new URL(place, import.meta.url))).find((file) => existsSync(file))
}

/**
 * A thread that writes the site's tables of every fact (see table-thread.ts), started at once, so
 * that it has loaded the Parquet writer by the time its first task comes; undefined when there is
 * no compiled entry for it (see threadEntry). Started as a plain worker rather than a pool of one:
 * a pool hands a task to its thread only once it has heard that the thread is ready, which a build
 * busy making its series would not hear before it is done; a worker takes the messages posted to
 * it before it started.
 */
export function tableThread(): TableWriter | undefined {
  const entry = threadEntry('table-thread')
  if (entry === undefined) return undefined
  const worker = new Worker(entry, { resourceLimits: threadLimits(0) })
  let closed: Promise<void> | undefined
  let queue = Promise.resolve<unknown>(undefined)
  // The task the thread writes, if any: its outcome is the next message. A thread that stopped
  // fails that task, and refuses the next at once (a watch keeps it idle between builds); heard
  // here from its start, its error is never thrown at the build.
  let pending: { resolve: (done: TableDone | CarriedError) => void; reject: (error: Error) => void } | undefined
  let stopped: Error | undefined
  const stop = (error: Error) => {
    stopped ??= error
    pending?.reject(error)
    pending = undefined
  }
  worker
    .on('message', (done: TableDone | CarriedError) => {
      pending?.resolve(done)
      pending = undefined
    })
    .on('error', stop)
    .on('exit', (code) => stop(new Error(`the thread writing the table stopped (${code})`)))
  const written = (task: TableTask) =>
    new Promise<TableDone | CarriedError>((resolve, reject) => {
      if (stopped) {
        reject(stopped)
        return
      }
      pending = { resolve, reject }
      worker.postMessage(task)
    }).then(thrownAgain)
  return {
    write(task) {
      // One task at a time: each outcome is the next message.
      const done = queue.then(() => written(task))
      queue = done.catch(() => undefined)
      return done
    },
    close: () => (closed ??= worker.terminate().then(() => undefined))
  }
}

/**
 * A runner for `tasks` tasks. `threads` caps the threads (default: see defaultThreads); 0 runs in
 * this thread, as do tasks with report files of the caller's own (functions cannot cross to a
 * thread), and a few tasks (see fewestForThreads) unless more threads than one are asked for.
 *
 * One thread is a worker thread all the same: its heap is held as the others' are (see
 * threadLimits), and this one's keeps only what the site needs of each report. Cold builds of
 * 1,000 copies of the seed peaked at 300 MB so (twice), and at 388 and 408 MB compiling in this thread.
 */
export function unitRunner(tasks: number, options: { threads?: number; files?: readonly ReportFile[] }): UnitRunner {
  const threads = Math.min(options.threads ?? defaultThreads(), tasks)
  const entry = threadEntry()
  if (
    options.files ||
    threads < 1 ||
    entry === undefined ||
    ((threads === 1 || options.threads === undefined) && tasks < fewestForThreads)
  )
    return {
      // A task that throws rejects, as one on a thread does. The compiler is loaded only here: a
      // build whose reports compile on threads never loads it in this one.
      run: (task) =>
        readingSource(task.source, async () => (await reportCompiler(task)).runUnitTask(task, options.files)),
      close: () => {
        keepCompilerCode()
        return Promise.resolve()
      },
      threads: 1,
      inThisThread: true
    }
  return threadRunner(entry, threads, tasks)
}

/**
 * Threads for a process that builds again and again (watch), kept until it closes them: a save is
 * then compiled by a thread that has compiled before, while this one takes the other reports'
 * files. Undefined when there is no compiled thread entry (see threadEntry).
 */
export function lastingRunner(threads = defaultThreads()): UnitRunner | undefined {
  const entry = threadEntry()
  if (entry === undefined) return undefined
  const count = Math.max(1, threads)
  // A save compiles a report or a few: they are not bounded.
  const pool = threadPool(entry, count, 0)
  let ran = 0
  let warmed = false
  const runner = runnerOf(pool, count)
  let table: TableWriter | undefined
  return {
    ...runner,
    run: (task) => {
      ran += 1
      return runner.run(task)
    },
    tableWriter: () => (table ??= tableThread()),
    close: async () => {
      await Promise.all([runner.close(), table?.close()])
    },
    async warm(task) {
      // A thread that has compiled no report yet loads the compiler and compiles its code as it
      // runs: after a first build that took every report from the cache, the first save of the
      // seed took 313 to 331 ms, and 146 to 174 ms with the threads warmed (and the modules that
      // stage a site loaded, see readyForSaves), when later saves took 110 to 150 ms.
      if (warmed || ran >= warmEnough * count) return 0
      warmed = true
      // As many tasks as threads at once: an idle thread takes each.
      const warming = Array.from({ length: count }, () =>
        pool.run(task, { name: 'warmOnThread' }).catch(() => undefined)
      )
      await Promise.all(warming)
      return count
    }
  }
}

/** Reports a thread of a watch compiles before its code is taken as compiled: see UnitRunner.warm. */
const warmEnough = 2

// A thread's young generation, where a report's parse and render make nearly all their garbage,
// may grow to 48 MB by V8's default (three times its largest semi-space). Cold builds of 1,000
// copies of the seed peaked at 364 to 376 MB as it is, and at 322 to 325 MB at 16 MB, in 37 to
// 45 s either way (the noise of this machine); at 8 MB they took 51 s for 319 MB. The build's own
// thread, which makes the site, keeps V8's default.
const threadYoungMb = 16

// V8 lets a heap grow, before its next full collection, to as much as four times what the last
// one kept when the heap may reach more than 2 GB (node's default on this machine: 4 GB), and to
// twice at most when it may reach 2 GB, less the smaller that is. A compiling thread keeps about
// 20 MB, so each of the two held 60 to 90 MB of old generation, and 30 to 40 MB within 2 GB, for
// more full collections. The build's own thread holds more the more reports there are (a few
// kilobytes of each), so the compile of cold builds of copies of the seed peaked at 317 to 325
// MB for 1,000, 365 MB for 5,000 and 395 to 410 MB for 10,000; within 2 GB, at 231, 264 and 289
// MB, but the builds took an eighth to a third longer (41 s to 49 s, 203 s to 235 s, 380 to 419
// s to 473 and 514 s). Only a build that would otherwise come near its bound of 400 MB pays that.
const boundedThreadOldMb = 2047
const boundedFrom = 5000

/** The heaps of threads that have `tasks` to run. */
export function threadLimits(tasks: number): ResourceLimits {
  return {
    maxYoungGenerationSizeMb: threadYoungMb,
    ...(tasks >= boundedFrom && { maxOldGenerationSizeMb: boundedThreadOldMb })
  }
}

/** `threads` threads kept from task to task, each running the export `name` of the entry (its default if none). */
function threadPool(entry: string, threads: number, tasks: number, name?: string): Tinypool {
  return new Tinypool({
    filename: entry,
    ...(name !== undefined && { name }),
    minThreads: threads,
    maxThreads: threads,
    isolateWorkers: false,
    resourceLimits: threadLimits(tasks)
  })
}

function threadRunner(entry: string, threads: number, tasks: number): UnitRunner {
  return runnerOf(threadPool(entry, threads, tasks), threads)
}

function runnerOf(pool: Tinypool, threads: number): UnitRunner {
  let closed: Promise<void> | undefined
  return {
    run: (task) =>
      readingSource(task.source, async () => thrownAgain((await pool.run(task)) as UnitDone | CarriedError)),
    // Closed when its work is done, and again on the way out when the build failed first.
    close: () => (closed ??= pool.destroy()),
    threads,
    inThisThread: false
  }
}

/** Threads that compile the reports of a check (see checkOnThread in report-thread.ts). */
export interface CheckRunner {
  run(task: CheckUnitTask): Promise<CheckUnitDone>
  close(): Promise<void>
}

/**
 * Threads for a check with `tasks` reports to compile, as many as defaultThreads unless `threads`
 * says; undefined when they would not pay for their start (see fewestForThreads) or cannot be had,
 * and the check compiles in this thread.
 */
export function checkRunner(tasks: number, threads = defaultThreads()): CheckRunner | undefined {
  const count = Math.min(threads, tasks)
  const entry = threadEntry()
  if (count < 2 || tasks < fewestForThreads || entry === undefined) return undefined
  const pool = threadPool(entry, count, tasks, 'checkOnThread')
  return {
    run: (task) =>
      readingSource(task.source, async () => thrownAgain((await pool.run(task)) as CheckUnitDone | CarriedError)),
    close: () => pool.destroy()
  }
}
