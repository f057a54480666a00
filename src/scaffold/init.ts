import { lstat, mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { displayPath } from '../load/sources.js'
import { isNodeError } from '../model/node-error.js'
import { err, ok, type Result } from '../model/result.js'
import { fewOfMany } from '../model/few-of-many.js'

/**
 * The files of a new project, shipped in the package's starter/ folder and read at run time: a
 * registry that shows every field of a metric, and a report that uses each of its metrics, so
 * that the first build is clean.
 */
// prettier-ignore
const starterFiles: ReadonlyArray<{ name: string; what: string }> = [
  { name: 'metrics.yaml', what: 'a starter registry: 8 metrics, every field shown' },
  { name: 'example-2025.md', what: 'a sample report that builds clean; replace it with yours' }
]
const starterFolder = new URL('../../starter/', import.meta.url)

/**
 * What factmark writes, for .gitignore: the output is made from source/, and a cache kept in the
 * project (the folder the README's CI set-up names) is made from both; neither is committed.
 */
const ignoredFolders = [
  { line: 'dist/', what: 'the build output', matches: /^\/?dist\/?$/ },
  { line: '.factmark-cache/', what: 'a cache kept for CI', matches: /^\/?\.factmark-cache\/?$/ }
]

export interface InitOptions {
  /** The source folder to create. Default `source`. */
  src?: string
  cwd?: string
}

/** A file init wrote or changed, relative to `cwd`, and what it is. */
interface WrittenFile {
  path: string
  what: string
}

export interface Initialized {
  written: WrittenFile[]
  /** .gitignore already ignored dist/ and .factmark-cache/, and was left as it was. */
  gitignoreKept: boolean
}

/**
 * Start a project in `cwd`: a source folder with a starter registry and a sample report, and
 * dist/ and .factmark-cache/ in .gitignore (each appended to one that lacks it). Refuses, writing
 * nothing, when the source folder exists with anything in it: init never changes a project that
 * has begun.
 */
export async function initProject(options: InitOptions = {}): Promise<Result<Initialized, string>> {
  const cwd = options.cwd ?? process.cwd()
  const folder = path.resolve(cwd, options.src ?? 'source')
  const shownFolder = displayPath(folder, cwd)
  // A terminal opened in a project's source folder: a project inside it would be read as a report folder.
  if ((await kindOf(path.join(cwd, 'metrics.yaml'))) !== 'absent')
    return err(
      'this folder holds metrics.yaml, so it is the source folder of a project already: run init in a folder of its own to start another'
    )
  const inTheWay = await contentsOf(folder)
  if (inTheWay === 'not a folder') return err(`${shownFolder} exists and is not a folder; init writes nothing over it`)
  if (inTheWay.length > 0)
    return err(
      `${shownFolder}/ already holds ${fewOfMany(inTheWay)}; init starts a new project and changes nothing in an existing one`
    )
  const gitignore = path.join(cwd, '.gitignore')
  const present = await kindOf(gitignore)
  if (present === 'other') return err('.gitignore exists and is not a file; init writes nothing over it')
  const ignored = present === 'file' ? await readFile(gitignore, 'utf8') : undefined

  await mkdir(folder, { recursive: true })
  const written: WrittenFile[] = []
  for (const starter of starterFiles) {
    const file = path.join(folder, starter.name)
    await writeFile(file, await readFile(new URL(starter.name, starterFolder)), { flag: 'wx' })
    written.push({ path: displayPath(file, cwd), what: starter.what })
  }
  const lines = ignored?.split(/\r?\n/).map((line) => line.trim()) ?? []
  const missing = ignoredFolders.filter((folder) => !lines.some((line) => folder.matches.test(line)))
  const added = missing.map((folder) => `${folder.line}\n`).join('')
  const named = missing.map((folder) => `${folder.line} (${folder.what})`).join(' and ')
  if (ignored === undefined) {
    await writeFile(gitignore, added, { flag: 'wx' })
    written.push({ path: '.gitignore', what: `ignores ${named}` })
  } else if (missing.length > 0) {
    const separator = ignored === '' || ignored.endsWith('\n') ? '' : '\n'
    await writeFile(gitignore, `${separator}${added}`, { flag: 'a' })
    written.push({ path: '.gitignore', what: `adds ${named}` })
  }
  return ok({ written, gitignoreKept: missing.length === 0 })
}

/** The names in a folder, [] when there is none, or 'not a folder' when something else has its name. */
async function contentsOf(folder: string): Promise<string[] | 'not a folder'> {
  try {
    if (!(await lstat(folder)).isDirectory()) return 'not a folder'
    return (await readdir(folder)).sort()
  } catch (error) {
    if (isNodeError(error) && error.code === 'ENOENT') return []
    throw error
  }
}

async function kindOf(file: string): Promise<'absent' | 'file' | 'other'> {
  try {
    return (await lstat(file)).isFile() ? 'file' : 'other'
  } catch (error) {
    if (isNodeError(error) && error.code === 'ENOENT') return 'absent'
    throw error
  }
}
