import { readdirSync } from 'node:fs'
import path from 'node:path'
import { displayPath, reportNames } from '../load/sources.js'
import type { KeptCheck } from '../cache/kept-check.js'

/**
 * The reports a check of named files compiles: the collection of the source folder, so that what
 * the named reports state is checked against the others (a change against a level another year
 * publishes, a restatement, a target met), then each named file that stands elsewhere. The
 * folder's own come first, in name order, so that a named report outside it that takes a slug of
 * the folder is the one told. `shown` holds the named files as messages name them.
 */
export function reportsOfNamed(
  src: string,
  files: readonly string[],
  cwd: string
): { files: string[]; shown: Set<string> } {
  return {
    files: [...folderReports(src, cwd), ...files.map((file) => path.resolve(cwd, file))],
    shown: new Set(files.map((file) => displayPath(file, cwd)))
  }
}

/**
 * What a check says of the named reports alone: their messages, and those of the rules across
 * reports that point at one of them from another report, the registry's, their coverage and facts.
 */
export function narrowedTo<Check extends KeptCheck>(
  checked: Check,
  shown: ReadonlySet<string>,
  registry: string
): Check {
  return {
    ...checked,
    diagnostics: checked.diagnostics.filter(
      (diagnostic) =>
        shown.has(diagnostic.file) ||
        diagnostic.file === registry ||
        (diagnostic.related ?? []).some((place) => shown.has(place.file))
    ),
    coverage: checked.coverage.filter((entry) => shown.has(entry.path)),
    factsOf: Object.fromEntries(Object.entries(checked.factsOf).filter(([file]) => shown.has(file)))
  }
}

/**
 * The reports of the source folder that a build of named files leaves out of the site it publishes:
 * a build of `source/a.md` publishes a site of that report alone.
 */
export function leftOutOfSite(src: string, files: readonly string[], cwd: string): string[] {
  const named = new Set(files.map((file) => path.resolve(cwd, file)))
  return folderReports(src, cwd).filter((file) => !named.has(file))
}

/** The reports (*.md) that stand in the source folder, in name order, as paths from the root. */
function folderReports(src: string, cwd: string): string[] {
  const folder = path.resolve(cwd, src)
  try {
    return reportNames(readdirSync(folder)).map((name) => path.join(folder, name))
  } catch {
    // A folder that cannot be read is said so where its registry is read.
    return []
  }
}
