import { err, ok, type Result } from '../model/result.js'
import type { CommandLine } from './command-line.js'

/**
 * How many threads a command compiles reports on: --jobs, else FACTMARK_JOBS (set once for every
 * command of a CI job), else undefined, which is one for each core the process may use, as far as
 * its memory allows (see defaultThreads): a build then compiles a few reports in its own thread
 * (see unitRunner), and starts as many threads as it is told whatever their number. A value that
 * is no whole number from 1 is refused with the name it was given by.
 */
export function jobsOf(
  values: Pick<CommandLine['values'], 'jobs'>,
  environment: NodeJS.ProcessEnv = process.env
): Result<number | undefined, string> {
  const fromEnvironment = environment['FACTMARK_JOBS']
  const [by, given] =
    values.jobs !== undefined
      ? ['--jobs', values.jobs]
      : fromEnvironment !== undefined && fromEnvironment !== ''
        ? ['FACTMARK_JOBS', fromEnvironment]
        : []
  if (given === undefined) return ok(undefined)
  if (!/^\s*\d+\s*$/.test(given) || Number(given) < 1 || !Number.isSafeInteger(Number(given)))
    return err(`factmark: ${by} takes a whole number of threads, 1 or more, not "${given}"\n`)
  return ok(Number(given))
}
