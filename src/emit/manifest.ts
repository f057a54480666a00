import { compareStrings } from '../model/compare.js'
import type { Manifest } from '../model/schema-types.js'
import { schemaId } from '../model/schemas.js'
import { version } from '../version.js'

/**
 * dist/manifest.json: every other file of the site with its size and SHA-256, in path order, as
 * they were digested when written.
 */
export function emitManifestOf(files: ReadonlyArray<{ path: string; bytes: number; sha256: string }>): string {
  return `${JSON.stringify(manifestOf(files), null, 2)}\n`
}

/** What dist/manifest.json says, before it is written: a build of ten thousand reports writes it a piece at a time. */
export function manifestOf(files: ReadonlyArray<{ path: string; bytes: number; sha256: string }>): Manifest {
  return {
    $schema: schemaId('manifest.schema.json') as Manifest['$schema'],
    generator: { name: 'factmark', version },
    files: [...files]
      .sort((a, b) => compareStrings(a.path, b.path))
      .map(({ path, bytes, sha256: digest }) => ({ path, bytes, sha256: digest }))
  }
}
