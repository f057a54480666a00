import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Ajv2020, Options, ValidateFunction } from 'ajv/dist/2020.js'

// ajv and its formats are CommonJS, and they are required only when a schema is compiled here: a
// process that finds the validators compiled ahead of time (below) does not load them at all.
const require = createRequire(import.meta.url)

/**
 * The folder of the validators' code that `npm run compile` generates beside this module
 * (scripts/schema-validators.mjs): a file for each schema, so that a command loads the code of the
 * schemas it uses, not of all ten (a third of a megabyte).
 */
export const standaloneFolder = 'schema-validators'

/** The schemas' texts and a digest of them, which names the texts that validators were generated from. */
export interface SchemaTexts {
  texts: readonly string[]
  digest: string
}

export function schemaTexts(directory: URL, files: readonly string[]): SchemaTexts {
  const texts = files.map((file) => readFileSync(new URL(file, directory), 'utf8'))
  const hash = createHash('sha256')
  for (const [index, text] of texts.entries()) hash.update(`${files[index]}\0${text}\0`)
  return { texts, digest: hash.digest('hex') }
}

/**
 * An ajv with every schema added: all errors, each with the schema and the data that failed, which the
 * diagnostics quote. With `source`, its validators can be written out as code.
 */
export function schemaAjv(texts: readonly string[], { source = false } = {}): Ajv2020 {
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')
  const addFormats = require('ajv-formats') as (ajv: Ajv2020) => Ajv2020
  const options: Options = { allErrors: true, verbose: true, strict: true, ...(source && { code: { source: true } }) }
  const ajv = addFormats(new Ajv2020(options))
  for (const text of texts) ajv.addSchema(JSON.parse(text) as Record<string, unknown>)
  return ajv
}

/**
 * The validator of a schema generated ahead of time, when it was generated from these texts;
 * otherwise undefined (not generated, as under src/, or generated before a schema changed), and the
 * schema is compiled when it is used.
 */
export function standaloneValidator(file: string, digest: string): ValidateFunction | undefined {
  let generated: { validate?: ValidateFunction; digest?: unknown }
  try {
    generated = require(`./${standaloneFolder}/${file}.cjs`) as typeof generated
  } catch (error) {
    if ((error as { code?: unknown }).code === 'MODULE_NOT_FOUND') return undefined
    throw error
  }
  return generated.digest === digest ? generated.validate : undefined
}
