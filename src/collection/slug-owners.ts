import type { Position } from 'unist'
import type { VFile } from 'vfile'
import { frontMatterFixes } from '../diagnostics/front-matter-fixes.js'
import { report } from '../diagnostics/report.js'

/** A report that claims a slug: its path, as messages name it, and the slug of its front matter. */
export interface SlugClaim {
  path: string
  slug: string
}

/**
 * The report that keeps each slug, by slug: the one whose file is named for it (xiamen-2025.md
 * for xiamen-2025), else the first to claim it. A copy of a report under another name that keeps
 * its slug is then the one told, whatever the order of their names: lujiang-2025-final.md comes
 * before lujiang-2025.md.
 */
export function slugOwners(claims: Iterable<SlugClaim>): Map<string, string> {
  const owners = new Map<string, string>()
  for (const { path, slug } of claims) {
    const owner = owners.get(slug)
    if (owner === undefined || (!namedFor(owner, slug) && namedFor(path, slug))) owners.set(slug, path)
  }
  return owners
}

/** Whether a report's file is named for a slug: <slug>.md, in any folder. */
export function namedFor(path: string, slug: string): boolean {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1) === `${slug}.md`
}

/** Tell a report whose slug another keeps. */
export function tellSlugTaken(file: VFile, slug: string, owner: string, place: Position): void {
  report(
    file,
    'front-matter-invalid',
    `Front matter: the slug "${slug}" is already used by ${owner}; each report needs its own output folder`,
    place
  ).note = frontMatterFixes.slugTaken
}
