import type { Dirent } from 'node:fs'
import { readdir, realpath } from 'node:fs/promises'
import path from 'node:path'
import { compareStrings } from '../model/compare.js'

/**
 * Folders inside a source folder that cannot hold an editor's reports: version control, editors'
 * and tools' own folders (`.git`, `.obsidian`, `.vscode`) and installed packages.
 */
export function isOthersFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules'
}

/**
 * The Markdown files in the folders inside a source folder, as paths relative to it, in name
 * order: a build reads only the reports that stand in the folder itself, and one of these would
 * otherwise be left out of the site without a word (a collection sorted into a folder a year).
 * `real` is the source folder's real path and `top` its own entries. A folder named `*.md` is
 * reported as such and not looked into; links to folders are not followed (they may lead out of
 * the source folder, or round in a loop); a file that a report of the folder itself links to is
 * read through that link and is left out.
 */
export async function nestedReports(real: string, top: readonly Dirent[]): Promise<string[]> {
  const linked = await linkTargets(real, top)
  const found: string[] = []
  const walk = async (relative: string, entries: readonly Dirent[]): Promise<void> => {
    for (const entry of entries) {
      const inside = relative === '' ? entry.name : `${relative}/${entry.name}`
      if (relative !== '' && entry.name.endsWith('.md') && !entry.isDirectory()) {
        if (!linked.has(await realOf(path.join(real, inside), entry))) found.push(inside)
      } else if (entry.isDirectory() && !entry.name.endsWith('.md') && !isOthersFolder(entry.name)) {
        let below: Dirent[]
        try {
          below = await readdir(path.join(real, inside), { withFileTypes: true })
        } catch {
          // A folder that cannot be read holds nothing the build could have read either.
          continue
        }
        await walk(inside, below)
      }
    }
  }
  await walk('', top)
  return found.sort(compareStrings)
}

/** The real paths of the files that the folder's own `*.md` links lead to. */
async function linkTargets(real: string, top: readonly Dirent[]): Promise<Set<string>> {
  const targets = new Set<string>()
  for (const entry of top)
    if (entry.name.endsWith('.md') && entry.isSymbolicLink())
      targets.add(await realOf(path.join(real, entry.name), entry))
  return targets
}

async function realOf(file: string, entry: Dirent): Promise<string> {
  if (!entry.isSymbolicLink()) return file
  try {
    return await realpath(file)
  } catch {
    return file
  }
}
