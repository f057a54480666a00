import { parseArgs } from 'node:util'
import { coveragePercent, formatCoverage } from '../compile/coverage.js'
import { formatGithub } from './format/github.js'
import { formatJson } from './format/json.js'
import { formatText } from './format/text.js'
import { formatSuggestions } from './format/suggestions.js'
import { terminalText } from './format/printable.js'
import { compile, suggest, suggestWrite } from '../api.js'
import type { BuildFailure, BuildOutcome, Built } from '../build/build.js'
import { version } from '../version.js'
import type { CompileResult, Diagnostic } from '../model/compiled.js'
import { plural } from '../model/plural.js'
import { roundTo } from '../model/rounding.js'
import { FactmarkError } from '../model/factmark-error.js'
import { isNodeError } from '../model/node-error.js'
import { err, ok, type Result } from '../model/result.js'

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
type Format = (typeof formats)[number]

const usage = `Usage: factmark <command> [options] [files...]

Commands:
  init      start a project here: source/ with a starter registry and a sample
            report, and dist/ in .gitignore
  new       add a report: factmark new <slug> [--from report.txt] writes
            source/<slug>.md, its front matter guessed from the text's title
  build     compile source/ into dist/ (facts.json per report)
  check     validate the sources, report problems and annotation coverage
  suggest   list the figures that carry no annotation, with a proposed one;
            --write puts the proposals into the files, --dry-run shows the diff
  verify    check a published tree (factmark verify [dir], default dist) against
            its manifest.json and schemas: missing, extra and changed files

Options:
  --src <dir>      folder with the reports (*.md) and metrics.yaml  [source]
  --out <dir>      output folder (build)                            [dist]
  --from <file>    new: the report's plain text, one paragraph a line
  --format <fmt>   diagnostics as text, json or github              [text]
  --strict         fail on warnings too
  --write          suggest: annotate the figures in the files (refuses a file
                   with errors: exit 1)
  --dry-run        suggest: print the diff --write would make, write nothing
  --stubs          suggest: draft a registry metric for each figure whose
                   metric is not guessed, instead of metric=?
  --verbose        list every warning and note, also when one rule repeats
                   in a file (text output shows the first and a count)
  --min-coverage <percent>
                   check: fail when fewer figures are annotated
  -h, --help       show this help
  -v, --version    show the version

Exit codes: 0 clean, 1 validation errors (verify: any mismatch), 2 usage or
I/O errors (verify: no such folder, or no manifest.json in it).
`

function parseCommandLine(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    tokens: true,
    options: {
      src: { type: 'string', default: 'source' },
      out: { type: 'string', default: 'dist' },
      from: { type: 'string' },
      format: { type: 'string', default: 'text' },
      strict: { type: 'boolean', default: false },
      write: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      stubs: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      'min-coverage': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false }
    }
  })
}

type CommandLine = ReturnType<typeof parseCommandLine>

/** A command as it was called: the files after its name, the options and the format they passed. */
interface Call {
  files: string[]
  values: CommandLine['values']
  format: Format
  io: Io
}

interface Command {
  /** The options it reads; any other is refused. */
  options: readonly string[]
  run(call: Call): Promise<number>
}

const commands = {
  init: { options: ['src'], run: explainingFileErrors(runInit) },
  new: { options: ['src', 'from'], run: explainingFileErrors(runNew) },
  build: { options: ['src', 'out', 'format', 'strict', 'verbose'], run: explainingFileErrors(runBuild) },
  check: { options: ['src', 'format', 'strict', 'verbose', 'min-coverage'], run: explainingFileErrors(runCheck) },
  suggest: { options: ['src', 'format', 'write', 'dry-run', 'stubs'], run: explainingFileErrors(runSuggest) },
  // verify reports what it cannot read as problems of the tree; anything it throws is a bug.
  verify: { options: ['format'], run: runVerify }
} satisfies Record<string, Command>

type CommandName = keyof typeof commands

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
  let commandLine: CommandLine
  try {
    commandLine = parseCommandLine(argv)
  } catch (error) {
    io.stderr(`factmark: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`)
    return exit.usage
  }
  const { values, positionals } = commandLine
  if (values.help) {
    io.stdout(usage)
    return exit.ok
  }
  if (values.version) {
    io.stdout(`${version}\n`)
    return exit.ok
  }
  const [name, ...files] = positionals
  const called = commandOf(name, commandLine)
  if (!called.ok) {
    io.stderr(called.error)
    return exit.usage
  }
  return await commands[called.value.name].run({ files, values, format: called.value.format, io })
}

/** The command named and the format asked for, or the message that says why the command line is wrong. */
function commandOf(
  name: string | undefined,
  commandLine: CommandLine
): Result<{ name: CommandName; format: Format }, string> {
  if (!isCommandName(name)) return err(name === undefined ? usage : `factmark: unknown command "${name}"\n\n${usage}`)
  // An option that a command does not use is a mistake to point out, not to ignore: `verify
  // --strict` would check nothing more.
  const given = new Set(commandLine.tokens.flatMap((token) => (token.kind === 'option' ? [token.name] : [])))
  const unused = [...given].filter((option) => !commands[name].options.includes(option))
  if (unused.length > 0)
    return err(
      `factmark: ${unused.map((option) => `--${option}`).join(', ')} ${plural(unused.length, 'does', 'do')} not apply to ${name}\n\n${usage}`
    )
  const format = commandLine.values.format as Format
  if (!formats.includes(format))
    return err(`factmark: --format must be one of ${formats.join(', ')}, not "${commandLine.values.format}"\n`)
  return ok({ name, format })
}

