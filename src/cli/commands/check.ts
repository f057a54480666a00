import { defaultCacheFolder } from '../../cache/cache-folder.js'
import { checkedRegistry } from '../../cache/checked-registry.js'
import { compileFolder } from '../../compile/compile-folder.js'
import { coveragePercent, formatCoverage } from '../../compile/coverage.js'
import type { CompileResult } from '../../model/compiled.js'
import { plural } from '../../model/plural.js'
import { err, ok, type Result } from '../../model/result.js'
import { roundTo } from '../../model/rounding.js'
import { terminalText } from '../format/printable.js'
import { exit, type Call } from '../command-line.js'
import { factCount, report } from '../report.js'

export async function run({ files, values, format, io }: Call): Promise<number> {
  const minimum = coverageMinimum(values['min-coverage'])
  if (!minimum.ok) {
    io.stderr(minimum.error)
    return exit.usage
  }
  const cache = { folder: defaultCacheFolder(io.cwd), reuse: !values['no-cache'] }
  const result = await compileFolder({ src: values.src, files, cwd: io.cwd }, (registry) =>
    checkedRegistry(registry, cache)
  )
  const percent = coveragePercent(result.coverage)
  report(result, { format, verbose: values.verbose }, io, {
    facts: factCount(result),
    coverage: { percent: roundTo(percent, 1), reports: result.coverage }
  })
  if (format === 'text') io.stdout(terminalText(formatCoverage(result.coverage)))
  const shortfall = minimum.value === undefined ? undefined : coverageShortfall(result, percent, minimum.value)
  if (shortfall !== undefined) {
    io.stderr(shortfall)
    return exit.invalid
  }
  const failed = result.errorCount > 0 || (values.strict && result.warningCount > 0)
  return failed ? exit.invalid : exit.ok
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
function coverageShortfall(result: CompileResult, percent: number, minimum: number): string | undefined {
  const unread = result.coverage.filter((entry) => entry.read === false).length
  // A share measured over the reports that happened to be readable would pass a threshold it has not met.
  if (unread > 0)
    return `factmark: coverage not measured: ${unread} of ${result.coverage.length} ${plural(result.coverage.length, 'report was', 'reports were')} not compiled; --min-coverage ${minimum} needs every report\n`
  if (percent < minimum) return `factmark: coverage ${percent.toFixed(1)}% is below --min-coverage ${minimum}\n`
  return undefined
}
