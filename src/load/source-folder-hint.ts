import { existsSync } from 'node:fs'
import path from 'node:path'

/** The source folder a command reads unless --src names another. */
export const defaultSourceFolder = 'source'

/**
 * Where the source folder is, when it is not where a command looks (`src` from `cwd`): the folder
 * the command runs in is itself a source folder (it holds metrics.yaml), or a folder above it is
 * the project whose source folder that is. An editor who opened a terminal in `source/` is told to
 * run from the project, not to start another project inside it. Undefined when neither is so.
 */
export function sourceFolderHint(cwd: string, src: string): string | undefined {
  const here = path.resolve(cwd)
  if (existsSync(path.join(here, 'metrics.yaml')))
    return `this folder holds metrics.yaml, so it is itself a source folder: run factmark from the project folder above it (cd ..), or pass --src .`
  if (path.isAbsolute(src)) return undefined
  for (let folder = path.dirname(here); ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, src, 'metrics.yaml'))) {
      const up = path.relative(here, folder).split(path.sep).join('/')
      return `the project is ${up}/, whose ${src.replace(/\/+$/, '')}/ holds metrics.yaml: run factmark there (cd ${up})`
    }
    if (path.dirname(folder) === folder) return undefined
  }
}
