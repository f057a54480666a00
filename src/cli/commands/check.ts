import { pruneChecks } from '../../cache/prune-cache.js'
import { coveragePercent, formatCoverage } from '../../compile/coverage.js'
import type { Coverage } from '../../model/compiled.js'
import { plural } from '../../model/plural.js'
import { err, ok, type Result } from '../../model/result.js'
import { roundTo } from '../../model/rounding.js'
import { terminalText } from '../format/printable.js'
import { cacheFolderOf } from '../cache-option.js'
import { toldThreads } from '../jobs-option.js'
import { exit, type Call } from '../command-line.js'
import { progressLine } from '../progress-line.js'
import { registryShown, report } from '../report.js'
import { checkFailure, checkNamed, type CheckedSources } from '../check-sources.js'

export async function run({ files, values, format, io }: Call): Promise<number> {
  const minimum = coverageMinimum(values['min-coverage'])
  if (!minimum.ok) {
    io.stderr(minimum.error)
    return exit.usage
  }
  // --no-cache: a check that neither reads nor writes a cache needs no folder that could hold one.
  const folder = values['no-cache'] ? undefined : cacheFolderOf(values, io.cwd)
  if (folder && !folder.ok) {
    io.stderr(folder.error)
    return exit.usage
  }
  const jobs = await toldThreads(values, io)
  if (!jobs) return exit.usage
  const { threads } = jobs
  const cache = folder && { folder: folder.value, reuse: true }
  const progress = progressLine(io, { doing: 'checking' })
  let checked: CheckedSources
  try {
    const request = { src: values.src, files, cwd: io.cwd, ...(threads !== undefined && { threads }) }
    checked = await checkNamed(request, cache, (compiled, of) => progress.show({ kind: 'compiled', compiled, of }))
  } finally {
    progress.clear()
  }
  // What checks keep goes once unused for a week (see pruneCache), also where no build runs;
  // what builds keep is left to them.
  if (cache) pruneChecks(cache.folder)
  const percent = coveragePercent(checked.coverage)
  report(checked, { format, verbose: values.verbose, registry: registryShown(values.src, io.cwd) }, io, {
    facts: Object.values(checked.factsOf).reduce((sum, count) => sum + count, 0),
    coverage: { percent: roundTo(percent, 1), reports: checked.coverage }
  })
  if (format === 'text') io.stdout(terminalText(formatCoverage(checked.coverage)))
  const shortfall =
    minimum.value === undefined ? undefined : coverageShortfall(checked.coverage, percent, minimum.value)
  if (shortfall !== undefined) {
    io.stderr(shortfall)
    return exit.invalid
  }
  return checkFailure(checked.diagnostics, values.strict) === undefined ? exit.ok : exit.invalid
}

/** The --min-coverage percentage, undefined when it is not given. */
function coverageMinimum(option: string | undefined): Result<number | undefined, string> {
  if (option === undefined) return ok(undefined)
  const minimum = Number(option)
  if (!Number.isFinite(minimum) || minimum < 0 || minimum > 100 || option.trim() === '')
    return err(`factmark: --min-coverage must be a percentage from 0 to 100, not "${option}"\n`)
  return ok(minimum)
}

/** Why the sources fail --min-coverage, or undefined when they meet it. */
function coverageShortfall(coverage: readonly Coverage[], percent: number, minimum: number): string | undefined {
  const unread = coverage.filter((entry) => entry.read === false).length
  // A share measured over the reports that happened to be readable would pass a threshold it has not met.
  if (unread > 0)
    return `factmark: coverage not measured: ${unread} of ${coverage.length} ${plural(coverage.length, 'report was', 'reports were')} not compiled; --min-coverage ${minimum} needs every report\n`
  if (percent < minimum) return `factmark: coverage ${percent.toFixed(1)}% is below --min-coverage ${minimum}\n`
  return undefined
}
