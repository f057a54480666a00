import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { CompileInput } from './compile.js'

export const registryName = 'metrics.yaml'

export type SourcesOutcome = { ok: true; input: CompileInput } | { ok: false; message: string }

/** Paths in output are relative to the working directory, with forward slashes, so builds are portable. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  return path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/')
}

/**
 * Read the annotated reports (`*.md`, in name order) and the metric registry
 * of a source folder, or a list of report files with the registry of `src`.
 */
export async function readSources(options: { src: string; files?: readonly string[]; cwd?: string }): Promise<SourcesOutcome> {
  const cwd = options.cwd ?? process.cwd()
  const src = path.resolve(cwd, options.src)
  let names: string[]
  if (options.files && options.files.length > 0) {
    names = options.files.map((file) => path.resolve(cwd, file))
  } else {
    try {
      names = (await readdir(src)).filter((name) => name.endsWith('.md')).sort().map((name) => path.join(src, name))
    } catch (error) {
      return { ok: false, message: `Cannot read the source folder ${displayPath(src, cwd)}: ${reason(error)}` }
    }
    if (names.length === 0) return { ok: false, message: `No reports (*.md) in ${displayPath(src, cwd)}` }
  }
  const registryPath = path.join(src, registryName)
  try {
    const registry = { path: displayPath(registryPath, cwd), text: await readFile(registryPath, 'utf8') }
    const reports = await Promise.all(names.map(async (name) => ({ path: displayPath(name, cwd), text: await readFile(name, 'utf8') })))
    return { ok: true, input: { reports, registry } }
  } catch (error) {
    return { ok: false, message: `Cannot read ${displayPath((error as NodeJS.ErrnoException).path ?? registryPath, cwd)}: ${reason(error)}` }
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return 'no such file or directory'
  if (code === 'EACCES') return 'permission denied'
  if (code === 'EISDIR') return 'is a directory'
  return error instanceof Error ? error.message : String(error)
}
