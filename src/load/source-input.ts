import { readSources, type Keep, type Known } from './sources.js'
import type { CompileInput } from '../model/compiled.js'
import { FactmarkError } from '../model/factmark-error.js'

export interface CompileOptions {
  /** Folder with the reports (`*.md`) and `metrics.yaml`. Default `source`. */
  src?: string
  /** Compile only these report files (with the registry of `src`); unused metrics are then not reported. */
  files?: readonly string[]
  /** Paths are resolved and reported relative to this folder. Default: the working directory. */
  cwd?: string
}

/** What is kept of each report read, and what the caller knows already (see readSources). */
export interface Reading {
  keep?: Keep
  lend?: boolean
  known?: Known
}

/**
 * The sources the options name, read from disk; throws a FactmarkError when they cannot be read.
 * `reading` says what is kept of each report (see readSources).
 */
export async function sourcesOf(options: CompileOptions, reading: Reading = {}): Promise<CompileInput> {
  const sources = await readSources({
    src: options.src ?? 'source',
    ...(options.files && { files: options.files }),
    ...(options.cwd && { cwd: options.cwd }),
    ...reading
  })
  if (!sources.ok) {
    const { message, path } = sources.error
    throw new FactmarkError('FACTMARK_SOURCES', message, path === undefined ? {} : { place: { path } })
  }
  return sources.value
}
