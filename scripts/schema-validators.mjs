#!/usr/bin/env node
// Writes lib/model/schema-validators/<schema>.cjs: the validators of schema/ as code (ajv's
// standalone validation code), so that a command starts without loading ajv and compiling the
// schemas, which cost a check of one report a sixth of its time; a file for each schema, so that
// it loads only the code of those it uses. They are the validators ajv would compile at run time,
// with the same options (src/model/schema-ajv.ts), and carry the digest of the schemas they come
// from: src/model/schemas.ts uses them only for the same schemas, and compiles them otherwise.
// Run by `npm run compile` (and `prepare`) after tsc with --force, and before the tests, where it
// leaves as they are files of the same schemas unless lib/ was just compiled. lib/ is not committed.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import standaloneCode from 'ajv/dist/standalone/index.js'
import { schemaAjv, schemaTexts, standaloneFolder } from '../lib/model/schema-ajv.js'
import { schemaFiles, schemaId } from '../lib/model/schemas.js'

const directory = new URL('../schema/', import.meta.url)
const folder = new URL(`../lib/model/${standaloneFolder}/`, import.meta.url)
const { texts, digest } = schemaTexts(directory, schemaFiles)
const digestLine = `exports.digest = ${JSON.stringify(digest)};\n`
const targets = schemaFiles.map((file) => ({ file, target: new URL(`${file}.cjs`, folder) }))
const current = targets.every(({ target }) => existsSync(target) && readFileSync(target, 'utf8').endsWith(digestLine))
if (!current || process.argv.includes('--force')) {
  const ajv = schemaAjv(texts, { source: true })
  mkdirSync(folder, { recursive: true })
  for (const { file, target } of targets) {
    const code = standaloneCode(ajv, { validate: schemaId(file) })
    // Written whole and then renamed: tests that run lib/ in parallel never require half a file.
    const temporary = new URL(`${target.href}.${process.pid}.tmp`)
    writeFileSync(temporary, `${code}\n${digestLine}`)
    renameSync(temporary, target)
  }
}
