import { build, type BuildFailure, type BuildOutcome, type Built } from '../../build/build.js'
import { FactmarkError } from '../../model/factmark-error.js'
import { isNodeError } from '../../model/node-error.js'
import { plural } from '../../model/plural.js'
import { exit, type Call, type Io } from '../command-line.js'
import { factCount, report, type Output } from '../report.js'

export async function run({ files, values, format, io }: Call): Promise<number> {
  const where = `${values.out.replace(/\/+$/, '')}/`
  let outcome: BuildOutcome
  try {
    outcome = await build({ src: values.src, files, cwd: io.cwd, out: values.out, strict: values.strict })
  } catch (error) {
    // A source that cannot be read says so itself; the file system failed while writing.
    const message =
      error instanceof FactmarkError
        ? error.message
        : isNodeError(error)
          ? `Cannot write ${where}: ${error.message}`
          : undefined
    if (message === undefined) throw error
    io.stderr(`factmark: ${message}; ${where} was left as it was\n`)
    return exit.usage
  }
  const output = { format, verbose: values.verbose }
  return outcome.ok ? reportBuilt(outcome.value, where, output, io) : reportNotBuilt(outcome.error, where, output, io)
}

function reportBuilt({ result, artifacts, restored }: Built, where: string, output: Output, io: Io): number {
  const facts = factCount(result)
  report(result, output, io, { facts, files: artifacts.map((artifact) => `${where}${artifact.path}`) })
  if (restored)
    io.stderr(
      `factmark: an earlier build was interrupted; its complete ${where} was restored before this one replaced it\n`
    )
  const count = artifacts.length
  io.stderr(
    `factmark: wrote ${count} ${plural(count, 'file')} to ${where} (${result.reports.length} ${plural(result.reports.length, 'report')}, ${facts} facts)\n`
  )
  return exit.ok
}

function reportNotBuilt(failure: BuildFailure, where: string, output: Output, io: Io): number {
  if (failure.reason === 'output') {
    io.stderr(`factmark: ${failure.message}\n`)
    return exit.usage
  }
  report(failure.result, output, io, {})
  if (failure.restored) io.stderr(`factmark: an earlier build was interrupted; its complete ${where} was restored\n`)
  io.stderr(`factmark: build failed: ${failure.message}; ${where} was left as it was\n`)
  return failure.reason === 'invalid' ? exit.invalid : exit.usage
}
