import { parseArgs } from 'node:util'
import { coveragePercent, formatCoverage } from '../compile/coverage.js'
import { formatGithub } from './format/github.js'
import { formatJson } from './format/json.js'
import { formatText } from './format/text.js'
import { formatSuggestions } from './format/suggestions.js'
import { terminalText } from './format/printable.js'
import { compile, suggest } from '../api.js'
import type { BuildOptions } from '../build/build.js'
import { version } from '../version.js'
import type { CompileResult, Diagnostic } from '../model/compiled.js'
import { plural } from '../model/plural.js'
import { roundTo } from '../model/rounding.js'
import { FactmarkError } from '../model/factmark-error.js'
import { isNodeError } from '../model/node-error.js'

export interface Io {
  stdout(text: string): void
  stderr(text: string): void
  cwd: string
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd()
}

/** Exit codes: 0 clean, 1 validation errors (or warnings with --strict), 2 usage or I/O errors. */
export const exit = { ok: 0, invalid: 1, usage: 2 } as const

const formats = ['text', 'json', 'github'] as const

/** The options each command reads. */
const commandOptions: Record<'build' | 'check' | 'suggest' | 'verify', readonly string[]> = {
  build: ['src', 'out', 'format', 'strict'],
  check: ['src', 'format', 'strict', 'min-coverage'],
  suggest: ['src', 'format'],
  verify: ['format']
}
type Format = (typeof formats)[number]

const usage = `Usage: factmark <command> [options] [files...]

Commands:
  build     compile source/ into dist/ (facts.json per report)
  check     validate the sources, report problems and annotation coverage
  suggest   list the figures that carry no annotation, with a proposed one
  verify    check a published tree (factmark verify [dir], default dist) against
            its manifest.json and schemas: missing, extra and changed files

Options:
  --src <dir>      folder with the reports (*.md) and metrics.yaml  [source]
  --out <dir>      output folder (build)                            [dist]
  --format <fmt>   diagnostics as text, json or github              [text]
  --strict         fail on warnings too
  --min-coverage <percent>
                   check: fail when fewer figures are annotated
  -h, --help       show this help
  -v, --version    show the version

Exit codes: 0 clean, 1 validation errors (verify: any mismatch), 2 usage or
I/O errors (verify: no such folder, or no manifest.json in it).
`

/** Run the command line; returns the exit code instead of exiting, so output is flushed and tests can call it. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  io = guardStderr(io)
  try {
    return await run(argv, io)
  } catch (error) {
    // A thrown error is a bug in factmark, not a problem in the sources.
    const message = error instanceof Error ? error.message : String(error)
    io.stderr(`factmark: internal error: ${message}\n`)
    if (process.env['FACTMARK_DEBUG'] && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`)
    else io.stderr('Set FACTMARK_DEBUG=1 to see the stack trace, and please report it.\n')
    return exit.usage
  }
}

/** Messages on stderr quote paths and arguments as they were given: they are printed escaped and guarded too. */
function guardStderr(io: Io): Io {
  return { ...io, stderr: (text) => io.stderr(terminalText(text)) }
}

