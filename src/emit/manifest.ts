import { compareStrings } from '../model/compare.js'
import type { Manifest } from '../model/schema-types.js'
import { schemaId } from '../model/schemas.js'
import { version } from '../version.js'
import { byteLength, sha256 } from './hash.js'

/** dist/manifest.json: every other file of the site with its size and SHA-256, in path order. */
export function emitManifest(files: ReadonlyArray<{ path: string; content: string | Uint8Array }>): string {
  return emitManifestOf(
    files.map((file) => ({ path: file.path, bytes: byteLength(file.content), sha256: sha256(file.content) }))
  )
}

/** The manifest of files already digested, as a build that writes them as it goes knows them. */
export function emitManifestOf(files: ReadonlyArray<{ path: string; bytes: number; sha256: string }>): string {
  const manifest: Manifest = {
    $schema: schemaId('manifest.schema.json') as Manifest['$schema'],
    generator: { name: 'factmark', version },
    files: [...files]
      .sort((a, b) => compareStrings(a.path, b.path))
      .map(({ path, bytes, sha256: digest }) => ({ path, bytes, sha256: digest }))
  }
  return `${JSON.stringify(manifest, null, 2)}\n`
}
