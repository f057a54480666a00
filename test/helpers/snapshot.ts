import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

/**
 * Every file under a folder with its SHA-256, by relative path; with `folders`, every folder too
 * (as `name/`), so that an empty folder added or removed shows.
 */
export function snapshot(root: string, options: { folders?: boolean } = {}): Record<string, string> {
  const files: Record<string, string> = {}
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name)
      const relative = path.relative(root, full)
      if (statSync(full).isDirectory()) {
        if (options.folders) files[`${relative}/`] = 'folder'
        walk(full)
      } else {
        files[relative] = createHash('sha256').update(readFileSync(full)).digest('hex')
      }
    }
  }
  walk(root)
  return files
}