function isCommandName(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(commands, name)
}

/** The file system's errors say what went wrong in words the user can act on, as factmark's own do. */
function explainingFileErrors(command: (call: Call) => Promise<number>): (call: Call) => Promise<number> {
  return async (call) => {
    try {
      return await command(call)
    } catch (error) {
      if (error instanceof FactmarkError || isNodeError(error)) {
        call.io.stderr(`factmark: ${error.message}\n`)
        return exit.usage
      }
      throw error
    }
  }
}

async function runInit({ files, values, io }: Call): Promise<number> {
  if (files.length > 0) {
    io.stderr(`factmark: init takes no files; it starts a project in the current folder\n`)
    return exit.usage
  }
  const [{ initProject }, { formatInit }] = await Promise.all([
    import('../scaffold/init.js'),
    import('./format/scaffold.js')
  ])
  const initialized = await initProject({ src: values.src, cwd: io.cwd })
  if (!initialized.ok) {
    io.stderr(`factmark: ${initialized.error}\n`)
    return exit.usage
  }
  io.stdout(formatInit(initialized.value, values.src))
  return exit.ok
}

async function runNew({ files, values, io }: Call): Promise<number> {
  const [slug, ...more] = files
  if (slug === undefined || more.length > 0) {
    io.stderr(`factmark: new takes one slug, the report's name in dist/ (factmark new xiamen-2022)\n`)
    return exit.usage
  }
  const [{ newReport }, { formatNewReport }] = await Promise.all([
    import('../scaffold/new-report.js'),
    import('./format/scaffold.js')
  ])
  const outcome = await newReport({
    slug,
    src: values.src,
    cwd: io.cwd,
    ...(values.from !== undefined && { from: values.from })
  })
  const read = outcome.ok ? outcome.value : outcome.error.reason === 'input' ? outcome.error : undefined
  if (read?.source && read.diagnostics.length > 0)
    io.stdout(`${formatText(read.diagnostics, new Map([[read.source.path, read.source.text]]))}\n`)
  if (outcome.ok) {
    io.stdout(formatNewReport(outcome.value, values.src))
    return exit.ok
  }
  io.stderr(`factmark: ${outcome.error.message}\n`)
  return outcome.error.reason === 'input' ? exit.invalid : exit.usage
}

async function runSuggest(call: Call): Promise<number> {
  const { files, values, format, io } = call
  if (values.write || values['dry-run'] || values.stubs) return runSuggestWrite(call)
  const suggestions = await suggest({ src: values.src, files, cwd: io.cwd })
  io.stdout(formatSuggestions(suggestions, format))
  // A text that could not be read has figures nobody listed.
  return suggestions.some((result) => result.refused) ? exit.invalid : exit.ok
}

async function runSuggestWrite({ files, values, format, io }: Call): Promise<number> {
  const dryRun = values['dry-run']
  if (!values.write && !dryRun) {
    io.stderr(`factmark: --stubs drafts metrics for suggest --write or --dry-run\n`)
    return exit.usage
  }
  if (format === 'github') {
    io.stderr(`factmark: suggest --write reports as text or json, not github\n`)
    return exit.usage
  }
  const { formatSuggestWrite } = await import('./format/suggest-write.js')
  const result = await suggestWrite({ src: values.src, files, cwd: io.cwd, stubs: values.stubs, dryRun })
  io.stdout(formatSuggestWrite(result, format, dryRun))
  return result.refused.length > 0 ? exit.invalid : exit.ok
}

async function runCheck({ files, values, format, io }: Call): Promise<number> {
  const minimum = coverageMinimum(values['min-coverage'])
  if (!minimum.ok) {
    io.stderr(minimum.error)
    return exit.usage
  }
  const result = await compile({ src: values.src, files, cwd: io.cwd })
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

async function runBuild({ files, values, format, io }: Call): Promise<number> {
  const where = `${values.out.replace(/\/+$/, '')}/`
  let outcome: BuildOutcome
  try {
    // The emitters load templates, HTML and CSV libraries that check and suggest never need.
    const { build } = await import('../build/build.js')
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

/** How diagnostics are printed; --verbose only changes text output, as JSON and github keep every record. */
interface Output {
  format: Format
  verbose: boolean
}

function report(result: CompileResult, { format, verbose }: Output, io: Io, extra: Record<string, unknown>): void {
  const diagnostics: Diagnostic[] = result.diagnostics
  if (format === 'json') io.stdout(formatJson(diagnostics, extra))
  else if (format === 'github') io.stdout(formatGithub(diagnostics))
  else {
    const sources = new Map(result.files.map((file) => [file.path, String(file.value)]))
    io.stdout(formatText(diagnostics, sources, { verbose }))
  }
}

function factCount(result: CompileResult): number {
  return result.reports.reduce((sum, compiled) => sum + compiled.bundle.facts.length, 0)
}

async function runVerify({ files, format, io }: Call): Promise<number> {
  if (files.length > 1) {
    io.stderr(`factmark: verify checks one folder, not ${files.length}\n`)
    return exit.usage
  }
  const [{ verify }, { formatVerify, verifyFailure }] = await Promise.all([
    import('../verify/verify.js'),
    import('./format/verify.js')
  ])
  const result = await verify({ dir: files[0] ?? 'dist', cwd: io.cwd })
  io.stdout(formatVerify(result, format))
  const failure = verifyFailure(result)
  if (failure !== undefined) io.stderr(`factmark: ${failure}\n`)
  return result.status === 'valid' ? exit.ok : result.status === 'invalid' ? exit.invalid : exit.usage
}
