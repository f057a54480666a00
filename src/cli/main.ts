import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { printable, terminalText } from './format/printable.js'
import {
  exit,
  formats,
  optionNames,
  parseCommandLine,
  type Call,
  type CommandLine,
  type Format,
  type Io
} from './command-line.js'
import { commandUsage, usage } from './usage.js'
import { version } from '../version.js'
import { plural } from '../model/plural.js'
import { FactmarkError } from '../model/factmark-error.js'
import { isNodeError } from '../model/node-error.js'
import { err, ok, type Result } from '../model/result.js'

export type { Io } from './command-line.js'

const processIo: Io = {
  stdout: (text) => {
    if (!readerGone) process.stdout.write(text)
  },
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  // Back to the start of the line, the new text, the rest of the old one erased.
  ...(process.stderr.isTTY && {
    status: (line: string) => process.stderr.write(`\r${line}\u001b[K`),
    columns: () => process.stderr.columns
  })
}

// A reader that stops reading (`factmark check | head`) closes the pipe: what is left to print is
// dropped, and the command ends as it would have, with its own exit code.
let readerGone = false
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error
  readerGone = true
})

interface Command {
  /** The options it reads; any other is refused. */
  options: readonly string[]
  run(call: Call): Promise<number>
}

// Each command's module is imported when it runs, not before: --version and --help load nothing of
// the compiler, check loads no emitter, and a new process starts in the time the command needs.
const commands = {
  init: { options: ['src'], run: explainingFileErrors(async (call) => (await import('./commands/init.js')).run(call)) },
  new: {
    options: ['src', 'from'],
    run: explainingFileErrors(async (call) => (await import('./commands/new.js')).run(call))
  },
  build: {
    options: ['src', 'out', 'format', 'strict', 'verbose', 'no-cache', 'cache-dir', 'jobs', 'timings'],
    run: explainingFileErrors(async (call) => runBundled(buildBundle, call, () => import('./commands/build.js')))
  },
  check: {
    options: ['src', 'format', 'strict', 'verbose', 'min-coverage', 'no-cache', 'cache-dir', 'jobs'],
    run: explainingFileErrors(async (call) => runBundled(checkBundle, call, () => import('./commands/check.js')))
  },
  suggest: {
    options: ['src', 'format', 'write', 'dry-run', 'stubs'],
    run: explainingFileErrors(async (call) => (await import('./commands/suggest.js')).run(call))
  },
  watch: {
    options: ['src', 'out', 'port', 'strict', 'verbose', 'cache-dir', 'jobs'],
    run: explainingFileErrors(async (call) => (await import('./commands/watch.js')).run(call))
  },
  // verify reports what it cannot read as problems of the tree; anything it throws is a bug.
  verify: { options: ['format'], run: async (call) => (await import('./commands/verify.js')).run(call) }
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
  const { status } = io
  return {
    ...io,
    stderr: (text) => io.stderr(terminalText(text)),
    ...(status && { status: (line: string) => status(printable(line)) })
  }
}

/**
 * What is wrong with a command line parseArgs refused, in factmark's words where node's would
 * confuse: its text for an unknown option ends in a quote it never closes, and a value that starts
 * with a dash (--min-coverage -5) takes it three sentences to tell.
 */
