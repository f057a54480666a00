import { parseArgs, type ParseArgsConfig } from 'node:util'

// What every command is given. Kept apart from main.ts so that a command's module, loaded only when
// it runs, shares these types without importing the table of commands.

export interface Io {
  stdout(text: string): void
  stderr(text: string): void
  cwd: string
  /**
   * Show a line of stderr in place of the last one shown so, '' to take it away: how far a long
   * build has come. Only where stderr is a terminal; a log or a pipe gets none.
   */
  status?: (line: string) => void
  /** How many columns the terminal of `status` has now, when it says. */
  columns?: () => number | undefined
}

/** Exit codes: 0 clean, 1 validation errors (or warnings with --strict), 2 usage or I/O errors. */
export const exit = { ok: 0, invalid: 1, usage: 2 } as const

export const formats = ['text', 'json', 'github'] as const
export type Format = (typeof formats)[number]

/** Every option of every command, as parseArgs reads them; main.ts says which command takes which. */
const options = {
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
  // Node 20's parseArgs has no negated options: --no-cache is an option of its own.
  'no-cache': { type: 'boolean', default: false },
  'cache-dir': { type: 'string' },
  timings: { type: 'boolean', default: false },
  jobs: { type: 'string' },
  port: { type: 'string', default: '4321' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false }
} satisfies NonNullable<ParseArgsConfig['options']>

/** The options as they are typed (--min-coverage), for the one meant by a slip. */
export const optionNames: readonly string[] = Object.keys(options).map((name) => `--${name}`)

export function parseCommandLine(argv: readonly string[]) {
  return parseArgs({ args: [...argv], allowPositionals: true, strict: true, tokens: true, options })
}

export type CommandLine = ReturnType<typeof parseCommandLine>

/** A command as it was called: the files after its name, the options and the format they passed. */
export interface Call {
  files: string[]
  values: CommandLine['values']
  format: Format
  io: Io
}
