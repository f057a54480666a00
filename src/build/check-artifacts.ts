import { schemaOfSitePath, validatorOf } from '../model/schemas.js'
import type { Artifact } from './publish.js'

/** The site's own JSON files must meet their published schemas before anything is written. */
export function checkArtifacts(artifacts: readonly Artifact[]): void {
  for (const artifact of artifacts) {
    const schema = schemaOfSitePath(artifact.path)
    // Each report's bundle was checked against its schema when it was compiled.
    if (schema === undefined || schema === 'bundle.schema.json' || typeof artifact.content !== 'string') continue
    if (!validatorOf(schema)(JSON.parse(artifact.content))) throw new Error(`${artifact.path} does not meet its schema`)
  }
}