async function commandLineError(error: unknown, argv: readonly string[]): Promise<string> {
  const message = error instanceof Error ? error.message : String(error)
  const unknown = /^Unknown option '([^']*)'/.exec(message)
  if (isNodeError(error, 'ERR_PARSE_ARGS_UNKNOWN_OPTION') && unknown?.[1] !== undefined) {
    // The one meant is one the command takes: build --min-coverge is no slip for --min-coverage.
    const command = argv.find(isCommandName)
    const names =
      command === undefined ? optionNames : [...commands[command].options, 'help'].map((name) => `--${name}`)
    const lists =
      command === undefined ? 'factmark --help lists the options' : `factmark ${command} --help lists its options`
    return `unknown option "${unknown[1]}"${await meant(unknown[1], names)}; ${lists}\n`
  }
  const option = /^Option '(--[\w-]+)/.exec(message)?.[1]
  if (!isNodeError(error, 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') || option === undefined)
    return `${message}\n\n${usage}`
  // --strict=false: a switch is on when named, off when not.
  if (message.includes('does not take an argument'))
    return `${option} takes no value: name it to turn it on, leave it out to leave it off\n`
  // A value that starts with a dash (-5) is one; a name of an option after it (--strict) is not.
  const next = argv[argv.indexOf(option) + 1]
  const dashed = message.includes('ambiguous') && next !== undefined && !/^--?[a-z]/i.test(next)
  return dashed
    ? `${option} needs a value, and "${next}" reads as an option: write ${option}=${next} to give it as the value\n`
    : `${option} needs a value (factmark --help lists the options)\n`
}

async function run(argv: readonly string[], io: Io): Promise<number> {
  let commandLine: CommandLine
  try {
    commandLine = parseCommandLine(argv)
  } catch (error) {
    io.stderr(`factmark: ${await commandLineError(error, argv)}`)
    return exit.usage
  }
  const { values, positionals } = commandLine
  const [name, ...files] = positionals
  // `factmark help build` is what many tools take for `factmark build --help`.
  const helpOf = name === 'help' ? files[0] : values.help ? name : undefined
  if (values.help || name === 'help') {
    // factmark help chek: the slip is told, as for factmark chek, not answered with the whole usage.
    if (helpOf !== undefined && !isCommandName(helpOf)) {
      io.stderr(await unknownCommand(helpOf))
      return exit.usage
    }
    io.stdout(helpOf === undefined ? usage : commandUsage(helpOf, commands[helpOf].options))
    return exit.ok
  }
  if (values.version) {
    io.stdout(`${version}\n`)
    return exit.ok
  }
  const called = await commandOf(name, commandLine)
  if (!called.ok) {
    io.stderr(called.error)
    return exit.usage
  }
  return await commands[called.value.name].run({ files, values, format: called.value.format, io })
}

/** The one line that tells a name is no command: the one meant where it is a slip (chek). */
async function unknownCommand(name: string): Promise<string> {
  return `factmark: unknown command "${name}"${await meant(name, Object.keys(commands))}; the commands are ${Object.keys(commands).join(', ')} (factmark --help says what each does)\n`
}

/** The command named and the format asked for, or the message that says why the command line is wrong. */
async function commandOf(
  name: string | undefined,
  commandLine: CommandLine
): Promise<Result<{ name: CommandName; format: Format }, string>> {
  if (!isCommandName(name)) return err(name === undefined ? usage : await unknownCommand(name))
  // An option that a command does not use is a mistake to point out, not to ignore: `verify
  // --strict` would check nothing more.
  const given = new Set(commandLine.tokens.flatMap((token) => (token.kind === 'option' ? [token.name] : [])))
  const unused = [...given].filter((option) => !commands[name].options.includes(option))
  if (unused.length > 0)
    return err(
      `factmark: ${unused.map((option) => `--${option}`).join(', ')} ${plural(unused.length, 'does', 'do')} not apply to ${name}\n\n${commandUsage(name, commands[name].options)}`
    )
  const format = commandLine.values.format as Format
  if (!formats.includes(format))
    return err(`factmark: --format must be one of ${formats.join(', ')}, not "${commandLine.values.format}"\n`)
  return ok({ name, format })
}

const checkBundle = new URL('../bundle/check/check.cjs', import.meta.url)
const buildBundle = new URL('../bundle/build/build.cjs', import.meta.url)

/**
 * A command from its bundle, when `npm run compile` bundled it (scripts/bundles.mjs): its module,
 * and a module for each part it loads when it needs it, so that a build with nothing to do, or a
 * check of sources checked before, loads no compiler. A new process then loads a few
 * files instead of some 300, and with V8's code cache compiles little of them (see loadBundle).
 * --no-cache leaves that cache alone too.
 */
async function runBundled(
  bundle: URL,
  call: Call,
  unbundled: () => Promise<{ run(call: Call): Promise<number> }>
): Promise<number> {
  if (!existsSync(bundle)) return (await unbundled()).run(call)
  const [{ loadBundle }, { cacheFolderOf }] = await Promise.all([
    import('../cache/code-cache.js'),
    import('./cache-option.js')
  ])
  // A cache folder the command refuses keeps no code either: the command says why. With --no-cache
  // it is not looked for, as making it would write to it.
  const named = call.values['no-cache'] ? undefined : cacheFolderOf(call.values, call.io.cwd)
  const cacheFolder = named?.ok ? named.value : undefined
  const loaded = loadBundle<{ run(call: Call): Promise<number> }>(fileURLToPath(bundle), cacheFolder)
  const code = await loaded.exports.run(call)
  loaded.keep()
  return code
}

/**
 * ` (did you mean "check"?)` for a command or option typed with a slip, or nothing. Loaded only
 * then, as a command line that is right loads nothing it does not run.
 */
async function meant(typed: string, names: readonly string[]): Promise<string> {
  const { didYouMean } = await import('../diagnostics/did-you-mean.js')
  const guess = didYouMean(typed, names)
  return guess === undefined ? '' : ` (did you mean "${guess}"?)`
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
