import { readSchema, schemaFiles } from '../model/schemas.js'

/** dist/schema/: the JSON Schemas of every published format, under the names their $ids end with. */
export function emitSchemas(): Array<{ path: string; content: string }> {
  return schemaFiles.map((file) => ({
    path: `schema/${file}`,
    content: `${JSON.stringify(readSchema(file), null, 2)}\n`
  }))
}
