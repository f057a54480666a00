import { err, ok, type Result } from '../model/result.js'
import type { CommandLine, Io } from './command-line.js'

type JobsValues = Pick<CommandLine['values'], 'jobs'>

/**
 * How many threads a command compiles reports on: --jobs, else FACTMARK_JOBS (set once for every
 * command of a CI job), else undefined, which is one for each core the process may use, as far as
 * its memory allows (see defaultThreads): a build then compiles a few reports in its own thread
 * (see unitRunner), and starts as many threads as it is told whatever their number. A value that
 * is no whole number from 1 is refused with the name it was given by.
 */
export function jobsOf(
  values: JobsValues,
  environment: NodeJS.ProcessEnv = process.env
): Result<number | undefined, string> {
  const asked = askedJobs(values, environment)
  if (asked === undefined) return ok(undefined)
  const { by, given } = asked
  if (!/^\s*\d+\s*$/.test(given) || Number(given) < 1 || !Number.isSafeInteger(Number(given)))
    return err(`factmark: ${by} takes a whole number of threads, 1 or more, not "${given}"\n`)
  return ok(Number(given))
}

/**
 * A line that warns of more threads allowed (see jobsOf) than the memory the process may use is
 * counted to hold (see threadsFor in build/default-threads.ts): each thread has a heap of its own,
 * and a build on too many is killed by the system with no word of why. Not refused, as the count
 * is a cautious one (3 threads built 1,000 reports in 280 MB, which it counts to hold 1), and no
 * more threads start than there are reports to compile. `memory` is read only when threads are
 * asked for.
 */
export async function jobsWarning(
  values: JobsValues,
  environment: NodeJS.ProcessEnv = process.env,
  memory?: () => number
): Promise<string | undefined> {
  const asked = askedJobs(values, environment)
  const threads = jobsOf(values, environment)
  if (asked === undefined || !threads.ok || threads.value === undefined) return undefined
  // Loaded only then: a command that is not told how many threads loads no part of a build.
  const [{ availableMemory }, { threadsFor }] = await Promise.all([
    import('../build/available-memory.js'),
    import('../build/default-threads.js')
  ])
  const bytes = (memory ?? availableMemory)()
  const held = threadsFor(Number.POSITIVE_INFINITY, bytes)
  if (threads.value <= held) return undefined
  const megabytes = Math.floor(bytes / (1024 * 1024)).toLocaleString('en-US')
  return `factmark: ${asked.by} allows ${threads.value} threads, more than the ${megabytes} MB of memory this process may use are counted to hold (${held}): compiling as many reports at once, factmark may run out of memory and be stopped by the system\n`
}

function askedJobs(values: JobsValues, environment: NodeJS.ProcessEnv): { by: string; given: string } | undefined {
  if (values.jobs !== undefined) return { by: '--jobs', given: values.jobs }
  const fromEnvironment = environment['FACTMARK_JOBS']
  if (fromEnvironment !== undefined && fromEnvironment !== '') return { by: 'FACTMARK_JOBS', given: fromEnvironment }
  return undefined
}

/**
 * The threads a command is told to compile on (see jobsOf), with the warning of jobsWarning written
 * when there is one; undefined, with why written, when the number is refused.
 */
export async function toldThreads(
  values: JobsValues,
  io: Pick<Io, 'stderr'>
): Promise<{ threads: number | undefined } | undefined> {
  const jobs = jobsOf(values)
  if (!jobs.ok) {
    io.stderr(jobs.error)
    return undefined
  }
  const warning = await jobsWarning(values)
  if (warning !== undefined) io.stderr(warning)
  return { threads: jobs.value }
}