async function run(argv: readonly string[], io: Io): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      tokens: true,
      options: {
        src: { type: 'string', default: 'source' },
        out: { type: 'string', default: 'dist' },
        format: { type: 'string', default: 'text' },
        strict: { type: 'boolean', default: false },
        'min-coverage': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false }
      }
    })
  } catch (error) {
    io.stderr(`factmark: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`)
    return exit.usage
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.stdout(usage)
    return exit.ok
  }
  if (values.version) {
    io.stdout(`${version}\n`)
    return exit.ok
  }
  const [command, ...files] = positionals
  if (command !== 'build' && command !== 'check' && command !== 'suggest' && command !== 'verify') {
    io.stderr(command === undefined ? usage : `factmark: unknown command "${command}"\n\n${usage}`)
    return exit.usage
  }
  // An option that a command does not use is a mistake to point out, not to ignore: `verify
  // --strict` would check nothing more.
  const given = new Set(parsed.tokens.flatMap((token) => (token.kind === 'option' ? [token.name] : [])))
  const unused = [...given].filter((name) => !commandOptions[command].includes(name))
  if (unused.length > 0) {
    io.stderr(
      `factmark: ${unused.map((name) => `--${name}`).join(', ')} ${plural(unused.length, 'does', 'do')} not apply to ${command}\n\n${usage}`
    )
    return exit.usage
  }
  const format = values.format as Format
  if (!formats.includes(format)) {
    io.stderr(`factmark: --format must be one of ${formats.join(', ')}, not "${values.format}"\n`)
    return exit.usage
  }
  if (command === 'verify') return await runVerify(files, format, io)

  const minimum = values['min-coverage'] === undefined ? undefined : Number(values['min-coverage'])
  if (
    minimum !== undefined &&
    (!Number.isFinite(minimum) || minimum < 0 || minimum > 100 || values['min-coverage']?.trim() === '')
  ) {
    io.stderr(`factmark: --min-coverage must be a percentage from 0 to 100, not "${values['min-coverage']}"\n`)
    return exit.usage
  }

  const options = { src: values.src, files, cwd: io.cwd }
  try {
    if (command === 'suggest') {
      const suggestions = await suggest(options)
      io.stdout(formatSuggestions(suggestions, format))
      // A text that could not be read has figures nobody listed.
      return suggestions.some((result) => result.refused) ? exit.invalid : exit.ok
    }
    if (command === 'build') return await runBuild({ ...options, out: values.out, strict: values.strict }, format, io)
    const result = await compile(options)
    const failed = result.errorCount > 0 || (values.strict && result.warningCount > 0)
    const facts = factCount(result)
    const percent = coveragePercent(result.coverage)
    report(result, format, io, { facts, coverage: { percent: roundTo(percent, 1), reports: result.coverage } })
    if (format === 'text') io.stdout(terminalText(formatCoverage(result.coverage)))
    const unread = result.coverage.filter((entry) => entry.read === false).length
    if (minimum !== undefined && unread > 0) {
      // A share measured over the reports that happened to be readable would pass a threshold it has not met.
      io.stderr(
        `factmark: coverage not measured: ${unread} of ${result.coverage.length} ${plural(result.coverage.length, 'report was', 'reports were')} not compiled; --min-coverage ${minimum} needs every report\n`
      )
      return exit.invalid
    }
    if (minimum !== undefined && percent < minimum) {
      io.stderr(`factmark: coverage ${percent.toFixed(1)}% is below --min-coverage ${minimum}\n`)
      return exit.invalid
    }
    return failed ? exit.invalid : exit.ok
  } catch (error) {
    // The file system's errors say what went wrong in words the user can act on, as factmark's own do.
    if (error instanceof FactmarkError || isNodeError(error)) {
      io.stderr(`factmark: ${error.message}\n`)
      return exit.usage
    }
    throw error
  }
}

async function runBuild(options: BuildOptions, format: Format, io: Io): Promise<number> {
  const where = `${(options.out ?? 'dist').replace(/\/+$/, '')}/`
  let outcome
  try {
    // The emitters load templates, HTML and CSV libraries that check and suggest never need.
    const { build } = await import('../build/build.js')
    outcome = await build(options)
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
  if (!outcome.ok) {
    const failure = outcome.error
    if (failure.reason === 'output') {
      io.stderr(`factmark: ${failure.message}\n`)
      return exit.usage
    }
    report(failure.result, format, io, {})
    if (failure.restored) io.stderr(`factmark: an earlier build was interrupted; its complete ${where} was restored\n`)
    io.stderr(`factmark: build failed: ${failure.message}; ${where} was left as it was\n`)
    return failure.reason === 'invalid' ? exit.invalid : exit.usage
  }
  const { result, artifacts, restored } = outcome.value
  const facts = factCount(result)
  report(result, format, io, { facts, files: artifacts.map((artifact) => `${where}${artifact.path}`) })
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

function report(result: CompileResult, format: Format, io: Io, extra: Record<string, unknown>): void {
  const diagnostics: Diagnostic[] = result.diagnostics
  if (format === 'json') io.stdout(formatJson(diagnostics, extra))
  else if (format === 'github') io.stdout(formatGithub(diagnostics))
  else io.stdout(formatText(diagnostics, new Map(result.files.map((file) => [file.path, String(file.value)]))))
}

function factCount(result: CompileResult): number {
  return result.reports.reduce((sum, compiled) => sum + compiled.bundle.facts.length, 0)
}

async function runVerify(positionals: readonly string[], format: Format, io: Io): Promise<number> {
  if (positionals.length > 1) {
    io.stderr(`factmark: verify checks one folder, not ${positionals.length}\n`)
    return exit.usage
  }
  const [{ verify }, { formatVerify, verifyFailure }] = await Promise.all([
    import('../verify/verify.js'),
    import('./format/verify.js')
  ])
  const result = await verify({ dir: positionals[0] ?? 'dist', cwd: io.cwd })
  io.stdout(formatVerify(result, format))
  const failure = verifyFailure(result)
  if (failure !== undefined) io.stderr(`factmark: ${failure}\n`)
  return result.status === 'valid' ? exit.ok : result.status === 'invalid' ? exit.invalid : exit.usage
}
