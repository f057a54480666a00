import { schemaOfSitePath, validatorOf } from '../model/schemas.js'
import type { Artifact } from './publish.js'

/**
 * The site's own JSON files must meet their published schemas before anything is written. A file
 * given with `value`, the value its text is the JSON of, is checked by that value, without a parsed
 * copy of the text: the same check, or a stricter one where the value has a property set to
 * undefined, which its JSON leaves out.
 */
export function checkArtifacts(artifacts: ReadonlyArray<Artifact & { value?: () => unknown }>): void {
  for (const artifact of artifacts) {
    const schema = schemaOfSitePath(artifact.path)
    // Each report's bundle was checked against its schema when it was compiled.
    if (schema === undefined || schema === 'bundle.schema.json' || typeof artifact.content !== 'string') continue
    checkSiteValue(artifact.path, artifact.value ? artifact.value() : JSON.parse(artifact.content))
  }
}

/** Check a site's own JSON file by the value it is the JSON of (see checkArtifacts); throws when it does not meet its schema. */
export function checkSiteValue(file: string, value: unknown): void {
  const schema = schemaOfSitePath(file)
  if (schema === undefined || schema === 'bundle.schema.json') return
  if (!validatorOf(schema)(value)) throw new Error(`${file} does not meet its schema`)
}
